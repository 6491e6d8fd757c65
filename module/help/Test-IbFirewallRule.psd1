@{
    Synopsis    = 'Reports whether Windows Firewall lets remote clients reach the API port, and whether only 127.0.0.1 may.'
    Description = @'
After configuring the API, the guide's next step is the Windows firewall. Test-IbFirewallRule reads the inbound rules (netsh advfirewall firewall show rule name=all dir=in verbose) and, for each API port, returns an IbFirewallRuleResult: Status NoRule (nothing admits remote clients: only local bots connect, the safe default), LoopbackOnly (rules allow the port from 127.0.0.0/8 or ::1 only), Exposed (a rule admits other addresses, such as LocalSubnet or Any) or Blocked (a block rule covers the port for every address), with the rules that matter and, when exposed, the Set-NetFirewallRule command that limits a rule to 127.0.0.1.

A rule counts when it is enabled, inbound, for TCP or any protocol, covers the port (listed, in a range, or Any) and applies to any program or to IB's own (ibgateway.exe, tws.exe, or the Java under C:\Jts). Windows creates such a program rule with "Any" port when you click "Allow access" the first time IB Gateway listens: that rule exposes every API port to the network it was allowed on.

Windows Firewall never filters loopback, so a local bot connects whatever the rules say. netsh prints localised labels; on a non-English Windows the command stops with FirewallOutputUnrecognized and says how to check with Get-NetFirewallPortFilter. On Linux and macOS it stops with PlatformNotSupported.
'@
    Parameters  = @{
        Port = 'The API ports to assess. Default 7497, 7496, 4002 and 4001 (TWS paper/live, IB Gateway paper/live). Accepts pipeline input and the Port property of other IbConfig objects.'
    }
    DefaultValues = @{ Port = '7497, 7496, 4002, 4001' }
    Examples    = @(
        @{
            Title   = 'Is the paper port reachable from the network?'
            Code    = 'Test-IbFirewallRule -Port 7497'
            Remarks = 'Status LoopbackOnly or NoRule means only this machine reaches it; Exposed lists the rules that admit other addresses and the Remedy that limits them.'
        }
        @{
            Title   = 'Fix every exposing rule'
            Code    = 'Test-IbFirewallRule | Where-Object Status -eq Exposed | ForEach-Object { Invoke-Expression $_.Remedy }'
            Remarks = 'Runs Set-NetFirewallRule -RemoteAddress 127.0.0.1 for each exposing rule (from an elevated prompt).'
        }
    )
    Notes        = 'Needs no elevation to read the rules. A live port (7496, 4001) exposed to the network also writes a warning.'
    RelatedLinks = @('Test-IbApiConfiguration')
    Inputs      = @('System.Int32', 'IbConfig.Core.Settings.IbApiSettings')
}
