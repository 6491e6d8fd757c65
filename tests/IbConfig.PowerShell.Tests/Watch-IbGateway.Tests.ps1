# Watch-IbGateway against the gateway simulator, with faults played on cue (Invoke-IbGatewaySimulatorFault once connected):
# every watch is bounded by -Count or -Duration, so a broken watcher fails a test instead of hanging it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Sim = Start-IbGatewaySimulator -Port 0 -Account DU123456 -PassThru
    $script:Sim2 = Start-IbGatewaySimulator -Port 0 -Account DU654321 -PassThru

    function Wait-NoSession($Simulator) {
        # The simulator notices the watcher's close at once; 50 x 100 ms bounds the wait.
        foreach ($i in 1..50) { if (@(Get-IbGatewaySimulator -Id $Simulator.Id -Session).Count -eq 0) { return $true }; Start-Sleep -Milliseconds 100 }
        $false
    }
}

AfterAll {
    Stop-IbGatewaySimulator -Id $script:Sim.Id, $script:Sim2.Id
}

Describe 'Watch-IbGateway' {
    # Each watch starts when the last one's session is gone, so client id 998 is free again (no 326 in the counts).
    BeforeEach { $null = (Wait-NoSession $script:Sim), (Wait-NoSession $script:Sim2) }

    It 'emits Connected and the farms the gateway reports, as typed events with their gateway' {
        $events = @(Watch-IbGateway -Port $script:Sim.Port -Count 4 -Duration 00:00:30)
        $events | Should -HaveCount 4
        $events[0] | Should -BeOfType IbConfig.Core.Watch.IbGatewayEvent
        [string]$events[0].Kind | Should -Be 'Connected'
        $events[0].ComputerName | Should -Be '127.0.0.1'
        $events[0].Port | Should -Be $script:Sim.Port
        $events[0].Message | Should -Match 'client id 998'
        $events[1..3].Kind | ForEach-Object { [string]$_ } | Should -Be @('FarmConnected', 'FarmConnected', 'FarmConnected')
        $events[1..3].Farm | Should -Be @('usfarm', 'ushmds', 'secdefnj')
        $events[1..3].Code | Should -Be @(2104, 2106, 2158)
        Wait-NoSession $script:Sim | Should -BeTrue -Because 'the watch closes its session when it stops'
    }

    It 'reports notices injected while it watches, with their kind, code and farm' {
        # The faults are played from the pipeline the moment the watcher says it is connected: no race with its connect.
        $events = @(Watch-IbGateway -Port $script:Sim.Port -Count 7 -Duration 00:00:30 | ForEach-Object {
                $_
                if ($_.Kind -eq 'Connected') {
                    Invoke-IbGatewaySimulatorFault -Id $script:Sim.Id -Kind Notice -Code 1100
                    Invoke-IbGatewaySimulatorFault -Id $script:Sim.Id -Kind Notice -Code 2103 -Farm eufarm
                    Invoke-IbGatewaySimulatorFault -Id $script:Sim.Id -Kind Notice -Code 1101
                }
            })
        $late = $events | Select-Object -Last 3
        $late.Kind | ForEach-Object { [string]$_ } | Should -Be @('ConnectivityLost', 'FarmDisconnected', 'ConnectivityRestoredDataLost')
        $late.Code | Should -Be @(1100, 2103, 1101)
        $late[1].Farm | Should -Be 'eufarm'
        $late[0].Message | Should -Be 'Connectivity between IB and Trader Workstation has been lost.'
    }

    It 'reports a drop and reconnects by itself, saying so' {
        $events = @(Watch-IbGateway -Port $script:Sim.Port -Duration 00:00:30 |
                ForEach-Object { $_; if ($_.Kind -eq 'Connected') { Invoke-IbGatewaySimulatorFault -Id $script:Sim.Id -Kind DropClients } } |
                Where-Object Kind -in 'Disconnected', 'Reconnected' | Select-Object -First 2)
        $events.Kind | ForEach-Object { [string]$_ } | Should -Be @('Disconnected', 'Reconnected')
        $events[0].Message | Should -Match 'the gateway closed the connection; reconnecting in 1 s'
        $events[1].Message | Should -Match '^back after [0-9.]+ s and 1 attempt'
        Wait-NoSession $script:Sim | Should -BeTrue -Because 'Select-Object -First ends the watch and its session'
    }

    It 'watches several gateways at once from -Port' {
        $connected = @(Watch-IbGateway -Port $script:Sim.Port, $script:Sim2.Port -Duration 00:00:30 | Where-Object Kind -eq Connected | Select-Object -First 2)
        $connected.Port | Sort-Object | Should -Be (@($script:Sim.Port, $script:Sim2.Port) | Sort-Object)
    }

    It 'watches gateways piped in by property name' {
        $targets = [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $script:Sim.Port }, [pscustomobject]@{ ComputerName = 'localhost'; Port = $script:Sim2.Port }
        $events = @($targets | Watch-IbGateway -ClientId 997 -Count 8 -Duration 00:00:30)
        @($events | Where-Object Kind -eq Connected).ComputerName | Sort-Object | Should -Be @('127.0.0.1', 'localhost')
    }

    It 'retries a port that refuses, and stops at -Duration' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $events = @(Watch-IbGateway -Port (Get-FreeLoopbackPort) -Duration 00:00:02)
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 8
        $events.Count | Should -BeGreaterOrEqual 1
        [string]$events[0].Kind | Should -Be 'Reconnecting'
        $events[0].Message | Should -Match '^attempt 1 failed: Refused.*next attempt in 1 s'
    }

    It 'stops at once and closes its session when the pipeline is stopped (Ctrl+C)' {
        $ps = [powershell]::Create()
        $null = $ps.AddCommand('Import-Module').AddParameter('Name', $script:ModuleManifestPath).AddStatement().
            AddCommand('Watch-IbGateway').AddParameter('Port', $script:Sim.Port).AddParameter('ClientId', 996)
        $async = $ps.BeginInvoke()
        $seen = $false
        foreach ($i in 1..100) { if (@(Get-IbGatewaySimulator -Id $script:Sim.Id -Session | Where-Object ClientId -eq 996).Count -gt 0) { $seen = $true; break }; Start-Sleep -Milliseconds 100 }
        $seen | Should -BeTrue -Because 'the watch holds a session while it runs'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $async.AsyncWaitHandle.WaitOne(10000) | Should -BeTrue -Because 'the watch ends when stopped'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
        Wait-NoSession $script:Sim | Should -BeTrue
    }

    It 'refuses a -Duration that is not positive with WatchDurationInvalid' {
        { Watch-IbGateway -Port $script:Sim.Port -Duration 00:00:00 } | Should -Throw -ErrorId 'WatchDurationInvalid,IbConfig.PowerShell.Commands.WatchIbGatewayCommand'
    }

    It 'refuses a port out of range' {
        { Watch-IbGateway -Port 70000 -Count 1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IbConfig.PowerShell.Commands.WatchIbGatewayCommand'
    }

    It 'shows events in its default table' {
        $text = Watch-IbGateway -Port $script:Sim.Port -Count 2 -Duration 00:00:30 | Out-String -Width 250
        $text | Should -Match 'Gateway\s+Kind\s+Code\s+Farm\s+Message'
        $text | Should -Match "127\.0\.0\.1:$($script:Sim.Port)\s+FarmConnected\s+2104 usfarm"
    }
}
