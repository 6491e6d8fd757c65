BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Test-IbApiConfiguration output' {
    BeforeAll {
        $script:Listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $script:Listener.Start()
        $script:OpenPort = $script:Listener.LocalEndpoint.Port
    }
    AfterAll { $script:Listener.Stop() }

    It 'returns one IbCheckResult per check with every field filled in' {
        $results = Test-IbApiConfiguration -Port $script:OpenPort 6>$null
        $results | Should -Not -BeNullOrEmpty
        foreach ($r in $results) {
            $r | Should -BeOfType IbConfig.Core.Checks.IbCheckResult
            $r.Id | Should -Match '^[A-Z][A-Za-z]+$'
            $r.Name | Should -Not -BeNullOrEmpty
            $r.Status | Should -BeIn @('Pass', 'Warn', 'Fail', 'Skipped')
        }
        ($results | Where-Object Id -eq PortListening).Status | Should -Be 'Pass'
        ($results | Where-Object Id -eq PortListening).Source | Should -Be 'live'
    }

    It 'writes the summary line to the host, not to the pipeline' {
        $info = Test-IbApiConfiguration -Port (Get-FreeLoopbackPort) 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        "$($info.MessageData)" | Should -Match '^Fail: \d+ passed, \d+ warnings?, 1 failed, \d+ skipped$'
    }

    It 'returns only a Boolean with -Quiet: true when nothing failed' {
        Test-IbApiConfiguration -Port $script:OpenPort -Quiet | Should -BeExactly $true
        Test-IbApiConfiguration -Port (Get-FreeLoopbackPort) -Quiet | Should -BeExactly $false
    }

    It 'skips the live checks with -Offline' {
        $results = Test-IbApiConfiguration -Port (Get-FreeLoopbackPort) -Offline 6>$null
        ($results | Where-Object Category -eq Live).Status | Should -Not -Contain 'Fail'
        ($results | Where-Object Id -eq PortListening).Status | Should -Be 'Skipped'
        ($results | Where-Object Id -eq PortListening).Actual | Should -Match 'Offline'
    }

    It 'gives results that survive remoting serialisation with comparable statuses' {
        $results = Test-IbApiConfiguration -Port (Get-FreeLoopbackPort) 6>$null
        $copies = $results | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }
        ($copies | Where-Object Status -eq 'Fail').Id | Should -Contain 'PortListening'
        ($copies | Where-Object Id -eq 'PortListening').Remedy | Should -Not -BeNullOrEmpty
    }

    It 'shows a checklist table with status, check, actual and remedy' {
        $text = Test-IbApiConfiguration -Port (Get-FreeLoopbackPort) 6>$null | Out-String -Width 200
        $text | Should -Match 'Status\s+Check\s+Actual\s+Remedy'
        $text | Should -Match 'Fail\s+API port is listening\s+Nothing listens'
    }
}
