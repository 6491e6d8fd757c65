BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    $script:Listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $script:Listener.Start()
    $script:OpenPort = $script:Listener.LocalEndpoint.Port

    function Invoke-Check([string] $Id, [hashtable] $Replace = @{}, [hashtable] $Parameters = @{}, [int] $Port = $script:OpenPort) {
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive ([guid]::NewGuid())) -Replace $Replace -Port $Port
        Set-GatewayProcess -SettingsDirectory $folder
        $all = Test-IbApiConfiguration -Path $folder @Parameters 6>$null
        $all | Where-Object Id -eq $Id
    }
}

AfterAll {
    $script:Listener.Stop()
    Exit-IsolatedDiscovery
}

Describe 'Test-IbApiConfiguration: every check passes, warns and fails on fixtures' {
    It '<Id> is <Status> when <Case>' -ForEach @(
        @{ Id = 'ApiEnabled'; Status = 'Pass'; Case = 'the guide''s settings' }
        @{ Id = 'ApiEnabled'; Status = 'Warn'; Case = 'it is not set'; Replace = @{ 's.ApiEnabled' = '' } }
        @{ Id = 'ApiEnabled'; Status = 'Fail'; Case = 'it is off'; Replace = @{ 's.ApiEnabled' = 's.ApiEnabled=false' }; Remedy = 'Set-IbApiSetting -Path * -ApiEnabled $true' }
        @{ Id = 'SocketPort'; Status = 'Pass'; Case = 'the paper port is asked and set'; Port = 7497; Parameters = @{ TradingMode = 'Paper'; Offline = $true } }
        @{ Id = 'SocketPort'; Status = 'Warn'; Case = 'a live port is set and no mode asked'; Port = 4001; Parameters = @{ Offline = $true } }
        @{ Id = 'SocketPort'; Status = 'Fail'; Case = 'a live port is set and paper asked'; Port = 7496; Parameters = @{ TradingMode = 'Paper'; Offline = $true }; Remedy = '*-SocketPort 7497' }
        @{ Id = 'LocalhostTrusted'; Status = 'Pass'; Case = '127.0.0.1 is trusted' }
        @{ Id = 'LocalhostTrusted'; Status = 'Warn'; Case = 'no trusted list is set'; Replace = @{ 's.TrustedIPs' = '' } }
        @{ Id = 'LocalhostTrusted'; Status = 'Fail'; Case = 'only a LAN address is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=10.0.0.5' }; Remedy = 'Add-IbTrustedIp 127.0.0.1 -Path *' }
        @{ Id = 'NoOpenTrustedIps'; Status = 'Pass'; Case = 'a LAN address is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1,192.168.1.100' } }
        @{ Id = 'NoOpenTrustedIps'; Status = 'Fail'; Case = '0.0.0.0 is trusted'; Replace = @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1,0.0.0.0' }; Remedy = 'Remove-IbTrustedIp 0.0.0.0 -Path *' }
        @{ Id = 'MasterClientId'; Status = 'Pass'; Case = 'it is 0' }
        @{ Id = 'MasterClientId'; Status = 'Fail'; Case = 'it is out of range'; Replace = @{ 's.MasterClientId' = 's.MasterClientId=123456' } }
        @{ Id = 'DownloadOpenOrders'; Status = 'Pass'; Case = 'it is on' }
        @{ Id = 'DownloadOpenOrders'; Status = 'Warn'; Case = 'it is off'; Replace = @{ 's.DownloadOpenOrders' = 's.DownloadOpenOrders=false' } }
        @{ Id = 'AccountRequests'; Status = 'Pass'; Case = 'they are allowed' }
        @{ Id = 'AccountRequests'; Status = 'Warn'; Case = 'they are not allowed'; Replace = @{ 's.AllowAccountRequests' = 's.AllowAccountRequests=false' } }
        @{ Id = 'ReadOnlyApi'; Status = 'Pass'; Case = 'it is off for a trading bot' }
        @{ Id = 'ReadOnlyApi'; Status = 'Warn'; Case = 'it is on and nothing was asked'; Replace = @{ 's.ReadOnlyApi' = 's.ReadOnlyApi=true' } }
        @{ Id = 'ReadOnlyApi'; Status = 'Fail'; Case = 'it is on and off was asked'; Replace = @{ 's.ReadOnlyApi' = 's.ReadOnlyApi=true' }; Parameters = @{ ReadOnlyApi = $false } }
        @{ Id = 'GuideKeysAgree'; Status = 'Pass'; Case = 'IB''s own key agrees'; Replace = @{ 'TrustedIPs' = 'TrustedIPs=127.0.0.1' } }
        @{ Id = 'GuideKeysAgree'; Status = 'Fail'; Case = 'IB''s own key disagrees'; Replace = @{ 'TrustedIPs' = 'TrustedIPs=127.0.0.1,10.0.0.5' }; Remedy = 'Set-IbTrustedIp 127.0.0.1,10.0.0.5 -Path *' }
        @{ Id = 'AutoRestart'; Status = 'Pass'; Case = 'it is 23:55' }
        @{ Id = 'AutoRestart'; Status = 'Warn'; Case = 'it is not set'; Replace = @{ 's.AutoRestartTime' = ''; 's.AutoLogoffTime' = '' } }
        @{ Id = 'AutoRestart'; Status = 'Fail'; Case = 'it does not parse'; Replace = @{ 's.AutoRestartTime' = 's.AutoRestartTime=late' } }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Pass'; Case = 'the logoff is 5 minutes before' }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Warn'; Case = 'the logoff is after the restart'; Replace = @{ 's.AutoLogoffTime' = 's.AutoLogoffTime=23:59:00' } }
        @{ Id = 'LogoffBeforeRestart'; Status = 'Fail'; Case = 'there is a logoff and no restart'; Replace = @{ 's.AutoRestartTime' = '' } }
        @{ Id = 'MaintenanceWindow'; Status = 'Pass'; Case = 'a restart is scheduled' }
        @{ Id = 'MaintenanceWindow'; Status = 'Skipped'; Case = 'no restart is scheduled'; Replace = @{ 's.AutoRestartTime' = ''; 's.AutoLogoffTime' = '' } }
        @{ Id = 'SettingsWritable'; Status = 'Pass'; Case = 'the file is writable' }
        @{ Id = 'InstancesDistinct'; Status = 'Pass'; Case = 'one gateway is set up' }
        @{ Id = 'GatewayRunning'; Status = 'Pass'; Case = 'a gateway uses the folder' }
        @{ Id = 'PortListening'; Status = 'Pass'; Case = 'the port listens' }
        @{ Id = 'PortListening'; Status = 'Fail'; Case = 'nothing listens'; Port = 1 }
        @{ Id = 'PortLoopbackOnly'; Status = 'Pass'; Case = 'it listens on 127.0.0.1' }
        @{ Id = 'PortLoopbackOnly'; Status = 'Skipped'; Case = 'nothing listens'; Port = 1 }
    ) {
        $splat = @{ Id = $Id }
        if ($Replace) { $splat.Replace = $Replace }
        if ($Parameters) { $splat.Parameters = $Parameters }
        if ($Port) { $splat.Port = $Port }
        $result = Invoke-Check @splat
        $result | Should -HaveCount 1
        $result.Status | Should -Be $Status -Because $result.Actual
        if ($Status -in 'Warn', 'Fail') { $result.Remedy | Should -Not -BeNullOrEmpty }
        if ($Remedy) { $result.Remedy | Should -BeLike $Remedy }
        if ($Status -ne 'Skipped' -and $Id -notin 'GatewayRunning', 'PortListening', 'PortLoopbackOnly', 'InstancesDistinct') { $result.Source | Should -Match 'jts\.ini(:\d+)?$' }
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

    It 'warns GatewayRunning when the gateway that runs uses another folder, and fails it when none runs' {
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive 'gw-other')
        Set-GatewayProcess -SettingsDirectory (Join-Path $TestDrive 'somewhere-else')
        (Test-IbApiConfiguration -Path $folder 6>$null | Where-Object Id -eq GatewayRunning).Status | Should -Be 'Warn'
        Set-GatewayProcess
        $none = Test-IbApiConfiguration -Path $folder 6>$null | Where-Object Id -eq GatewayRunning
        $none.Status | Should -Be 'Fail'
        $none.Source | Should -Be 'live'
    }

    It 'fails InstancesDistinct when two settings roots give the same API port' {
        $first = New-JtsFixture -Folder (Join-Path $TestDrive 'roots/first') -Port 4002
        $second = New-JtsFixture -Folder (Join-Path $TestDrive 'empty-home/Jts') -Port 4002
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
        $script:Good = New-JtsFixture -Folder (Join-Path $TestDrive 'good') -Port $script:OpenPort
        $script:Bad = New-JtsFixture -Folder (Join-Path $TestDrive 'bad') -Port $script:OpenPort -Replace @{ 's.ApiEnabled' = 's.ApiEnabled=false' }
    }
    BeforeEach { Set-GatewayProcess -SettingsDirectory $script:Good, $script:Bad }

    It 'returns one IbCheckResult per check with every field filled in' {
        $results = Test-IbApiConfiguration -Path $script:Good 6>$null
        $results.Count | Should -BeGreaterOrEqual 17
        foreach ($r in $results) {
            $r | Should -BeOfType IbConfig.Core.Checks.IbCheckResult
            $r.Id | Should -Match '^[A-Z][A-Za-z]+$'
            $r.Name | Should -Not -BeNullOrEmpty
            $r.Status | Should -BeIn @('Pass', 'Warn', 'Fail', 'Skipped')
        }
        @($results | Where-Object Status -in 'Warn', 'Fail') | Should -BeNullOrEmpty -Because ($results | Where-Object Status -in 'Warn', 'Fail' | Out-String)
    }

    It 'writes the summary line to the host, not to the pipeline' {
        $info = Test-IbApiConfiguration -Path $script:Bad 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        "$($info.MessageData)" | Should -Match '^Fail: \d+ passed, 0 warnings, 1 failed, \d+ skipped$'
    }

    It 'returns only a Boolean with -Quiet: true when nothing failed' {
        Test-IbApiConfiguration -Path $script:Good -Quiet | Should -BeExactly $true
        Test-IbApiConfiguration -Path $script:Bad -Quiet | Should -BeExactly $false
    }

    It 'skips the live checks with -Offline' {
        Set-GatewayProcess
        $results = Test-IbApiConfiguration -Path $script:Good -Offline 6>$null
        ($results | Where-Object Category -eq Live).Status | Sort-Object -Unique | Should -Be 'Skipped'
        ($results | Where-Object Id -eq PortListening).Actual | Should -Match 'Offline'
    }

    It 'checks a port without settings when only -Port is given and no settings exist' {
        Set-GatewayProcess
        $results = Test-IbApiConfiguration -Port $script:OpenPort 6>$null
        ($results | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Skipped'
        ($results | Where-Object Id -eq PortListening).Status | Should -Be 'Pass'
    }

    It 'stops with ConfigNotFound when there is nothing to check' {
        Set-GatewayProcess
        { Test-IbApiConfiguration -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigNotFound,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
        { Test-IbApiConfiguration -Path (Join-Path $TestDrive 'nowhere') -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigNotFound,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
    }

    It 'finds the settings of the running gateway without -Path' {
        Set-GatewayProcess -SettingsDirectory $script:Bad
        $result = Test-IbApiConfiguration 6>$null | Where-Object Id -eq ApiEnabled
        $result.Status | Should -Be 'Fail'
        $result.Source | Should -BeLike "$script:Bad*jts.ini:*"
    }

    It 'takes the settings folder from the pipeline (Find-IbConfig / Get-Item output)' {
        $results = Get-Item (Join-Path $script:Bad 'jts.ini') | Test-IbApiConfiguration -Offline 6>$null
        ($results | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Fail'
    }

    It 'gives results that survive remoting serialisation with comparable statuses' {
        $copies = Test-IbApiConfiguration -Path $script:Bad 6>$null | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }
        ($copies | Where-Object Status -eq 'Fail').Id | Should -Be 'ApiEnabled'
        ($copies | Where-Object Id -eq 'ApiEnabled').Remedy | Should -BeLike 'Set-IbApiSetting -Path * -ApiEnabled $true'
    }

    It 'shows a checklist table with status, check, actual and remedy' {
        $text = Test-IbApiConfiguration -Path $script:Bad 6>$null | Out-String -Width 250
        $text | Should -Match 'Status\s+Check\s+Actual\s+Remedy'
        $text | Should -Match 'Fail\s+API enabled \(ActiveX and Socket Clients\)\s+false'
    }
}
