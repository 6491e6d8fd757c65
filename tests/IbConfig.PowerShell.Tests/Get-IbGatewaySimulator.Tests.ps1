BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'Get-IbGatewaySimulator' {
    BeforeAll {
        $script:First = Start-IbGatewaySimulator -Port 0 -Account DU111111 -MasterClientId 0 -PassThru
        $script:Second = Start-IbGatewaySimulator -Port 0 -Account DU222222 -PassThru
    }

    It 'lists every simulator of the session, or those named by id' {
        $ids = @(Get-IbGatewaySimulator).Id
        $ids | Should -Contain $script:First.Id
        $ids | Should -Contain $script:Second.Id
        $one = Get-IbGatewaySimulator -Id $script:Second.Id
        $one.Accounts | Should -Be @('DU222222')
        $one.Port | Should -Be $script:Second.Port
    }

    It 'takes ids from the pipeline by property name' {
        ($script:First | Get-IbGatewaySimulator).Id | Should -Be $script:First.Id
    }

    It 'counts connections and shows each client session' {
        $master = Start-RawTwsSession -Port $script:First.Port -ClientId 0
        $other = Start-RawTwsSession -Port $script:First.Port -ClientId 8
        try {
            $info = Get-IbGatewaySimulator -Id $script:First.Id
            $info.ConnectionCount | Should -BeGreaterOrEqual 2
            $info.ActiveSessionCount | Should -Be 2
            $sessions = @(Get-IbGatewaySimulator -Id $script:First.Id -Session)
            $sessions | Should -HaveCount 2
            $sessions | ForEach-Object { $_ | Should -BeOfType ([IbConfig.Core.Simulator.SimulatorSessionInfo]) }
            ($sessions | Where-Object ClientId -eq 0).IsMasterClient | Should -BeTrue
            ($sessions | Where-Object ClientId -eq 8).IsMasterClient | Should -BeFalse
            ($sessions | Where-Object ClientId -eq 8).State | Should -Be 'Connected'
            ($sessions | Format-Table | Out-String) | Should -Match 'ServerVersion'
        } finally {
            $master.Tcp.Dispose(); $other.Tcp.Dispose()
        }
    }

    It 'shows the event log, filtered by kind' {
        $session = Start-RawTwsSession -Port $script:Second.Port -ClientId 3
        try {
            Send-RawTwsMessage $session @(49, 1)
            $null = Read-RawTwsMessage $session
            Send-RawTwsMessage $session @(94, 77, 'DU123456', '', 265598)
            (Read-RawTwsMessage $session)[2..3] | Should -Be @('77', '10999')
        } finally { $session.Tcp.Dispose() }
        $events = @(Get-IbGatewaySimulator -Id $script:Second.Id -Event)
        $events | ForEach-Object { $_ | Should -BeOfType ([IbConfig.Core.Simulator.SimulatorEvent]) }
        $events.Kind | Should -Contain 'ApiStarted'
        $requests = @(Get-IbGatewaySimulator -Id $script:Second.Id -Event -Kind Request, Unsupported)
        $requests.Message | Should -Contain 'REQ_CURRENT_TIME'
        ($requests | Where-Object Kind -eq 'Unsupported').MessageId | Should -Be 94
        ($requests | Format-Table | Out-String) | Should -Match 'REQ_CURRENT_TIME'
    }

    It 'reports an unknown id without stopping the others' {
        $found = Get-IbGatewaySimulator -Id 999999, $script:First.Id -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Id | Should -Be $script:First.Id
        $errs[0].FullyQualifiedErrorId | Should -Be 'SimulatorNotFound,IbConfig.PowerShell.Commands.GetIbGatewaySimulatorCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
