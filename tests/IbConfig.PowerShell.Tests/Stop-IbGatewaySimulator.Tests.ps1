BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'Stop-IbGatewaySimulator' {
    It 'stops a piped simulator, disconnects its clients and releases its port' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        $session = Start-RawTwsSession -Port $sim.Port
        try {
            $stopped = $sim | Stop-IbGatewaySimulator -PassThru
            $stopped.Status | Should -Be 'Stopped'
            $stopped.ConnectionCount | Should -Be 1
            $stopped.ActiveSessionCount | Should -Be 0
            Test-RawTwsClosed $session | Should -BeTrue
        } finally { $session.Tcp.Dispose() }
        Get-IbGatewaySimulator -Id $sim.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Connect-RawTws -Port $sim.Port } | Should -Throw
        # The port is free again: a new simulator can take it.
        (Start-IbGatewaySimulator -Port $sim.Port -PassThru).Port | Should -Be $sim.Port
    }

    It 'stops every simulator with -All' {
        1..2 | ForEach-Object { Start-IbGatewaySimulator -Port 0 }
        Stop-IbGatewaySimulator -All
        Get-IbGatewaySimulator | Should -BeNullOrEmpty
    }

    It 'keeps the simulator running with -WhatIf' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        Stop-IbGatewaySimulator -Id $sim.Id -WhatIf
        (Get-IbGatewaySimulator -Id $sim.Id).Status | Should -Be 'Running'
        Stop-IbGatewaySimulator -Id $sim.Id
    }

    It 'reports an unknown id as not found' {
        Stop-IbGatewaySimulator -Id 999999 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'SimulatorNotFound,IbConfig.PowerShell.Commands.StopIbGatewaySimulatorCommand'
    }
}
