@{
    Synopsis    = 'Checks that a trading bot can really use the TWS API of IB Gateway or TWS, stage by stage, and says how to fix what fails.'
    Description = @'
Test-IbConnection is the guide's Python verification script as one command, with no Python, no IB library and no credentials. It speaks the TWS API itself and runs the stages a bot goes through: TCP connect, the API version handshake, start-API with a client id, managed accounts and the next valid order id, the server time, and account data (the account summary and positions). It only reads: it never sends an order or anything that changes the account.

The result (IbConnectionResult) tells whether every stage passed (Success), the Status, the stage that failed (FailedStage), what the gateway said (ServerVersion, ConnectionTime, ServerTime, ClockSkew, ManagedAccounts, AccountKind, NextValidOrderId, AccountSummaryCount, PositionCount, Notices such as the farm status codes 2104/2106/2158), the time each stage took (TcpMs, HandshakeMs, StartApiMs, AccountsMs, ServerTimeMs, AccountDataMs, TotalMs), the address the gateway sees this computer as (LocalAddress: what Trusted IPs must hold for a remote client), and for a failure a Diagnosis and a Remedy.

Statuses: Refused (nothing listens: gateway not running, API disabled, wrong port), TimedOut (firewall or silent host; or a gateway that stops answering), Unreachable, NameNotResolved, ClosedDuringHandshake (the address is not trusted or "Allow connections from localhost only" is on: the remedy names Add-IbTrustedIp with the address), AwaitingAcceptance (TWS shows its "Accept incoming connection" dialog), ClientIdInUse (error 326), NotLoggedIn, NoAccounts, UnsupportedVersion, ProtocolError, NotTwsApi (another service on the port), TlsDetected (the port expects TLS), TradingModeMismatch, RequestRejected and ConnectionLost. about_IbConfig maps them onto the client-side codes IB's own clients report (502, 504, 506, 507).

A failed check is output, not an error: the result has Success set to false. Errors are written only for bad input. With -Quiet the command returns $true or $false for each computer.

Without -Port it tries the port configured on this machine when a settings store sets one (as Test-IbPort does), else IB's paper ports, TWS's 7497 first and then IB Gateway's 4002, moving to the next only when one refuses (nothing listens); with -ExpectTradingMode Live it tries the live ports 7496 then 4001. Pipe in objects with a Port or SocketPort property (Get-IbApiSetting) to check the configured port.

Paper accounts start with DU or DF; any other account is live. Live accounts on a paper port, or when -ExpectTradingMode Paper was asked, fail the check with a loud warning: a bot pointed there trades real money. Credentials, not ports, decide live or paper.

The client id is 999 by default, a dedicated health-check id: never 1, which bots conventionally use, because IB refuses a second client with the same id (error 326). Set $env:IBCONFIG_CLIENT_ID to change the default.

Several computer names are checked at once (at most 8 at a time) and the results come back in input order. -Verbose narrates each stage.
'@
    Parameters  = @{
        ComputerName      = 'The computers running IB Gateway or TWS: names or IP addresses. Default 127.0.0.1. Several are checked at once; accepts pipeline input by property name (aliases CN, Host, HostName, IPAddress).'
        Port              = 'The API socket port (Configure > Settings > API > Socket Port), or several tried in turn (the next only when one refuses, as without -Port). Default: 7497, then 4002 if nothing listens on 7497 (7496, then 4001 with -ExpectTradingMode Live). Accepts pipeline input by property name, also as SocketPort.'
        ClientId          = 'The API client id to connect with, 0 to 2147483647. Default 999, or $env:IBCONFIG_CLIENT_ID when set. Avoid the id your bot uses (conventionally 1): the gateway refuses a second client with the same id.'
        TimeoutMs         = 'The limit in milliseconds for the whole check of one computer, every stage, port and client id included. 1 to 600000; default 10000. A TWS accept dialog or a gateway that is not logged in shows as such when this runs out.'
        TimeoutSec        = 'The same limit in seconds (1 to 600), the name earlier versions used. It is its own parameter set rather than an alias of -TimeoutMs, because an alias cannot convert the unit; give one or the other.'
        SkipAccountData   = 'Stop after the server time: no account summary and no positions are requested.'
        ExpectTradingMode = 'Paper or Live: the trading mode the accounts must have. Accounts of the other mode fail the check (live accounts with a loud warning). Without it, only live accounts on a paper port fail.'
        FindFreeClientId  = 'When the client id is in use (error 326), try the next ids upward, up to 10 in all; the result shows the id that worked.'
        Quiet             = 'Return only $true or $false for each computer.'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; Port = '7497, then 4002'; ClientId = '999'; TimeoutMs = '10000' }
    Examples    = @(
        @{
            Title   = 'Verify the local paper gateway like the guide''s Python script'
            Code    = 'Test-IbConnection -Port 7497'
            Remarks = 'Connects to 127.0.0.1:7497 with client id 999 and shows the server version, the managed accounts, the server time, the number of account-summary items and positions, or the stage that failed with a diagnosis and a remedy.'
        }
        @{
            Title   = 'Check the port configured in jts.ini'
            Code    = 'Get-IbApiSetting | Test-IbConnection -Verbose'
            Remarks = 'The settings object''s Port/SocketPort property binds to -Port. -Verbose narrates every stage: TCP, handshake, start-API, accounts, server time, account data.'
        }
        @{
            Title   = 'Gate a scheduled bot start on a healthy paper gateway'
            Code    = 'if (-not (Test-IbConnection -Port 4002 -ExpectTradingMode Paper -SkipAccountData -Quiet)) { exit 1 }'
            Remarks = 'Returns $false, and so stops the task, when the gateway is down, not logged in, or logged in with a live account.'
        }
        @{
            Title   = 'Check a gateway on another computer and see what to trust'
            Code    = 'Test-IbConnection -ComputerName 192.168.1.50 -Port 4002 | Format-List Status, LocalAddress, Diagnosis, Remedy'
            Remarks = 'When the gateway drops the connection, Status is ClosedDuringHandshake and the remedy names Add-IbTrustedIp with the LocalAddress the gateway sees.'
        }
        @{
            Title   = 'Work around a client id that is in use'
            Code    = 'Test-IbConnection -Port 7497 -ClientId 1 -FindFreeClientId'
            Remarks = 'If the bot holds id 1, the check tries 2, 3 and so on (up to 10 ids) and reports the first free one in ClientId.'
        }
    )
    Notes       = 'Client-side codes: Refused, TimedOut, Unreachable and NameNotResolved are what IB''s clients report as 502 (could not connect); ClosedDuringHandshake, AwaitingAcceptance and NotLoggedIn as 504 (not connected); UnsupportedVersion as 506; ProtocolError, NotTwsApi and TlsDetected as 507 (bad message length).'
    RelatedLinks = @('Test-IbPort', 'Add-IbTrustedIp', 'Get-IbApiSetting', 'about_IbConfig')
    Outputs     = @{ 'System.Boolean' = 'With -Quiet: $true or $false for each computer, in input order.' }
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Simulator.IbGatewaySimulatorInfo')
}
