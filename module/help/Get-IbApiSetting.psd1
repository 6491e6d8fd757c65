@{
    Synopsis    = 'Reads the effective API settings from jts.ini, the profile XML and IBC''s config.ini, each with the store, file, key and line it comes from.'
    Description = @'
Get-IbApiSetting reads the API settings of IB Gateway or TWS from a jts.ini and returns them as one typed object: the socket port, whether the API is enabled, read-only mode, the trusted IPs, the master client id, the auto-restart and auto-logoff times, and the other settings of the guide's API page (download open orders, allow account requests, expose trading schedule, negative auto-order ids, bypass order precautions, market data lines).

It understands both layouts of jts.ini: the seed guide's keys ([IBGateway] s.SocketPort, s.ApiEnabled, s.TrustedIPs, ..., [Startup] s.AutoRestartTime) and what IB itself writes ([IBGateway] TrustedIPs, ApiOnly, LocalServerPort, [Logon] tradingMode, UserNameToDirectory and the [settings] profile folders). LocalServerPort is not the API port and is never reported as one.

Every value keeps its source, like git config --show-origin. When the two layouts disagree (for example s.TrustedIPs and TrustedIPs hold different lists) the real key counts, the value lists what it overrode, and a warning says so. Values that do not parse, malformed lines and duplicate keys are reported as warnings; nothing in the file is ever ignored silently.

The object has Path, SocketPort and Port properties, so it pipes into Set-IbApiSetting (and the port probes) by property name. -Name returns one SettingValue per setting instead, and -Raw lists every key=value line of the file with its section and line number.

IB keeps the API page's real values in the per-user profile XML (ibg.xml / tws.xml), and IBC re-applies its config.ini at every start, so by default Get-IbApiSetting shows the effective settings of all three stores: IBC's non-blank values win for an IBC-managed gateway, the profile XML wins over jts.ini's guide keys, and every value names its source (store, file, key or attribute, line) and lists the values it overrode as flat records (store, value, file, place, line). -Source shows one store's own values; -Conflicts lists where the stores disagree (for example s.SocketPort=7497 in jts.ini but port="4002" in ibg.xml). An encrypted profile (recent IB builds) is reported with a warning and contributes nothing. IBC's credentials are never read into any output.
'@
    Parameters  = @{
        Source = 'Which values to show: Effective (default: every store merged, each value naming its store, file, key and line and listing the values it overrode), JtsIni, ProfileXml or Ibc (that store''s own values; IBC''s blank keys show with an empty value, meaning the gateway keeps its own).'
        Conflicts = 'List the settings on which the stores disagree instead: one IbSettingConflict per setting with every store''s value and source, the effective value and why it wins.'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose API page to use. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names ([Logon] UserNameToDirectory, [settings]), found beside jts.ini; when several qualify a warning names them.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places (%USERPROFILE%\Documents\IBC\config.ini and C:\IBC\config.ini on Windows, ~/ibc/config.ini elsewhere). Its credential keys are never read into any output.'
        Path = 'The jts.ini to read. Accepts PowerShell paths (relative, ~, PSDrives) and binds from the pipeline by property name (Path, FullName, PSPath). Default: the first existing jts.ini that Find-IbConfig lists.'
        Name = 'Only these settings, one SettingValue object each (Name, Value, Source, Path). Wildcards are allowed (*Time); names complete with Tab: SocketPort, ApiEnabled, ReadOnlyApi, TrustedIps, MasterClientId, SocketPortSecurityLevel, DownloadOpenOrders, AllowAccountRequests, ExposeTradingSchedule, NegativeAutoOrderIds, BypassOrderPrecautions, MarketDataLines, AutoRestartTime, AutoLogoffTime, ApiOnly, LocalServerPort, TradingMode and the profile-only AllowOnlyLocalhost. A name IbConfig does not know is an error that lists the valid names.'
        Raw  = 'List every key=value line of the file (Path, Section, Key, Value, LineNumber), in file order, instead of the typed settings.'
    }
    Examples    = @(
        @{
            Title   = 'See which port the gateway really uses, and why'
            Code    = 'Get-IbApiSetting -Name SocketPort | Format-List Name, DisplayValue, Source, Overridden'
            Remarks = 'The effective port with its store (for example IBC''s OverrideTwsApiPort or ibg.xml''s ApiSettings/@port) and the values it overrode, such as the guide''s s.SocketPort=7497.'
        }
        @{
            Title   = 'List where jts.ini, the profile and IBC disagree'
            Code    = 'Get-IbApiSetting -Path C:\Jts\jts.ini -IbcConfigPath C:\IBC\config.ini -Conflicts'
            Remarks = 'One row per disagreement: the setting, every store''s value, the effective value and why it wins.'
        }
        @{
            Title   = 'Read only the profile XML of one user'
            Code    = 'Get-IbApiSetting -Source ProfileXml -Profile C:\Jts\darykqabcdef'
            Remarks = 'The API page as ibg.xml holds it: socket client, port, read-only, allow only localhost, master client id, trusted addresses, auto-logoff time.'
        }
        @{
            Title   = 'Check the API settings the guide asks for'
            Code    = 'Get-IbApiSetting -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Shows the socket port, API enabled, read-only API, trusted IPs, master client id and the restart times, each with the key and line it was read from. Replaces Get-Content $ConfigPath | Select-String -Pattern "api|socket|port".'
        }
        @{
            Title   = 'Show where the port and the trusted IPs come from'
            Code    = 'Get-IbApiSetting -Name SocketPort, TrustedIps'
            Remarks = 'One row per setting with its value, its section and key, its line and its file.'
        }
        @{
            Title   = 'List every line of the file'
            Code    = 'Get-IbApiSetting -Path C:\Jts\jts.ini -Raw | Where-Object Section -eq IBGateway'
            Remarks = 'Every key=value line of [IBGateway] with its line number, including keys IbConfig does not interpret.'
        }
        @{
            Title   = 'Use the settings in a script'
            Code    = '$settings = Get-IbApiSetting; if (-not $settings.ApiEnabled) { Write-Warning "Enable ActiveX and Socket Clients first" }; $settings.Port'
            Remarks = 'The properties are typed (int, bool, string[]; times as hh:mm:ss text that [TimeSpan] converts), so scripts can test them directly.'
        }
        @{
            Title   = 'Log the settings as JSON, and find what IBC overrode'
            Code    = 'Get-IbApiSetting | ConvertTo-Json -Depth 4 | Set-Content settings.json; (Get-Content settings.json -Raw | ConvertFrom-Json).Values.Overridden | Where-Object Store -eq ProfileXml'
            Remarks = 'Depth 4 writes the settings whole, without a truncation warning, whichever stores disagree: each overridden value is a flat record (Store, Value, Path, Location, LineNumber). The default depth (2) writes the sources and overridden values as text and warns.'
        }
    )
    Notes       = 'Real IB builds keep the API page itself in the per-user profile XML (ibg.xml / tws.xml); jts.ini holds the trusted IPs and the guide-layout keys. See about_IbConfig.'
    RelatedLinks = @('Set-IbApiSetting', 'Get-IbTrustedIp', 'about_IbConfig')
    Inputs      = @('IbConfig.Core.Discovery.IbConfigLocation', 'System.IO.FileInfo')
}
