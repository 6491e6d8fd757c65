BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'Invoke-IbGatewaySimulatorFault' {
    AfterEach {
        Stop-IbGatewaySimulator -All -Confirm:$false
    }

    It 'sends a connectivity notice to a connected client with id -1 and IB''s text' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            $fault = Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice -Code 1100 -PassThru
            $fault | Should -BeOfType ([IbConfig.Core.Simulator.SimulatorFault])
            (Read-RawTwsMessage $session) | Should -Be @('4', '2', '-1', '1100', 'Connectivity between IB and Trader Workstation has been lost.', '')
            (Get-IbGatewaySimulator -Id $sim.Id -Event -Kind Fault).Message | Should -Match 'Notice 1100: sent 1100'
        } finally { $session.Tcp.Dispose() }
    }

    It 'names the farm of a farm notice' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice -Code 2105 -Farm euhmds
            (Read-RawTwsMessage $session)[4] | Should -Be 'HMDS data farm connection is broken:euhmds'
        } finally { $session.Tcp.Dispose() }
    }

    It 'drops the clients of simulators piped to it' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Get-IbGatewaySimulator -Id $sim.Id | Invoke-IbGatewaySimulatorFault -Kind DropClients
            Test-RawTwsClosed $session | Should -BeTrue
            (Get-IbGatewaySimulator -Id $sim.Id).ActiveSessionCount | Should -Be 0
        } finally { $session.Tcp.Dispose() }
    }

    It 'plays a nightly restart: refused while down, back on the same port, 326 for an early client id' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port -ClientId 9
        try {
            Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind NightlyRestart -DurationMs 2000 -ClientIdHoldMs 30000
            Test-RawTwsClosed $session | Should -BeTrue
            (Get-IbGatewaySimulator -Id $sim.Id).Status | Should -Be 'Restarting'
            { Connect-RawTws -Port $sim.Port } | Should -Throw
        } finally { $session.Tcp.Dispose() }
        $simulator = [IbConfig.Core.Simulator.SimulatorRegistry]::Shared.Find($sim.Id)
        $null = $simulator.WaitForEventAsync([IbConfig.Core.Simulator.SimulatorEventKind]::Restarted, (New-GuardToken)).GetAwaiter().GetResult()
        $early = Connect-RawTws -Port $sim.Port
        try {
            $null = Read-RawTwsMessage $early
            Send-RawTwsMessage $early @(71, 2, 9, '')
            (Read-RawTwsMessage $early)[3] | Should -Be '326'
        } finally { $early.Tcp.Dispose() }
    }

    It 'paces the chosen requests with 162 on their request id, for -Count requests' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Pacing -Code 162 -Request REQ_HISTORICAL_DATA -Count 1
            Send-RawTwsMessage $session @(20, 4001, 0, 'SPY')
            $reply = Read-RawTwsMessage $session
            $reply[2..3] | Should -Be @('4001', '162')
            (Get-IbGatewaySimulator -Id $sim.Id -Event -Kind Paced) | Should -HaveCount 1
        } finally { $session.Tcp.Dispose() }
    }

    It 'leaves the chosen requests unanswered' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Silence -Request REQ_CURRENT_TIME
            Send-RawTwsMessage $session @(49, 1)
            Send-RawTwsMessage $session @(17, 1)
            (Read-RawTwsMessage $session)[0] | Should -Be '15' -Because 'the current time never comes; the managed accounts do'
        } finally { $session.Tcp.Dispose() }
    }

    It 'schedules a fault with -DelayMs and returns at once' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            $fault = Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice -Code 2103 -DelayMs 300 -PassThru
            $fault.At | Should -BeGreaterThan ([TimeSpan]::FromMilliseconds(300))
            Get-IbGatewaySimulator -Id $sim.Id -Event -Kind Fault | Should -BeNullOrEmpty
            (Read-RawTwsMessage $session)[3] | Should -Be '2103'
        } finally { $session.Tcp.Dispose() }
    }

    It 'plays a scenario file''s faults from Start-IbGatewaySimulator -ScenarioPath' {
        $scenario = Join-Path $TestDrive 'scenario.txt'
        Set-Content -Path $scenario -Value "[Faults]`nAt,Kind,Code`n200ms,Notice,1101"
        $sim = Start-IbGatewaySimulator -Port 0 -ScenarioPath $scenario -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            (Read-RawTwsMessage $session)[3] | Should -Be '1101'
        } finally { $session.Tcp.Dispose() }
    }

    It 'moves a stopped replay clock with AdvanceClock, streaming the ticks on the way' {
        $data = Join-Path $SamplesPath 'simulator/replay-day.txt'
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath $data -ReplayStart '2025-11-18T14:30:00Z' -ReplaySpeed 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            # A REQ_MKT_DATA stream of AAPL: the data type, bid, ask, last, volume and close, then ticks as the clock moves.
            Send-RawTwsMessage $session @(1, 11, 4, 265598, '', '', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', 0, 0, '')
            1..6 | ForEach-Object { $null = Read-RawTwsMessage $session }
            Send-RawTwsMessage $session @(49, 1)
            (Read-RawTwsMessage $session)[0] | Should -Be '49'

            $fault = Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind AdvanceClock -DurationMs 60000 -PassThru
            $fault.Kind | Should -Be 'AdvanceClock'
            Send-RawTwsMessage $session @(49, 1)
            $ticks = @(do { $m = Read-RawTwsMessage $session; if ($m[0] -ne '49') { , $m } } until ($m[0] -eq '49'))
            $m[2] | Should -Be '1763476260'
            $ticks.Count | Should -Be 12 # four steps of the 09:30 bar (at :15, :30, :45 and 09:31's open), bid, ask and last each
            @($ticks | Where-Object { $_[2] -eq '4' -and $_[3] -eq '4' }).Count | Should -Be 4
            (Get-IbGatewaySimulator -Id $sim.Id -Event -Kind Fault).Message | Should -Match 'replay clock moved to 2025-11-18T14:31:00Z'
        } finally { $session.Tcp.Dispose() }
    }

    It 'refuses AdvanceClock on a simulator without bar series, and without a duration' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind AdvanceClock -DurationMs 1000 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'SimulatorNoReplay,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand'
        $failed[0].Exception.Message | Should -Match '\[Bars\]'
        { Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind AdvanceClock } | Should -Throw -ErrorId 'SimulatorInvalidFault,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand'
    }

    It 'does nothing with -WhatIf' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind DropClients -WhatIf
            (Get-IbGatewaySimulator -Id $sim.Id).ActiveSessionCount | Should -Be 1
        } finally { $session.Tcp.Dispose() }
    }

    It 'reports an unknown simulator as not found and goes on' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $played = Invoke-IbGatewaySimulatorFault -Id 9999, $sim.Id -Kind DropClients -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'SimulatorNotFound,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand'
        $played | Should -HaveCount 1
    }

    It 'refuses an invalid fault with a fix' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $err = { Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice } | Should -Throw -ErrorId 'SimulatorInvalidFault,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '1100'
        { Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Silence -Request REQ_LUNCH } | Should -Throw -ErrorId 'SimulatorInvalidFault,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand'
    }

    It 'refuses a fault on a stopped simulator' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $simulator = [IbConfig.Core.Simulator.SimulatorRegistry]::Shared.Find($sim.Id)
        $simulator.StopAsync().GetAwaiter().GetResult()
        Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind DropClients -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'SimulatorNotRunning,IbConfig.PowerShell.Commands.InvokeIbGatewaySimulatorFaultCommand'
    }

    It 'reports a bad scenario file with its line' {
        $scenario = Join-Path $TestDrive 'bad.txt'
        Set-Content -Path $scenario -Value "[Faults]`nKind`nEarthquake"
        { Start-IbGatewaySimulator -Port 0 -ScenarioPath $scenario } | Should -Throw -ErrorId 'SimulatorScenarioInvalid,IbConfig.PowerShell.Commands.StartIbGatewaySimulatorCommand'
    }

    It 'shows a fault in its default view' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $text = Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Pacing -Code 420 -PassThru | Out-String -Width 250
        $text | Should -Match 'Pacing\s+420\s+now'
        $text | Should -Match 'REQ_REAL_TIME_BARS,REQ_MKT_DATA'
    }
}
