@{
    Description = 'One check of the checklist: what it verifies, what was found, and the command that fixes it.'
    Properties  = @{
        Id       = 'Stable PascalCase id (e.g. LocalhostTrusted) that scripts and monitoring can key on.'
        Name     = 'What the check verifies, in words (e.g. "127.0.0.1 is a trusted IP").'
        Category = 'Which part of the set-up the check looks at.'
        Status   = 'The verdict; Skipped when the check needs something an earlier one did not find.'
        Expected = 'The value or state the guide asks for.'
        Actual   = 'What was found.'
        Source   = 'Where the actual value came from: file:line, live, or a short description.'
        Remedy   = 'The exact command that fixes it (e.g. Add-IbTrustedIp 127.0.0.1 -Path ...), naming every store the checklist read; empty when nothing needs fixing.'
        Fix      = 'The remedy as a settings change (values or trusted-IP edit, and the stores it goes to) that Repair-IbApiConfiguration applies; empty when the remedy is manual or live.'
    }
}
