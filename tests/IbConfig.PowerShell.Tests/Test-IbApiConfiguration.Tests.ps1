BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    $script:Sim = Start-IbGatewaySimulator -Port 0 -Account DU123456 -PassThru
    $script:SimPort = $script:Sim.Port

    function Invoke-Check {
        # One fixture set-up (jts.ini, IBC config, a running gateway), the checklist over it, the named check's result.
        param([string] $Id, [hashtable] $Replace = @{}, [hashtable] $Ibc = @{}, [string] $IbcMode = '600', [switch] $NoIbc,
              [hashtable] $Parameters = @{}, [int] $Port = $script:SimPort, [hashtable] $Simulator)
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive ([guid]::NewGuid())) -Replace $Replace -Port $Port
        if ($NoIbc) { Clear-IbcFixture } else { $null = Use-IbcFixture -Path (Join-Path $folder 'ibc/config.ini') -Replace $Ibc -Mode $IbcMode }
        Set-GatewayProcess -SettingsDirectory $folder
        $sim = $null
        if ($Simulator) {
            $sim = Start-IbGatewaySimulator -Port 0 @Simulator -PassThru
            $folder = New-JtsFixture -Folder $folder -Replace $Replace -Port $sim.Port
        }
        try {
            Test-IbApiConfiguration -Path $folder @Parameters 6>$null | Where-Object Id -eq $Id
        } finally {
            if ($sim) { Stop-IbGatewaySimulator -Id $sim.Id }
        }
    }
}

AfterAll {
    Stop-IbGatewaySimulator -Id $script:Sim.Id
    Exit-IsolatedDiscovery
}

Describe 'Test-IbApiConfiguration: every check passes, warns and fails on fixtures and the simulator' {
    It '<Id> is <Status> when <Case>' -ForEach @(
        @{ Id = 'ApiEnabled'; Status = 'Pass'; Case = 'the guide''s settings' }
        @{ Id = 'ApiEnabled'; Status = 'Warn'; Case = 'it is not set and not checked live'; Replace = @{ 's.ApiEnabled' = '' }; Parameters = @{ Offline = $true } }
        @{ Id = 'ApiEnabled'; Status = 'Fail'; Case = 'it is off'; Replace = @{ 's.ApiEnabled' = 's.ApiEnabled=false' }; Remedy = 'Set-IbApiSetting -Path * -ApiEnabled $true' }
        @{ Id = 'SocketPort'; Status = 'Pass'; Case = 'the paper port is asked and set'; Port = 7497; Parameters = @{ TradingMode = 'Paper'; Offline = $true } }
        @{ Id = 'SocketPort'; Status = 'Warn'; Case = 'a live port is set and no mode asked'; Port = 4001; NoIbc = $true; Parameters = @{ Offline = $true } }
        @{ Id = 'SocketPort'; Status = 'Fail'; Case = 'a live port is set and paper asked'; Port = 7496; Parameters = @{ TradingMode = 'Paper'; Offline = $true }; Remedy = '*-SocketPort 7497' }
        @{ Id = 'PortAgreesAcrossStores'; Status = 'Pass'; Case = 'only jts.ini sets the port' }
        @{ Id = 'PortAgreesAcrossStores'; Status = 'Fail'; Case = 'IBC overrides it with another port'; Port = 7497; Ibc = @{ 'OverrideTwsApiPort' = 'OverrideTwsApiPort=4002' }; Parameters = @{ Offline = $true }; Remedy = '*-SocketPort 4002' }
        @{ Id = 'LocalhostTrusted'; Status = 'Pass'; Case = '127.0.0.1 is trusted' }
        @{ Id = 'LocalhostTrusted'; Status = 'Warn'; Case = 'no trusted list is set'; Replace = @{ 's.TrustedIPs' = '' }; Parameters = @{ Offline = $true } }
        @{ Id = 'LocalhostTrusted'; Status = 'Fail'; Case = 'only a LAN address is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=10.0.0.5' }; Parameters = @{ Offline = $true }; Remedy = 'Add-IbTrustedIp 127.0.0.1 -Path *' }
        @{ Id = 'NoOpenTrustedIps'; Status = 'Pass'; Case = 'a LAN address is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1,192.168.1.100' } }
        @{ Id = 'NoOpenTrustedIps'; Status = 'Fail'; Case = '0.0.0.0 is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1,0.0.0.0' }; Parameters = @{ Offline = $true }; Remedy = 'Remove-IbTrustedIp 0.0.0.0 -Path *' }
        @{ Id = 'MasterClientId'; Status = 'Pass'; Case = 'it is 0' }
        @{ Id = 'MasterClientId'; Status = 'Fail'; Case = 'it is out of range'; Replace = @{ 's.MasterClientId' = 's.MasterClientId=123456' }; Parameters = @{ Offline = $true } }
        @{ Id = 'DownloadOpenOrders'; Status = 'Pass'; Case = 'it is on' }
        @{ Id = 'DownloadOpenOrders'; Status = 'Warn'; Case = 'it is off'; Replace = @{ 's.DownloadOpenOrders' = 's.DownloadOpenOrders=false' } }
        @{ Id = 'AccountRequests'; Status = 'Pass'; Case = 'they are allowed' }
        @{ Id = 'AccountRequests'; Status = 'Warn'; Case = 'they are not allowed'; Replace = @{ 's.AllowAccountRequests' = 's.AllowAccountRequests=false' } }
        @{ Id = 'ReadOnlyApi'; Status = 'Pass'; Case = 'it is off for a trading bot' }
        @{ Id = 'ReadOnlyApi'; Status = 'Warn'; Case = 'it is on and nothing was asked'; Replace = @{ 's.ReadOnlyApi' = 's.ReadOnlyApi=true' }; Parameters = @{ Offline = $true } }
        @{ Id = 'ReadOnlyApi'; Status = 'Fail'; Case = 'it is on and off was asked'; Replace = @{ 's.ReadOnlyApi' = 's.ReadOnlyApi=true' }; Parameters = @{ ReadOnlyApi = $false; Offline = $true } }
        @{ Id = 'GuideKeysAgree'; Status = 'Pass'; Case = 'IB''s own key agrees'; Replace = @{ 'TrustedIPs' = 'TrustedIPs=127.0.0.1' } }
        @{ Id = 'GuideKeysAgree'; Status = 'Fail'; Case = 'IB''s own key disagrees'; Replace = @{ 'TrustedIPs' = 'TrustedIPs=127.0.0.1,10.0.0.5' }; Parameters = @{ Offline = $true }; Remedy = 'Set-IbTrustedIp 127.0.0.1,10.0.0.5 -Path *' }
        @{ Id = 'AutoRestart'; Status = 'Pass'; Case = 'IBC sets it to 11:55 PM'; Ibc = @{ 'AutoRestartTime' = 'AutoRestartTime=11:55 PM' } }
        @{ Id = 'AutoRestart'; Status = 'Warn'; Case = 'only the guide''s key says 23:55 (IB does not read it)'; Ibc = @{ 'AutoRestartTime' = '' }; Parameters = @{ Offline = $true }; Remedy = "Set-IbApiSetting -Path * -IbcConfigPath * -AutoRestartTime '23:55' -Target Ibc" }
        @{ Id = 'AutoRestart'; Status = 'Warn'; Case = 'it is not set'; Replace = @{ 's.AutoRestartTime' = ''; 's.AutoLogoffTime' = '' }; Ibc = @{ 'AutoRestartTime' = '' }; Parameters = @{ Offline = $true } }
        @{ Id = 'AutoRestart'; Status = 'Fail'; Case = 'it does not parse'; Replace = @{ 's.AutoRestartTime' = 's.AutoRestartTime=late' }; Ibc = @{ 'AutoRestartTime' = '' }; Parameters = @{ Offline = $true } }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Pass'; Case = 'the logoff is 5 minutes before' }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Pass'; Case = 'only the guide''s keys put the logoff after the restart (IB does not read them)'; Replace = @{ 's.AutoLogoffTime' = 's.AutoLogoffTime=23:59:00' }; Parameters = @{ Offline = $true } }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Fail'; Case = 'IBC sets a logoff and no restart'; Ibc = @{ 'AutoLogoffTime' = 'AutoLogoffTime=11:50 PM'; 'AutoRestartTime' = '' }; Parameters = @{ Offline = $true }; Remedy = "*-AutoRestartTime '23:55' -Target Ibc" }
        @{ Id = 'WeeklyRelogin'; Status = 'Pass'; Case = 'IBC cold-restarts on Sundays' }
        @{ Id = 'WeeklyRelogin'; Status = 'Warn'; Case = 'IBC has no cold restart or closedown'; Ibc = @{ 'ColdRestartTime' = '' }; Parameters = @{ Offline = $true }; Remedy = "Add 'ColdRestartTime=07:05' to *" }
        @{ Id = 'MaintenanceWindow'; Status = 'Pass'; Case = 'a restart is scheduled' }
        @{ Id = 'MaintenanceWindow'; Status = 'Skipped'; Case = 'no restart is scheduled'; Replace = @{ 's.AutoRestartTime' = ''; 's.AutoLogoffTime' = '' }; Ibc = @{ 'ColdRestartTime' = ''; 'AutoRestartTime' = '' }; Parameters = @{ Offline = $true } }
        @{ Id = 'IbcCredentialsProtected'; Status = 'Pass'; Case = 'IBC''s config.ini is private' }
        @{ Id = 'SettingsWritable'; Status = 'Pass'; Case = 'the file is writable' }
        @{ Id = 'InstancesDistinct'; Status = 'Pass'; Case = 'one gateway is set up' }
        @{ Id = 'GatewayRunning'; Status = 'Pass'; Case = 'a gateway uses the folder' }
        @{ Id = 'PortListening'; Status = 'Pass'; Case = 'the port listens' }
        @{ Id = 'PortListening'; Status = 'Fail'; Case = 'nothing listens'; Port = 1 }
        @{ Id = 'PortLoopbackOnly'; Status = 'Pass'; Case = 'it listens on 127.0.0.1' }
        @{ Id = 'PortLoopbackOnly'; Status = 'Skipped'; Case = 'nothing listens'; Port = 1 }
        @{ Id = 'ApiHandshake'; Status = 'Pass'; Case = 'the simulator answers' }
        @{ Id = 'ApiHandshake'; Status = 'Fail'; Case = 'the gateway does not trust this address'; Simulator = @{ TrustedIp = '10.0.0.5' } }
        @{ Id = 'ApiHandshake'; Status = 'Fail'; Case = 'nothing listens'; Port = 1 }
        @{ Id = 'ServerTime'; Status = 'Pass'; Case = 'the clocks agree' }
        @{ Id = 'AccountsTradingMode'; Status = 'Pass'; Case = 'paper accounts and paper asked'; Parameters = @{ TradingMode = 'Paper' } }
        @{ Id = 'AccountsTradingMode'; Status = 'Fail'; Case = 'live accounts and paper asked'; Simulator = @{ Account = 'U1234567' }; Parameters = @{ TradingMode = 'Paper' } }
        @{ Id = 'HealthClientIdFree'; Status = 'Pass'; Case = 'client id 999 is free' }
        @{ Id = 'HealthClientIdFree'; Status = 'Fail'; Case = 'a bot holds client id 999'; Simulator = @{ OccupiedClientId = 999 }; Remedy = 'Test-IbApiConfiguration -ClientId 1000' }
        @{ Id = 'DataFarms'; Status = 'Pass'; Case = 'the farms are connected' }
    ) {
        $splat = @{ Id = $Id }
        foreach ($name in 'Replace', 'Ibc', 'Parameters', 'Port', 'Simulator') { if ($_.ContainsKey($name)) { $splat[$name] = $_[$name] } }
        if ($_.NoIbc) { $splat.NoIbc = $true }
        $result = Invoke-Check @splat
        $result | Should -HaveCount 1
        $result.Status | Should -Be $Status -Because $result.Actual
        if ($Status -in 'Warn', 'Fail') { $result.Remedy | Should -Not -BeNullOrEmpty }
        if ($_.Remedy) { $result.Remedy | Should -BeLike $_.Remedy }
        if ($Status -ne 'Skipped') { $result.Source | Should -Match '(jts|config)\.ini(:\d+)?$|^live$|^-Port$' }
    }

    It 'warns IbcCredentialsProtected when other users can read IBC''s config.ini' -Skip:($env:OS -eq 'Windows_NT') {
        $result = Invoke-Check -Id IbcCredentialsProtected -IbcMode '644' -Parameters @{ Offline = $true }
        $result.Status | Should -Be 'Warn'
        $result.Actual | Should -Match 'mode 644'
        $result.Remedy | Should -BeLike 'chmod 600 *config.ini'
    }

    It 'fails SettingsWritable for a read-only settings file' {
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive 'readonly')
        Set-ItemProperty (Join-Path $folder 'jts.ini') -Name IsReadOnly -Value $true
        try {
            $result = Test-IbApiConfiguration -Path $folder -Offline 6>$null | Where-Object Id -eq SettingsWritable
            $result.Status | Should -Be 'Fail'
            $result.Actual | Should -Match 'read-only'
        } finally { Set-ItemProperty (Join-Path $folder 'jts.ini') -Name IsReadOnly -Value $false }
    }

    It 'fails SettingsWritable when the folder takes no new file, though the file itself opens for writing' -Skip:(-not $IsLinux) {
        # Root ignores mode bits, so an immutable folder (chattr +i) is how a folder that refuses new files is made here.
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive 'immutable')
        & chattr +i $folder
        if ($LASTEXITCODE -ne 0) { throw 'chattr +i failed: this test needs root on Linux (CI runs as root).' }
        try {
            $result = Test-IbApiConfiguration -Path $folder -Offline 6>$null | Where-Object Id -eq SettingsWritable
            $result.Status | Should -Be 'Fail'
            $result.Actual | Should -Match 'cannot create a file in'
        } finally { & chattr -i $folder }
    }

    It 'warns GatewayRunning when the gateway that runs uses another folder or only something else answers, and fails it when none runs' {
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive 'gw-other') -Port $script:SimPort
        Set-GatewayProcess -SettingsDirectory (Join-Path $TestDrive 'somewhere-else')
        (Test-IbApiConfiguration -Path $folder 6>$null | Where-Object Id -eq GatewayRunning).Status | Should -Be 'Warn'
        Set-GatewayProcess
        $relayed = Test-IbApiConfiguration -Path $folder 6>$null | Where-Object Id -eq GatewayRunning
        $relayed.Status | Should -Be 'Warn' -Because 'the simulator answers the API although no IB process runs (as a socat relay would)'
        $relayed.Actual | Should -Match "yet the API on port $($script:SimPort) answers"
        $silent = New-JtsFixture -Folder (Join-Path $TestDrive 'gw-none') -Port (Get-FreeLoopbackPort)
        $none = Test-IbApiConfiguration -Path $silent 6>$null | Where-Object Id -eq GatewayRunning
        $none.Status | Should -Be 'Fail'
        $none.Source | Should -Be 'live'
    }

    It 'fails InstancesDistinct when two settings roots give the same API port' {
        $first = New-JtsFixture -Folder (Join-Path $TestDrive 'roots/first') -Port 4002
        $null = New-JtsFixture -Folder (Join-Path $TestDrive 'empty-home/Jts') -Port 4002
        [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $first)
        try {
            $result = Test-IbApiConfiguration -Path $first -Offline 6>$null | Where-Object Id -eq InstancesDistinct
            $result.Status | Should -Be 'Fail'
            $result.Actual | Should -Match 'API port 4002 shared by'
            $result.Remedy | Should -BeLike "Set-IbApiSetting -Path *jts.ini* -SocketPort 4003"
        } finally {
            [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $null)
            Remove-Item (Join-Path $TestDrive 'empty-home/Jts') -Recurse -Force
        }
    }
}

Describe 'Test-IbApiConfiguration output' {
    BeforeAll {
        $script:Good = New-JtsFixture -Folder (Join-Path $TestDrive 'good') -Port $script:SimPort
        $script:Bad = New-JtsFixture -Folder (Join-Path $TestDrive 'bad') -Port $script:SimPort -Replace @{ 's.ApiEnabled' = 's.ApiEnabled=false' }
        $script:GoodIbc = Join-Path $TestDrive 'good/ibc/config.ini'
    }
    BeforeEach {
        Set-GatewayProcess -SettingsDirectory $script:Good, $script:Bad
        $null = Use-IbcFixture -Path $script:GoodIbc
    }

    It 'returns one IbCheckResult per check, all passing for the healthy fixture' {
        $results = Test-IbApiConfiguration -Path $script:Good -TradingMode Paper 6>$null
        $results.Count | Should -Be 25
        foreach ($r in $results) {
            $r | Should -BeOfType IbConfig.Core.Checks.IbCheckResult
            $r.Id | Should -Match '^[A-Z][A-Za-z]+$'
            $r.Name | Should -Not -BeNullOrEmpty
            $r.Status | Should -BeIn @('Pass', 'Warn', 'Fail', 'Skipped')
        }
        @($results | Where-Object Status -in 'Warn', 'Fail') | Should -BeNullOrEmpty -Because ($results | Where-Object Status -in 'Warn', 'Fail' | Format-List | Out-String)
        # The guide's s.AutoRestartTime agrees with IBC's AutoRestartTime, the one store here IB applies: nothing is skipped.
        @($results | Where-Object Status -eq Skipped) | Should -BeNullOrEmpty
        ($results | Where-Object Id -eq GuideKeysAgree).Actual | Should -Be '1 setting(s) agree'
    }

    It 'writes the summary line to the host, not to the pipeline' {
        $info = Test-IbApiConfiguration -Path $script:Bad 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        "$($info.MessageData)" | Should -Match '^Fail: \d+ passed, 0 warnings, 1 failed, \d+ skipped$'
    }

    It 'returns only a Boolean with -Quiet: true when nothing failed' {
        Test-IbApiConfiguration -Path $script:Good -Quiet | Should -BeExactly $true
        Test-IbApiConfiguration -Path $script:Bad -Quiet | Should -BeExactly $false
    }

    It 'skips the live checks with -Offline and never connects' {
        $before = (Get-IbGatewaySimulator -Id $script:Sim.Id).ConnectionCount
        $results = Test-IbApiConfiguration -Path $script:Good -Offline 6>$null
        ($results | Where-Object Category -eq Live).Status | Sort-Object -Unique | Should -Be 'Skipped'
        ($results | Where-Object Id -eq PortListening).Actual | Should -Match 'Offline'
        (Get-IbGatewaySimulator -Id $script:Sim.Id).ConnectionCount | Should -Be $before
    }

    It 'checks a port without settings when only -Port is given and no settings exist' {
        Set-GatewayProcess
        Clear-IbcFixture
        $results = Test-IbApiConfiguration -Port $script:SimPort 6>$null
        ($results | Where-Object Id -eq ApiHandshake).Status | Should -Be 'Pass'
        ($results | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Pass' -Because 'the handshake proves it'
        ($results | Where-Object Id -eq AutoRestart).Status | Should -Be 'Skipped'
    }

    It 'stops with ConfigNotFound when there is nothing to check' {
        Set-GatewayProcess
        { Test-IbApiConfiguration -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigNotFound,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
        { Test-IbApiConfiguration -Path (Join-Path $TestDrive 'nowhere') -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigNotFound,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
    }

    It 'checks a gateway on another machine live only, and needs -Port for it' {
        # .invalid never resolves (RFC 6761): nothing leaves this machine.
        { Test-IbApiConfiguration -ComputerName gw1.invalid -ErrorAction Stop } | Should -Throw -ErrorId 'PortRequired,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
        $results = Test-IbApiConfiguration -ComputerName gw1.invalid -Port 4002 6>$null
        ($results | Where-Object Id -eq GatewayRunning).Status | Should -Be 'Skipped'
        ($results | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Skipped' -Because 'the local settings are not the remote gateway''s'
        ($results | Where-Object Id -eq ApiHandshake).Actual | Should -Match 'NameNotResolved'
    }

    It 'finds the settings of the running gateway without -Path' {
        Set-GatewayProcess -SettingsDirectory $script:Bad
        $result = Test-IbApiConfiguration -Offline 6>$null | Where-Object Id -eq ApiEnabled
        $result.Status | Should -Be 'Fail'
        $result.Source | Should -BeLike "$script:Bad*jts.ini:*"
    }

    It 'takes the settings file from the pipeline (Find-IbConfig / Get-Item output)' {
        $results = Get-Item (Join-Path $script:Bad 'jts.ini') | Test-IbApiConfiguration -Offline 6>$null
        ($results | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Fail'
    }

    It 'reports each stage of the live check on the verbose stream' {
        $verbose = Test-IbApiConfiguration -Path $script:Good -Verbose 4>&1 6>$null | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $verbose | Should -Match 'Settings: '
        $verbose | Should -Match 'handshake: server version'
    }

    It 'never shows IBC''s credentials in any stream, object or log, even when its file is readable by others' {
        # The command server port is a free loopback port: nothing answers, nothing else is reached.
        $ibc = Use-IbcFixture -Path (Join-Path $TestDrive 'leaky/ibc/config.ini') -Mode '644' -Replace @{ CommandServerPort = "CommandServerPort=$(Get-FreeLoopbackPort)" }
        $log = Join-Path $TestDrive 'leaky/health.log'
        $records = @(& {
            $VerbosePreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'
            Test-IbApiConfiguration -Path $script:Good -TradingMode Paper
            Invoke-IbHealthCheck -Path $script:Good -LogPath $log -Format Csv
            Invoke-IbHealthCheck -Path $script:Good -LogPath "$log.json"
            Send-IbcCommand ReconnectData -IbcConfigPath $ibc -TimeoutMs 200 -ErrorAction Continue
        } *>&1)
        $text = ($records | ForEach-Object { $_ | Out-String -Width 4096; $_ | Format-List * -Force | Out-String -Width 4096; "$_" }) -join "`n"
        $text += (Get-Content $log -Raw) + (Get-Content "$log.json" -Raw)
        $text | Should -Match 'IBC credentials file private' -Because 'the check itself ran'
        foreach ($secret in 'secret-login-x7', 'secret-pass-q9') { $text | Should -Not -Match $secret }
    }

    It 'gives results that survive remoting serialisation with comparable statuses' {
        $copies = Test-IbApiConfiguration -Path $script:Bad 6>$null | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }
        ($copies | Where-Object Status -eq 'Fail').Id | Should -Be 'ApiEnabled'
        ($copies | Where-Object Id -eq 'ApiEnabled').Remedy | Should -BeLike 'Set-IbApiSetting -Path * -ApiEnabled $true'
    }

    It 'shows each check with its status, what was found and, below it, the remedy' {
        $text = Test-IbApiConfiguration -Path $script:Bad 6>$null | Out-String -Width 250
        $text | Should -Match 'Fail\s+API enabled \(ActiveX and Socket Clients\): false'
        # The remedy names every store read (jts.ini and IBC's config.ini here), so the view may wrap it between arguments.
        $text | Should -Match '(?ms)^\s+Remedy: Set-IbApiSetting\s+-Path\s.*-ApiEnabled\s+\$true'
    }
}
