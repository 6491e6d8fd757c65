# Dot-sourced by the checklist tests: fixture settings folders and IBC configs, an isolated discovery environment, and the
# process seam.

$script:GuideIni = @'
[IBGateway]
s.SocketPort=7497
s.ApiEnabled=true
s.ReadOnlyApi=false
s.TrustedIPs=127.0.0.1
s.MasterClientId=0
s.DownloadOpenOrders=true
s.AllowAccountRequests=true

[Startup]
s.AutoRestartTime=23:55:00
s.AutoLogoffTime=23:50:00
'@

function New-JtsFixture {
    # A settings folder holding the guide's jts.ini with some lines replaced (Key = 'new line', '' removes the key).
    param([Parameter(Mandatory)] [string] $Folder, [hashtable] $Replace = @{}, [int] $Port = 7497)
    $lines = foreach ($line in ($script:GuideIni -replace 's\.SocketPort=7497', "s.SocketPort=$Port") -split "`r?`n") {
        $key = ($line -split '=', 2)[0]
        if ($Replace.ContainsKey($key)) { if ($Replace[$key]) { $Replace[$key] } } else { $line }
    }
    # Keys the guide's file lacks (IB's own TrustedIPs, say) go into [IBGateway], right after its header.
    $extra = @(foreach ($key in $Replace.Keys) { if ($script:GuideIni -notmatch "(?m)^$([regex]::Escape($key))=" -and $Replace[$key]) { $Replace[$key] } })
    if ($extra) { $lines = @($lines[0]) + $extra + @($lines | Select-Object -Skip 1) }
    $null = New-Item $Folder -ItemType Directory -Force
    Set-Content -Path (Join-Path $Folder 'jts.ini') -Value $lines
    $Folder
}

function Enter-IsolatedDiscovery {
    # Discovery reads TWS_SETTINGS_PATH, HOME (~/Jts) and on Windows SYSTEMDRIVE/USERPROFILE: point them at an empty folder.
    $empty = Join-Path $TestDrive 'empty-home'
    $null = New-Item $empty -ItemType Directory -Force
    $script:SavedEnvironment = @{}
    foreach ($name in 'TWS_SETTINGS_PATH', 'HOME', 'USERPROFILE', 'SYSTEMDRIVE', 'IBC_INI') { $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
    [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $null)
    [Environment]::SetEnvironmentVariable('IBC_INI', $null)
    [Environment]::SetEnvironmentVariable('HOME', $empty)
    [Environment]::SetEnvironmentVariable('USERPROFILE', $empty)
    [Environment]::SetEnvironmentVariable('SYSTEMDRIVE', $empty)
    $script:SavedMachine = Get-Variable -Name IbConfigTestMachine -Scope Global -ValueOnly -ErrorAction SilentlyContinue
}

function Exit-IsolatedDiscovery {
    foreach ($name in $script:SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name]) }
    Set-TestMachine $script:SavedMachine
}

function Set-GatewayProcess {
    # The test machine's process seam: these IB Gateway processes "run", each naming its settings folder.
    param([string[]] $SettingsDirectory = @())
    $id = 4242
    $snapshots = @(foreach ($dir in $SettingsDirectory) {
        [IbConfig.Core.Processes.ProcessSnapshot]::new($id++, 'ibgateway', '/opt/ibgateway/ibgateway', "/opt/ibgateway/ibgateway -DjtsConfigDir=$dir", $null)
    })
    Set-TestProcess ([IbConfig.Core.Processes.ProcessSnapshot[]]$snapshots)
}

function Get-ProcessSeamScript([string] $SettingsDirectory) {
    # The same seam as script text, for a child pwsh.
    "`$global:IbConfigTestMachine = [IbConfig.Core.Machine.IbMachine]::Local.WithProcesses([IbConfig.Core.Processes.StaticProcessSource]::new([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway', '/opt/ibgateway/ibgateway', '/opt/ibgateway/ibgateway -DjtsConfigDir=$SettingsDirectory', `$null)))"
}

$script:IbcIni = @'
# IBC config.ini (fixture): fake credentials, the daily restart, the weekly cold restart, the command server.
IbLoginId=secret-login-x7
IbPassword=secret-pass-q9
TradingMode=paper
AutoRestartTime=11:55 PM
ColdRestartTime=07:05
CommandServerPort=7462
'@

function Use-IbcFixture {
    # IBC's config.ini for the next checks, found through IBC_INI (the variable IBC's own scripts use); private unless -Mode.
    param([Parameter(Mandatory)] [string] $Path, [hashtable] $Replace = @{}, [string] $Mode = '600')
    $lines = foreach ($line in $script:IbcIni -split "`r?`n") {
        $key = ($line -split '=', 2)[0]
        if ($Replace.ContainsKey($key)) { if ($Replace[$key]) { $Replace[$key] } } else { $line }
    }
    $lines = @($lines) + @(foreach ($key in $Replace.Keys) { if ($script:IbcIni -notmatch "(?m)^$([regex]::Escape($key))=" -and $Replace[$key]) { $Replace[$key] } })
    $null = New-Item (Split-Path $Path) -ItemType Directory -Force
    Set-Content -Path $Path -Value $lines
    if ($env:OS -ne 'Windows_NT') { chmod $Mode $Path }
    [Environment]::SetEnvironmentVariable('IBC_INI', $Path)
    $Path
}

function Clear-IbcFixture { [Environment]::SetEnvironmentVariable('IBC_INI', $null) }

function Copy-NeedsRepairSample {
    # samples/needs-repair in a fresh folder, lines of its files replaced (@{ 'Jts/jts.ini' = @{ 'old' = 'new' } }), IBC's
    # config.ini private as it should be; returns the checklist's parameters for it.
    param([hashtable] $Edit = @{})
    $root = Join-Path $TestDrive ([guid]::NewGuid())
    Copy-Item (Join-Path $script:SamplesPath 'needs-repair') $root -Recurse
    foreach ($file in $Edit.Keys) {
        $path = Join-Path $root $file
        $text = [System.IO.File]::ReadAllText($path)
        foreach ($old in $Edit[$file].Keys) { $text = $text.Replace($old, $Edit[$file][$old]) }
        [System.IO.File]::WriteAllText($path, $text)
    }
    $ibc = Join-Path $root 'IBC/config.ini'
    if ($env:OS -ne 'Windows_NT') { chmod 600 $ibc }
    @{ Path = Join-Path $root 'Jts/jts.ini'; IbcConfigPath = $ibc; TradingMode = 'Paper'; Offline = $true }
}
