@{
    Synopsis    = 'Captures a gateway''s desired state (effective API settings, trusted addresses, restart plan) to a baseline file that holds no credentials and diffs cleanly.'
    Description = @'
Export-IbApiBaseline reads every store of a gateway (jts.ini, the profile XML, IBC's config.ini), takes the settings that count, and writes them to -Baseline as ini text: a [Settings] section with one setting per line in sorted order, a [TrustedIps] section with one Address= line per trusted address, and a [RestartPlan] section with the auto-logoff, auto-restart, IBC cold-restart and closedown times, followed by the maintenance windows they imply as comments. IBC's login keys and anything else that names a password or login id never reach the file.

Keep the file in git next to your ops scripts: a diff between two baselines shows exactly which setting changed. Compare-IbApiConfiguration -Baseline lists the differences between a gateway and the file, and Test-IbApiConfiguration -Baseline / Invoke-IbHealthCheck -Baseline add a Drift check to the checklist.

Without -Baseline the cmdlet writes nothing and returns the IbApiBaseline object, which is what a fleet wants from Invoke-Command: the objects come back over remoting with the same property names (Settings, TrustedIps, RestartPlan, MaintenanceWindows, SettingsPath).
'@
    Parameters  = @{
        Path          = 'The jts.ini whose settings to capture (Find-IbConfig lists them). Default: the first jts.ini that Find-IbConfig lists.'
        Profile       = 'The profile folder or its ibg.xml / tws.xml. Default: the profile jts.ini names, found beside it.'
        IbcConfigPath = 'IBC''s config.ini. Default: $env:IBC_INI, else IBC''s usual places.'
        Baseline      = 'The baseline file to write (replaced atomically; its folder must exist). Default: none, the baseline is only returned.'
    }
    Examples    = @(
        @{
            Title   = 'Capture the gateway''s settings as they are today'
            Code    = 'Export-IbApiBaseline -Path C:\Jts\jts.ini -Baseline C:\ops\baselines\gateway-paper.ini'
            Remarks = 'Writes the baseline and returns it; commit the file so later changes show up in a diff.'
        }
        @{
            Title   = 'One baseline per gateway of a fleet, over remoting'
            Code    = 'Invoke-Command -ComputerName gw1, gw2 { Import-Module IbConfig; Export-IbApiBaseline -Baseline C:\ProgramData\IbConfig\baseline.ini } | Format-List PSComputerName, SettingsPath, TrustedIps, MaintenanceWindows'
            Remarks = 'Each machine reads its own stores and keeps its baseline beside them; the objects come back with their PSComputerName.'
        }
    )
    RelatedLinks = @('Compare-IbApiConfiguration', 'Test-IbApiConfiguration', 'Get-IbApiSetting')
    Inputs       = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Discovery.IbConfigLocation')
}
