BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
    $script:Sample = Join-Path $SamplesPath 'simulator/paper-accounts.txt'
    $script:ReplayDay = Join-Path $SamplesPath 'simulator/replay-day.txt'
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'Start-IbGatewaySimulator' {
    AfterEach {
        Stop-IbGatewaySimulator -All -Confirm:$false
    }

    It 'starts on an OS-chosen port, reports it and serves a real handshake' {
        $sim = Start-IbGatewaySimulator -Port 0 -Account DU111111, DU222222 -PassThru
        $sim | Should -BeOfType ([IbConfig.Core.Simulator.IbGatewaySimulatorInfo])
        $sim.Status | Should -Be 'Running'
        $sim.ComputerName | Should -Be '127.0.0.1'
        $sim.Port | Should -BeGreaterThan 0
        $session = Start-RawTwsSession -Port $sim.Port -ClientId 4
        try {
            $session.Version | Should -Be 193
            $session.ConnectionTime | Should -Match '^\d{8} \d{2}:\d{2}:\d{2} \S'
            $session.Welcome[0] | Should -Be @('15', '1', 'DU111111,DU222222')
            $session.Welcome[1][0] | Should -Be '9'
            @($session.Welcome[2..4] | ForEach-Object { $_[3] }) | Should -Be @('2104', '2106', '2158')
        } finally { $session.Tcp.Dispose() }
    }

    It 'honours the API settings of a jts.ini, explicit parameters winning' {
        $sim = Start-IbGatewaySimulator -Path (Join-Path $SamplesPath 'guide-layout/jts.ini') -Port 0 -PassThru
        $sim.Path | Should -Be (Join-Path $SamplesPath 'guide-layout/jts.ini')
        $sim.TrustedIps | Should -Be @('127.0.0.1')
        $sim.MasterClientId | Should -Be 0
        $sim.ReadOnlyApi | Should -BeFalse
        $sim.Port | Should -Not -Be 7497
    }

    It 'takes the settings file from the pipeline' {
        $ini = Join-Path $TestDrive 'jts.ini'
        Set-Content -Path $ini -Value "[IBGateway]`ns.SocketPort=4002`ns.ApiEnabled=true`ns.ReadOnlyApi=true`ns.TrustedIPs=127.0.0.1"
        $sim = Get-IbApiSetting -Path $ini | Start-IbGatewaySimulator -Port 0 -PassThru
        $sim.ReadOnlyApi | Should -BeTrue
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $session @(3, 12, 0, 'AAPL', 'STK')
            (Read-RawTwsMessage $session)[3] | Should -Be '321'
        } finally { $session.Tcp.Dispose() }
    }

    It 'listens on nothing when the settings disable the API' {
        $ini = Join-Path $TestDrive 'disabled.ini'
        Set-Content -Path $ini -Value "[IBGateway]`ns.SocketPort=4002`ns.ApiEnabled=false"
        (Start-IbGatewaySimulator -Path $ini -Port 0 -PassThru -WarningAction SilentlyContinue).Status | Should -Be 'ApiDisabled'
    }

    It 'closes peers the settings do not trust' {
        $ini = Join-Path $TestDrive 'untrusted.ini'
        Set-Content -Path $ini -Value "[IBGateway]`nTrustedIPs=10.0.0.5"
        $sim = Start-IbGatewaySimulator -Path $ini -Port 0 -PassThru
        $connection = Connect-RawTws -Port $sim.Port
        try { Test-RawTwsClosed $connection | Should -BeTrue } finally { $connection.Tcp.Dispose() }
    }

    It 'traces every request and reply as JSON lines with -TracePath' {
        $trace = Join-Path $TestDrive 'trace.jsonl'
        $sim = Start-IbGatewaySimulator -Port 0 -TracePath $trace -PassThru
        $session = Start-RawTwsSession -Port $sim.Port -ClientId 6
        try {
            Send-RawTwsMessage $session @(49, 1)
            $null = Read-RawTwsMessage $session
        } finally { $session.Tcp.Dispose() }
        Stop-IbGatewaySimulator -Id $sim.Id
        $lines = Get-Content $trace | ForEach-Object { $_ | ConvertFrom-Json }
        $lines[0].name | Should -Be 'SERVER_VERSION'
        $asked = $lines | Where-Object { $_.direction -eq 'request' -and $_.name -eq 'REQ_CURRENT_TIME' }
        $asked.clientId | Should -Be 6
        ($lines | Where-Object name -eq 'CurrentTime').direction | Should -Be 'reply'
    }

    It 'writes nothing without -PassThru but registers the simulator' {
        $before = @(Get-IbGatewaySimulator).Count
        Start-IbGatewaySimulator -Port 0 | Should -BeNullOrEmpty
        @(Get-IbGatewaySimulator).Count | Should -Be ($before + 1)
    }

    It 'reports accounts, summary values and positions from a data file' {
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath $script:Sample -PassThru
        $sim.Accounts | Should -Be @('DU123456', 'DU654321')
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $session @(62, 1, 5, 'All', 'NetLiquidation')
            (Read-RawTwsMessage $session) | Should -Be @('63', '1', '5', 'DU123456', 'NetLiquidation', '125000.50', 'USD')
            Send-RawTwsMessage $session @(61, 1)
            do { $m = Read-RawTwsMessage $session } until ($m[0] -eq '61')
            $m[4] | Should -Be 'AAPL'
            $m[14] | Should -Be '300'
        } finally { $session.Tcp.Dispose() }
    }

    It 'replays the bar series of a data file from -ReplayStart: its clock is the replay''s and history comes from the bars' {
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath $script:ReplayDay -ReplayStart '2025-11-18T14:30:00Z' -ReplaySpeed 0 -ReplaySeed 3 -PassThru
        $sim.ReplayTime | Should -Be ([DateTimeOffset]::Parse('2025-11-18T14:30:00Z'))
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $session @(49, 1)
            (Read-RawTwsMessage $session) | Should -Be @('49', '1', '1763476200')
            # REQ_HISTORICAL_DATA at 193: the previous session (1 D) of AAPL in hourly bars, regular hours, formatDate 1.
            Send-RawTwsMessage $session @(20, 8, 265598, '', '', '', 0, '', '', '', '', '', '', '', 0, '', '1 hour', '1 D', 1, 'TRADES', 1, 0, '')
            $history = Read-RawTwsMessage $session
            $history[0..4] | Should -Be @('17', '8', '20251117 00:00:00 US/Eastern', '20251118 09:30:00 US/Eastern', '7')
            $history[5] | Should -Be '20251117 09:00:00 US/Eastern'
            $history[5 + 6 * 8 + 4] | Should -Be '188.5' # the last hour closes at the contract's Close
        } finally { $session.Tcp.Dispose() }
    }

    It 'replays from the first bar of the last day at real time unless told otherwise' {
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath $script:ReplayDay -PassThru -Verbose 4>&1 | Where-Object { $_ -is [IbConfig.Core.Simulator.IbGatewaySimulatorInfo] }
        $sim.ReplayTime | Should -BeGreaterOrEqual ([DateTimeOffset]::Parse('2025-11-18T14:30:00Z'))
        $sim.ReplayTime | Should -BeLessThan ([DateTimeOffset]::Parse('2025-11-18T14:35:00Z'))
        (Get-IbGatewaySimulator -Id $sim.Id).ReplayTime | Should -BeGreaterOrEqual $sim.ReplayTime
    }

    It 'warns that replay parameters change nothing without bar series' {
        $sim = Start-IbGatewaySimulator -Port 0 -ReplaySpeed 60 -PassThru -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -Match 'No bar series to replay'
        $sim.ReplayTime | Should -BeNullOrEmpty
    }

    It 'refuses orders with error 321 when started with -ReadOnlyApi $true' {
        $sim = Start-IbGatewaySimulator -Port 0 -ReadOnlyApi $true -PassThru
        $sim.ReadOnlyApi | Should -BeTrue
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $session @(3, 12, 0, 'AAPL', 'STK')
            (Read-RawTwsMessage $session)[0..3] | Should -Be @('4', '2', '12', '321')
        } finally { $session.Tcp.Dispose() }
    }

    It 'closes a client id that a stale client holds with error 326' {
        $sim = Start-IbGatewaySimulator -Port 0 -OccupiedClientId 1 -PassThru
        $connection = Connect-RawTws -Port $sim.Port
        try {
            $null = Read-RawTwsMessage $connection
            Send-RawTwsMessage $connection @(71, 2, 1, '')
            (Read-RawTwsMessage $connection)[3] | Should -Be '326'
            Test-RawTwsClosed $connection | Should -BeTrue
        } finally { $connection.Tcp.Dispose() }
    }

    It 'closes an untrusted peer at once, or holds it when asked' {
        $closing = Start-IbGatewaySimulator -Port 0 -TrustedIp 10.0.0.5 -PassThru
        $connection = Connect-RawTws -Port $closing.Port
        try { Test-RawTwsClosed $connection | Should -BeTrue } finally { $connection.Tcp.Dispose() }

        $holding = Start-IbGatewaySimulator -Port 0 -TrustedIp 10.0.0.5 -UntrustedBehaviour Hold -PassThru
        $held = Connect-RawTws -Port $holding.Port
        try {
            $sim = [IbConfig.Core.Simulator.SimulatorRegistry]::Shared.Find($holding.Id)
            $null = $sim.WaitForEventAsync([IbConfig.Core.Simulator.SimulatorEventKind]::PeerHeld, (New-GuardToken)).GetAwaiter().GetResult()
            (Get-IbGatewaySimulator -Id $holding.Id -Session).State | Should -Be 'Held'
        } finally { $held.Tcp.Dispose() }
    }

    It 'listens on nothing and warns when the API is disabled' {
        $port = Get-FreeLoopbackPort
        $sim = Start-IbGatewaySimulator -Port $port -DisableApi -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $sim.Status | Should -Be 'ApiDisabled'
        $warnings | Should -Match 'nothing listens'
        { Connect-RawTws -Port $port } | Should -Throw
    }

    It 'starts nothing with -WhatIf' {
        $before = @(Get-IbGatewaySimulator).Count
        Start-IbGatewaySimulator -Port 0 -WhatIf
        @(Get-IbGatewaySimulator).Count | Should -Be $before
    }

    It 'says clearly when the port is taken' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        { Start-IbGatewaySimulator -Port $sim.Port } | Should -Throw -ErrorId 'SimulatorPortInUse,IbConfig.PowerShell.Commands.StartIbGatewaySimulatorCommand'
    }

    It 'rejects bad input with a clear error: <Case>' -ForEach @(
        @{ Case = 'account'; Splat = @{ Account = 'DU-1' }; ErrorId = 'SimulatorInvalidAccount' }
        @{ Case = 'trusted IP'; Splat = @{ TrustedIp = '10.0.0.0/24' }; ErrorId = 'SimulatorInvalidTrustedIp' }
        @{ Case = 'bind address'; Splat = @{ BindAddress = 'localhost' }; ErrorId = 'SimulatorInvalidBindAddress' }
        @{ Case = 'missing data file'; Splat = @{ DataPath = 'TestDrive:/missing.txt' }; ErrorId = 'SimulatorDataNotFound' }
        @{ Case = 'replay speed'; Splat = @{ ReplaySpeed = -1 }; ErrorId = 'ParameterArgumentValidationError' }
    ) {
        { Start-IbGatewaySimulator -Port 0 @Splat } | Should -Throw -ErrorId "$ErrorId,IbConfig.PowerShell.Commands.StartIbGatewaySimulatorCommand"
    }

    It 'reports a missing settings file as not found, naming it' {
        # The id comes from the settings stores (ConfigFileNotFound, ConfigFolderNotFound...): the category and the path are the contract here.
        $err = { Start-IbGatewaySimulator -Port 0 -Path TestDrive:/missing/jts.ini } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.FullyQualifiedErrorId | Should -Match ',IbConfig\.PowerShell\.Commands\.StartIbGatewaySimulatorCommand$'
        $err.Exception.Message | Should -Match 'missing'
        Get-IbGatewaySimulator | Should -BeNullOrEmpty
    }

    It 'points at the line of a bad bar series file' {
        Set-Content -Path TestDrive:/bars.csv -Value "Time,Open,High,Low,Close,Volume`n2025-11-17 14:30,1,1,1,1,1"
        Set-Content -Path TestDrive:/data.txt -Value "[Contracts]`nConId,Symbol`n1,AAPL`n[Bars]`nConId,Path`n1,bars.csv"
        $err = { Start-IbGatewaySimulator -Port 0 -DataPath TestDrive:/data.txt } | Should -Throw -ErrorId 'SimulatorBarsInvalid,IbConfig.PowerShell.Commands.StartIbGatewaySimulatorCommand' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -Match 'bars\.csv, line 2: .*ISO-8601'
    }

    It 'points at the line of a bad data file' {
        Set-Content -Path TestDrive:/bad.txt -Value "[Positions]`nAccount,Symbol,Quantity`nDU1,AAPL,many"
        $err = { Start-IbGatewaySimulator -Port 0 -DataPath TestDrive:/bad.txt } | Should -Throw -ErrorId 'SimulatorDataInvalid,IbConfig.PowerShell.Commands.StartIbGatewaySimulatorCommand' -PassThru
        $err.Exception.Message | Should -Match 'line 3'
    }

    It 'shows a table with the connection counts' {
        $text = Start-IbGatewaySimulator -Port 0 -PassThru | Format-Table | Out-String
        $text | Should -Match 'Connections'
        $text | Should -Match 'DU123456'
    }
}
