@{
    Synopsis    = 'Starts a TWS API gateway simulator on loopback that behaves like IB Gateway configured with the given settings.'
    Description = @'
Start-IbGatewaySimulator starts IbConfig's gateway simulator in the background of the session and registers it, so that Get-IbGatewaySimulator and Stop-IbGatewaySimulator can find it later. The simulator is a TWS API server: it negotiates the server version with any real client (IB's own, ib_async, @stoqey/ib), sends the managed accounts, the next valid order id and the farm-status notices after START_API, and answers current time, account summary, positions, managed accounts and next ids with the accounts and values it was given. Any other request gets a polite "not supported by the simulator" error on its request id; order requests are never executed.

It honours the API settings a real gateway has: the socket port (0 lets the OS choose; the chosen port is reported), "Enable ActiveX and Socket Clients" (-DisableApi: nothing listens), the trusted IP list and "Allow connections from localhost only" (an untrusted peer is closed at once, as Gateway builds do, or held without a reply like TWS's accept dialog: -UntrustedBehaviour), the master API client id, a client id already in use (error 326, then close), and Read-Only API (-ReadOnlyApi: order requests get error 321).

It listens on 127.0.0.1 unless -BindAddress says otherwise. Hostile clients are contained: frames and handshakes are capped and timed, bad bytes close only that client. A bot's own CI can run the same simulator without PowerShell: dotnet run --project src/IbConfig.Simulator.Cli -- --port 4002.
'@
    Parameters  = @{
        Path             = 'A jts.ini (or the settings folder holding it) whose API settings the simulator honours: the effective values of jts.ini (either layout) and the profile XML beside it, as Get-IbApiSetting shows them. Parameters given explicitly override them. Accepts pipeline input by property name (Path, FullName, PSPath).'
        IbcConfigPath    = 'With -Path: IBC''s config.ini, whose values win as they do on an IBC-managed gateway (OverrideTwsApiPort, ReadOnlyApi, TrustedTwsApiClientIPs, AcceptIncomingConnectionAction: reject closes untrusted peers, manual holds them, accept serves them). Only this file is read; IBC''s usual places are not searched.'
        Port             = 'The API socket port to listen on. Default: the settings'' port with -Path, else 4002 (IB Gateway paper). 0 lets the operating system choose a free port; the chosen one is in the Port property of the output.'
        Account          = 'The managed accounts to report, e.g. DU123456,DU654321 (letters and digits). Default: the data file''s accounts, else DU123456. Values set for these accounts in -DataPath are kept.'
        DataPath         = 'A simulator data file with [Accounts], [Summary] (Account,Tag,Value,Currency) and [Positions] (Account,Symbol,Quantity,AverageCost,...) sections of comma-separated rows; see samples/simulator/paper-accounts.txt.'
        ReadOnlyApi      = 'Simulates "Read-Only API": order requests (place, cancel, open orders) are refused with error 321.'
        TrustedIp        = 'The trusted IP addresses, exact addresses only as IB accepts them. Default 127.0.0.1. A peer not in the list is treated as -UntrustedBehaviour says; an empty list trusts nobody.'
        UntrustedBehaviour = 'What happens to a peer that is not trusted: Close (default) closes it right after it connects, as IB Gateway builds do; Hold keeps it connected without any reply, like TWS waiting on its "Accept incoming connection" dialog; Accept serves it, like IBC answering that dialog with accept.'
        MasterClientId   = 'The master API client id. It does not restrict who connects; the session of that client is marked as the master in Get-IbGatewaySimulator -Session.'
        OccupiedClientId = 'Client ids that a stale client still holds: START_API with one of them gets error 326 and the connection is closed, as after a bot exited uncleanly.'
        MaxServerVersion = 'The highest server version to answer, 100 to 193 (default 193). Lower it to simulate an older gateway; below 166 errors have no advancedOrderRejectJson field.'
        DisableApi       = 'Simulates "Enable ActiveX and Socket Clients" unticked: the simulator is registered but nothing listens, so clients are refused.'
        BindAddress      = 'The local address to listen on. Default 127.0.0.1; ::1 for IPv6 loopback. Connections from peers other than loopback are closed while localhost-only is on.'
        PassThru         = 'Writes the simulator''s description (IbGatewaySimulatorInfo) to the pipeline. Without it the command writes nothing.'
    }
    DefaultValues = @{ Port = '4002 (or the settings'' port)'; UntrustedBehaviour = 'Close'; MaxServerVersion = '193'; BindAddress = '127.0.0.1' }
    Examples    = @(
        @{ Title = 'Stand in for a paper IB Gateway'; Code = 'Start-IbGatewaySimulator -Port 4002 -Account DU123456 -PassThru'; Remarks = 'Listens on 127.0.0.1:4002 like a logged-in paper gateway managing DU123456. Point the bot at 127.0.0.1:4002, clientId 1, as the guide''s verification script does.' }
        @{ Title = 'Behave like the gateway a jts.ini configures'; Code = 'Get-IbApiSetting -Path C:\Jts\jts.ini | Start-IbGatewaySimulator -Port 0 -PassThru'; Remarks = 'Takes read-only API, trusted IPs, master client id, API enabled and localhost-only from the settings (and the profile beside jts.ini); -Port 0 avoids clashing with the real gateway''s port.' }
        @{ Title = 'Let the OS pick the port and read it back'; Code = '$sim = Start-IbGatewaySimulator -Port 0 -DataPath ./samples/simulator/paper-accounts.txt -PassThru; "Connect to $($sim.ComputerName):$($sim.Port)"'; Remarks = 'Safe in CI, where a fixed port may be taken. The data file supplies the accounts, summary values and positions.' }
        @{ Title = 'Rehearse the guide''s failure modes'; Code = 'Start-IbGatewaySimulator -Port 7497 -ReadOnlyApi -OccupiedClientId 1 -TrustedIp 10.0.0.5 -UntrustedBehaviour Hold -PassThru'; Remarks = 'A bot connecting from 127.0.0.1 now hangs without a reply (the accept dialog); trust 127.0.0.1 to see error 326 for client id 1 and error 321 for orders instead.' }
    )
    Notes       = 'The simulator lives as long as the PowerShell process, on thread-pool threads; Stop-IbGatewaySimulator -All releases its ports. It never trades.'
    RelatedLinks = @('Get-IbGatewaySimulator', 'Stop-IbGatewaySimulator', 'about_IbConfig')
}
