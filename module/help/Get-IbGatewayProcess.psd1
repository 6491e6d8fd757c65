@{
    Synopsis    = 'Lists the running IB Gateway and TWS instances, with their product, start time and settings folder.'
    Description = @'
Get-IbGatewayProcess replaces the guide's "Get-Process | Where-Object ProcessName -like *java*" check. It recognises the native launchers (ibgateway.exe, tws.exe, and ibgateway / tws on Linux and macOS) and java / javaw processes whose command line or path names IB's jars and classes (jts4launch, twslaunch, ibgateway.GWClient, jclient.LoginFrame), IBC (ibcalpha.ibc.IbcGateway / IbcTws), a Jts folder or -DjtsConfigDir=.

For each instance it reports the process id, product (Gateway or Tws), start time, and the settings folder when it can be told: from -DjtsConfigDir= or the folder IB's launcher passes (SettingsDirectorySource CommandLine), or guessed from the Jts folder above the program (InstallFolder). CommandLineKnown is False when the operating system would not give the command line (another user's or a protected process); then only the name and path identified it. The command line itself is never output, because IBC accepts the login and password as arguments.

IB writes its settings back when it exits, so every IbConfig cmdlet that writes a settings file refuses while an instance that may use that file's folder runs (unless -Force). Only a folder named on the command line clears an instance; any other running instance counts as possibly using the folder. This cmdlet shows what that guard sees.
'@
    Parameters  = @{
        Product        = 'Only instances of these products: Gateway, Tws.'
        SettingsFolder = 'Only instances that may write their settings back into this settings folder (the folder holding jts.ini) - the ones that would block a write there. Binds from a SettingsDirectory property.'
    }
    Examples    = @(
        @{ Title = 'Is IB Gateway running?'; Code = 'Get-IbGatewayProcess'; Remarks = 'Lists every running IB Gateway and TWS with its id, product, start time and settings folder. No output means none runs.' }
        @{ Title = 'Would a change to my jts.ini be undone?'; Code = 'Get-IbGatewayProcess -SettingsFolder "$env:USERPROFILE\Jts"'; Remarks = 'Lists the instances that may write their settings back into that folder when they exit; close them before Set-IbApiSetting.' }
        @{ Title = 'Stop the gateway before editing'; Code = 'Get-IbGatewayProcess -Product Gateway | ForEach-Object { Stop-Process -Id $_.Id -WhatIf }'; Remarks = 'Shows which gateway processes would be stopped. Close IB Gateway normally where you can, as the guide advises: a killed gateway may not save its settings.' }
    )
    RelatedLinks = @('Find-IbConfig', 'Set-IbApiSetting', 'Restore-IbConfig')
    Inputs      = @('IbConfig.Core.Processes.GatewayProcessInfo')
}
