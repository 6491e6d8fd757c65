BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Register-IbHealthCheckTask and Unregister-IbHealthCheckTask off Windows' -Skip:($env:OS -eq 'Windows_NT') {
    It 'Register stops with PlatformNotSupported and prints the equivalent cron line' {
        { Register-IbHealthCheckTask -Port 4002 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PlatformNotSupported,IbConfig.PowerShell.Commands.RegisterIbHealthCheckTaskCommand'
        try { Register-IbHealthCheckTask -Port 4002 -Every 00:10:00 } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'only on Windows'
        $err.Exception.Message | Should -Match ([regex]::Escape("*/10 * * * * pwsh -NoProfile -NonInteractive -Command 'Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -Quiet; exit `$LASTEXITCODE'"))
    }

    It 'Register points to the systemd units when cron cannot express the interval' {
        try { Register-IbHealthCheckTask -Every 00:07:00 } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'OnUnitActiveSec=7min'
    }

    It 'Register fails the same way under -WhatIf (nothing could be registered)' {
        { Register-IbHealthCheckTask -WhatIf } | Should -Throw -ErrorId 'PlatformNotSupported,IbConfig.PowerShell.Commands.RegisterIbHealthCheckTaskCommand'
    }

    It 'Unregister stops with PlatformNotSupported and says how to remove cron or systemd schedules' {
        try { Unregister-IbHealthCheckTask } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'PlatformNotSupported,IbConfig.PowerShell.Commands.UnregisterIbHealthCheckTaskCommand'
        $err.Exception.Message | Should -Match 'crontab -e'
        $err.Exception.Message | Should -Match 'systemctl disable --now ibconfig-health.timer'
    }
}

Describe 'Register-IbHealthCheckTask on Windows' -Skip:($env:OS -ne 'Windows_NT') {
    It 'shows the task it would register and registers nothing with -WhatIf' {
        $name = '\IbConfig\PesterWhatIf' + [guid]::NewGuid().ToString('N')
        Register-IbHealthCheckTask -TaskName $name -Port 4002 -WhatIf | Should -BeNullOrEmpty
        schtasks.exe /Query /TN $name 2>$null | Out-Null
        $LASTEXITCODE | Should -Not -Be 0
    }

    It 'refuses an interval Task Scheduler cannot repeat' {
        { Register-IbHealthCheckTask -Every 00:00:30 -WhatIf } | Should -Throw -ErrorId 'HealthCheckIntervalOutOfRange,IbConfig.PowerShell.Commands.RegisterIbHealthCheckTaskCommand'
    }
}

Describe 'Unregister-IbHealthCheckTask parameters' {
    It 'takes TaskName from the pipeline by property name, as Register-IbHealthCheckTask outputs it' {
        $p = (Get-Command Unregister-IbHealthCheckTask).Parameters['TaskName']
        $p.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
        (Get-Command Register-IbHealthCheckTask).OutputType.Type | Should -Be ([IbConfig.Core.Health.IbHealthCheckTask])
    }
}
