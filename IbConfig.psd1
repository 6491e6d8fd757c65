@{
    RootModule           = 'IbConfig.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f6c3e-8d2a-4f7e-9a61-2c4d7e1b9f30'
    Author               = 'IbConfig contributors'
    CompanyName          = 'IbConfig'
    Copyright            = '(c) IbConfig contributors. Licensed under the MIT License (see LICENSE).'
    Description          = 'Configure and verify the API access of Interactive Brokers IB Gateway and TWS: read and safely change jts.ini, the profile XML and IBC config.ini settings with their provenance, manage trusted IPs, probe the API port, and test the TWS API handshake natively, with a built-in gateway simulator for tests and CI.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # Loaded with the module so Core's public types (e.g. [IbConfig.Core.Checks.IbCheckStatus]) resolve in scripts at once.
    RequiredAssemblies   = @('IbConfig.Core.dll')
    # One file, merged from module/*.format.ps1xml by build.ps1, and no TypesToProcess: Import-Module pays for every format
    # and types file it loads (docs/import-time.md).
    FormatsToProcess     = @('IbConfig.format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Add-IbTrustedIp'
        'Backup-IbConfig'
        'Compare-IbApiConfiguration'
        'Export-IbApiBaseline'
        'Find-IbConfig'
        'Get-IbApiSetting'
        'Get-IbConfigBackup'
        'Get-IbGatewayProcess'
        'Get-IbGatewaySimulator'
        'Get-IbHealthCheckCommand'
        'Get-IbTrustedIp'
        'Invoke-IbGatewaySimulatorFault'
        'Invoke-IbHealthCheck'
        'Register-IbHealthCheckTask'
        'Remove-IbTrustedIp'
        'Repair-IbApiConfiguration'
        'Restore-IbConfig'
        'Send-IbcCommand'
        'Set-IbApiSetting'
        'Set-IbTrustedIp'
        'Start-IbGatewaySimulator'
        'Stop-IbGatewaySimulator'
        'Test-IbApiConfiguration'
        'Test-IbConnection'
        'Test-IbFirewallRule'
        'Test-IbPort'
        'Unregister-IbHealthCheckTask'
        'Watch-IbGateway'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            ReleaseNotes = @'
0.1.0: first release. Reads and safely changes the API settings of jts.ini, the profile XML (ibg.xml/tws.xml) and IBC's
config.ini with their provenance; manages trusted IPs; probes the API port and tests the TWS API handshake natively;
checks the whole configuration (Test-IbApiConfiguration, Invoke-IbHealthCheck, a scheduled health-check task); reads
Windows Firewall rules in any display language; ships a gateway simulator for tests and CI.
Outputs show statuses, kinds and categories as names and times as hh:mm:ss text (strings, not enums or TimeSpans), so
they read the same in ConvertTo-Json (5.1 and 7), Export-Clixml and remoting; Sort-Object on them sorts by name, and
IbHealthCheckRecord.ExitCode is an int (docs/serialisation.md).
Breaking: in Get-IbApiSetting's output, SettingValue.Overridden and IbSettingConflict.Values are flat records (Store,
Value, Path, Location, LineNumber, Problem) instead of full SettingValues, so ConvertTo-Json -Depth 4 writes the settings
whole; SettingValue.OverriddenBy, IbSettingConflict.Effective and IbSettingConflict.Sources are removed.
'@
            Tags = @('InteractiveBrokers', 'IBGateway', 'TWS', 'TradingBot', 'API', 'jts.ini', 'IBC', 'HealthCheck', 'Windows', 'Linux', 'MacOS', 'PSEdition_Desktop', 'PSEdition_Core')
        }
    }
}
