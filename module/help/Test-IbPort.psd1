@{
    Synopsis    = 'Tests whether the IB Gateway or TWS API port is open, quickly and with a time-out, or shows who listens on it.'
    Description = @'
Test-IbPort replaces the guide's "netstat -an | findstr 7497", Get-NetTCPConnection and Test-NetConnection checks. It makes a plain TCP connect to each computer and port, closes it at once (nothing is sent, so the gateway sees no API client), and reports one IbPortResult per target: Status is Open, Refused (nothing listens: the gateway is not running, the API is disabled, or the port is wrong), TimedOut (no answer within -TimeoutMs: a firewall, a silent host or a hung gateway), Unreachable (no route) or NameNotResolved. TcpTestSucceeded, ComputerName and RemoteAddress carry the names Test-NetConnection uses, so existing scripts keep working. A result that is not open carries a one-line Hint from the guide's troubleshooting section.

Without -Port, Test-IbPort probes the port configured on this machine when a settings store sets one (the effective SocketPort of jts.ini, the profile XML and IBC's config.ini, as Get-IbApiSetting shows it; -Verbose names the file and key). A configured port that is a conventional port of another product or trading mode than -Product and -TradingMode ask for is passed over. With no configured port, Test-IbPort probes the paper-trading port of the product: 7497 for TWS, 4002 for IB Gateway, both for -Product Any (the default). Live ports (7496, 4001) are probed only when you name them or pass -TradingMode Live or Any. Product and TradingMode on each result say what the port conventionally means; only the login decides the real trading mode.

Targets are probed concurrently, at most -ThrottleLimit at a time, within one call, and the results are written in the order the targets came in, each as soon as it and the ones before it are done. ComputerName and Port bind from pipeline objects by property name, so a CSV of hosts or a settings object with a Port or SocketPort property pipes straight in. Names are resolved within the same time-out; IPv6 addresses such as ::1 work. Ctrl+C stops at once.

With -Listening, Test-IbPort looks at this computer only and tells who listens on the port: the address the socket is bound to (Scope LoopbackOnly for 127.0.0.1 or ::1; AllInterfaces for 0.0.0.0 or ::, reachable from other machines if the firewall allows it), and the owning process id and name. On Windows it reads the IP helper table (like netstat -ano); on Linux /proc/net/tcp and the processes' file descriptors (other users' processes need root). Where the operating system cannot tell (macOS), the Note says so and suggests lsof; nothing is guessed.
'@
    Parameters  = @{
        ComputerName  = 'Names or addresses to probe. Default 127.0.0.1, where the guide runs the gateway. Binds from the ComputerName property of pipeline objects (aliases CN, Host, HostName, IPAddress). Names under the reserved .invalid domain never resolve.'
        Port          = 'TCP ports to probe, 1-65535. Default: the paper port of -Product (TWS 7497, IB Gateway 4002), or the ports chosen by -TradingMode. Binds from the Port or SocketPort property of pipeline objects.'
        TimeoutMs     = 'The longest one target may take, name lookup included, in milliseconds (1-600000). Default 1000. A port that does not answer within it is TimedOut.'
        Product       = 'Which product''s conventional ports to use when -Port is not given: Gateway (4002/4001), Tws (7497/7496), or both (Gateway, Tws or the word Any; the default).'
        TradingMode   = 'Which conventional ports to use when -Port is not given: Paper (7497/4002, the default), Live (7496/4001), or both (Paper, Live or the word Any). Live ports are never probed unless asked for.'
        Quiet         = 'Returns one Boolean per target (True when the port is open) instead of result objects, for use in if statements.'
        ThrottleLimit = 'How many targets are probed at the same time, 1-1024. Default 64.'
        Listening     = 'Shows who listens on the port(s) on this computer instead of connecting: bound address, scope, process id and name.'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; TimeoutMs = '1000'; Product = 'Any'; TradingMode = 'Paper'; ThrottleLimit = '64' }
    Examples    = @(
        @{
            Title   = 'Check that the paper-trading API port is open'
            Code    = 'Test-IbPort'
            Remarks = 'Probes 127.0.0.1 on 7497 (TWS paper) and 4002 (IB Gateway paper). A Refused result means nothing listens: start IB Gateway, tick "Enable ActiveX and Socket Clients", and check the socket port, as the Hint says.'
        }
        @{
            Title   = 'Use the probe in a script before starting the bot'
            Code    = 'if (-not (Test-IbPort -Port 7497 -Quiet)) { throw ''IB Gateway is not accepting API connections on 7497'' }'
            Remarks = 'With -Quiet, Test-IbPort returns $true or $false, replacing "netstat -an | findstr 7497" in scheduled tasks and ops scripts.'
        }
        @{
            Title   = 'See who listens on the port and whether other machines can reach it'
            Code    = 'Test-IbPort -Port 7497 -Listening'
            Remarks = 'Replaces Get-NetTCPConnection -LocalPort 7497. Scope LoopbackOnly means only this machine can connect; AllInterfaces means other machines can too if the firewall allows it. ProcessName shows whether it is IB Gateway (java) or something else holding the port.'
        }
        @{
            Title   = 'Probe every gateway listed in a CSV file'
            Code    = 'Import-Csv .\gateways.csv | Test-IbPort -TimeoutMs 500 | Where-Object Status -ne Open'
            Remarks = 'gateways.csv has ComputerName and Port columns. All rows are probed concurrently and the results come back in the file''s order; the filter keeps the ones that need attention.'
        }
        @{
            Title   = 'Check the live ports too'
            Code    = 'Test-IbPort -Product Gateway -TradingMode Any'
            Remarks = 'Probes IB Gateway''s paper port 4002 and live port 4001. Probing is read-only: it never places a trade, but a live port that is open is connected to real money.'
        }
    )
    Notes       = 'Test-IbPort only opens and closes a TCP connection; to test the API handshake itself (server version, accounts), use Test-IbConnection. On Windows a refused port is reported at once instead of after the two-second SYN retries that make Test-NetConnection slow.'
    RelatedLinks = @('about_IbConfig', 'Test-NetConnection')
    Outputs     = @{ 'System.Boolean' = 'With -Quiet: one $true (open) or $false per target, in input order.' }
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Simulator.IbGatewaySimulatorInfo')
}
