# A trading bot's day end to end (issue 13's "Done when"), from the shipped samples/simulator/bot-day.txt and
# bot-day.scenario.txt started with Start-IbGatewaySimulator: @stoqey/ib (tests/interop/stoqey-bot-day.mjs) and a
# PowerShell bot on the module's own framing each get contract details, a snapshot, history after a pacing error, a
# SELL limit that rests, a cancelled MSFT order, the nightly restart they reconnect through, then the fill when the
# replay clock jumps (the scenario, 14 s in), and their position, executions and completed orders. Both days run at once.
BeforeDiscovery {
    $script:HasNode = [bool](Get-Command node -ErrorAction SilentlyContinue) -and [bool](Get-Command npm -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
    $script:Data = Join-Path $SamplesPath 'simulator/bot-day.txt'
    $script:Scenario = Join-Path $SamplesPath 'simulator/bot-day.scenario.txt'

    function Read-RawTwsUntil($Connection, [string] $MessageId, [scriptblock] $Where = { $true }) {
        # Reads past other messages (the scenario's farm notices come at any time) to the first that matches.
        for ($i = 0; $i -lt 5000; $i++) {
            $m = Read-RawTwsMessage $Connection
            if ($m[0] -eq $MessageId -and (& $Where $m)) { return , $m }
        }
        throw "no message $MessageId in 5000"
    }

    function Connect-RawTwsAfterRestart([int] $Port, [int] $ClientId) {
        # A bot's reconnect: the port refuses while the gateway restarts, then the old client id gets 326 for a while.
        $refusals = 0
        for ($attempt = 0; $attempt -lt 80; $attempt++) {
            $connection = $null
            $first = $null
            try {
                $connection = Connect-RawTws -Port $Port
                $null = Read-RawTwsMessage $connection
                Send-RawTwsMessage $connection @(71, 2, $ClientId, '')
                $first = Read-RawTwsMessage $connection
            } catch {
                # refused or closed while the gateway restarts: try again
            }
            if ($first -and $first[0] -eq '15') {
                1..4 | ForEach-Object { $null = Read-RawTwsMessage $connection }
                return [pscustomobject]@{ Connection = $connection; Refusals = $refusals }
            }
            if ($first -and $first[3] -ne '326') { throw "the restarted simulator answered START_API with $($first -join ',')" }
            $refusals++
            if ($connection) { $connection.Tcp.Dispose() }
            Start-Sleep -Milliseconds 300
        }
        throw 'the simulator did not take the bot back within 24 s'
    }

    function Invoke-PowerShellBotDay([int] $Port, [int] $ClientId) {
        $day = [ordered]@{}
        $s = Start-RawTwsSession -Port $Port -ClientId $ClientId
        $next = [int]($s.Welcome | Where-Object { $_[0] -eq '9' })[2]
        try {
            # REQ_CONTRACT_DATA, then a REQ_MKT_DATA snapshot, both at 193.
            Send-RawTwsMessage $s @(9, 8, 1, 0, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', '', '')
            $day.Details = Read-RawTwsUntil $s '10'
            $null = Read-RawTwsUntil $s '52'
            Send-RawTwsMessage $s @(1, 11, 2, 0, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', 1, 0, '')
            $day.Bid = [double](Read-RawTwsUntil $s '1' { param($m) $m[3] -eq '1' })[4]
            $null = Read-RawTwsUntil $s '57'
            # REQ_HISTORICAL_DATA: the scenario paces the first with 162; the bot asks again.
            $history = { param($id) @(20, $id, 0, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', '1 min', '2 D', 1, 'TRADES', 1, 0, '') }
            Send-RawTwsMessage $s (& $history 3)
            $day.Paced = (Read-RawTwsUntil $s '4' { param($m) $m[2] -eq '3' })[3]
            Send-RawTwsMessage $s (& $history 4)
            $day.HistoryBars = [int](Read-RawTwsUntil $s '17')[4]
            # PLACE_ORDER at 193: a SELL limit above the market, then an MSFT bid the fill rules never fill, cancelled.
            $place = { param($id, $symbol, $action, $quantity, $limit) @(3, $id, 0, $symbol, 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', '', '', $action, $quantity, 'LMT', $limit, '', 'GTC', '', '', '', 0, 'ps-bot', 1) }
            Send-RawTwsMessage $s (& $place $next 'AAPL' 'SELL' 100 '189.2')
            $day.Rested = (Read-RawTwsUntil $s '3' { param($m) $m[1] -eq "$next" -and $m[2] -eq 'Submitted' })[2]
            Send-RawTwsMessage $s (& $place ($next + 1) 'MSFT' 'BUY' 10 '416')
            $null = Read-RawTwsUntil $s '3' { param($m) $m[1] -eq "$($next + 1)" -and $m[2] -eq 'Submitted' }
            Send-RawTwsMessage $s @(4, ($next + 1), '', '', [int]::MaxValue)
            $day.Cancelled = (Read-RawTwsUntil $s '3' { param($m) $m[1] -eq "$($next + 1)" })[2]
            $day.CancelCode = (Read-RawTwsUntil $s '4' { param($m) $m[2] -eq "$($next + 1)" })[3]
            # Night: the scenario's restart closes the connection.
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while (-not (Test-RawTwsClosed $s) -and [DateTime]::UtcNow -lt $deadline) { }
        } finally { $s.Tcp.Dispose() }

        $back = Connect-RawTwsAfterRestart -Port $Port -ClientId $ClientId
        $day.Refusals = $back.Refusals
        $b = $back.Connection
        try {
            Send-RawTwsMessage $b @(5, 1)                                              # reqOpenOrders
            $open = Read-RawTwsUntil $b '3'
            $day.OpenAfterRestart = "$($open[1]):$($open[2])"
            $null = Read-RawTwsUntil $b '53'
            # The scenario's clock jump fills the order; the bot hears of it on its new connection.
            $day.Fill = Read-RawTwsUntil $b '11'
            $day.Filled = (Read-RawTwsUntil $b '3' { param($m) $m[1] -eq "$next" -and $m[2] -eq 'Filled' })[2]
            Send-RawTwsMessage $b @(61, 1)                                             # reqPositions
            $day.Position = Read-RawTwsUntil $b '61'
            $null = Read-RawTwsUntil $b '62'
            Send-RawTwsMessage $b @(7, 3, 5, 0, '', '', '', '', '', '')                 # reqExecutions
            $day.Executions = @((Read-RawTwsUntil $b '11')[14])
            $null = Read-RawTwsUntil $b '55'
            Send-RawTwsMessage $b @(99, 0)                                             # reqCompletedOrders
            $day.Completed = @((Read-RawTwsUntil $b '101')[2], (Read-RawTwsUntil $b '101')[2])
        } finally { $b.Tcp.Dispose() }
        $day.NextId = $next
        [pscustomobject]$day
    }
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'A bot''s day from samples/simulator/bot-day.txt and bot-day.scenario.txt' {
    BeforeAll {
        $script:Node = $null
        if ((Get-Command node -ErrorAction SilentlyContinue) -or $env:CI) {
            $script:Interop = Install-InteropClient
            $script:StoqeySim = Start-IbGatewaySimulator -Port 0 -DataPath $script:Data -ScenarioPath $script:Scenario -PassThru
            $info = [System.Diagnostics.ProcessStartInfo]::new('node')
            foreach ($a in @((Join-Path $script:Interop 'stoqey-bot-day.mjs'), $script:StoqeySim.Port, 21)) { $info.ArgumentList.Add([string]$a) }
            $info.RedirectStandardOutput = $true
            $info.UseShellExecute = $false
            $script:Node = [System.Diagnostics.Process]::Start($info)
            $script:NodeOutput = $script:Node.StandardOutput.ReadToEndAsync()
        }
        # The PowerShell bot's day runs meanwhile on its own simulator, its replay clock stopped but for the scenario's jump.
        $script:PsSim = Start-IbGatewaySimulator -Port 0 -DataPath $script:Data -ScenarioPath $script:Scenario -ReplaySpeed 0 -PassThru
        $script:Ps = Invoke-PowerShellBotDay -Port $script:PsSim.Port -ClientId 31
        if ($script:Node) {
            if (-not $script:Node.WaitForExit(45000)) { $script:Node.Kill(); throw 'the @stoqey/ib bot did not finish its day within 45 s' }
            $script:NodeExit = $script:Node.ExitCode
            $script:Stoqey = $script:NodeOutput.GetAwaiter().GetResult().Trim().Split("`n")[-1] | ConvertFrom-Json
        }
    }

    It 'PowerShell: contract details, a snapshot, and history once the paced request is asked again' {
        ($script:Ps.Details[2], $script:Ps.Details[13]) | Should -Be @('AAPL', '265598')
        $script:Ps.Bid | Should -BeGreaterThan 188.5 -Because 'the replay starts at 09:30 New York, AAPL near 188.90'
        $script:Ps.Bid | Should -BeLessThan 189
        $script:Ps.Paced | Should -Be '162'
        $script:Ps.HistoryBars | Should -BeGreaterOrEqual 390 -Because 'yesterday''s regular session of 1-minute bars'
    }

    It 'PowerShell: a limit that rests, an MSFT order cancelled with 202' {
        $script:Ps.Rested | Should -Be 'Submitted'
        $script:Ps.Cancelled | Should -Be 'Cancelled'
        $script:Ps.CancelCode | Should -Be '202'
    }

    It 'PowerShell: reconnects through the nightly restart and finds its order still working' {
        $script:Ps.Refusals | Should -BeGreaterThan 0
        $script:Ps.OpenAfterRestart | Should -Be "$($script:Ps.NextId):Submitted"
        @((Get-IbGatewaySimulator -Id $script:PsSim.Id -Event -Kind Fault).Message) -match 'connection\(s\) closed' | Should -Not -BeNullOrEmpty
    }

    It 'PowerShell: the replayed market crosses the limit; the fill shows in positions, executions and completed orders' {
        $fill = $script:Ps.Fill
        ($fill[2], $fill[18], $fill[19]) | Should -Be @("$($script:Ps.NextId)", 'SLD', '100')
        [double]$fill[20] | Should -BeGreaterOrEqual 189.2
        $fill[15] | Should -BeLike '20251118 1*' -Because 'fills happen on the replay''s clock'
        $script:Ps.Filled | Should -Be 'Filled'
        ($script:Ps.Position[4], $script:Ps.Position[14]) | Should -Be @('AAPL', '200')
        $script:Ps.Executions | Should -Be @($fill[14])
        $script:Ps.Completed | Should -Be @('AAPL', 'MSFT')
    }

    It '@stoqey/ib: contract details, a snapshot and history after the pacing error' -Skip:(-not $script:HasNode -and -not $env:CI) {
        $script:NodeExit | Should -Be 0
        $script:Stoqey.errors | Should -BeNullOrEmpty
        $script:Stoqey.contract.conId | Should -Be 265598
        $script:Stoqey.snapshot.'1' | Should -BeGreaterThan 188.5
        $script:Stoqey.paced.code | Should -Be 162
        $script:Stoqey.historyBars | Should -BeGreaterOrEqual 390
    }

    It '@stoqey/ib: a resting limit, a cancelled order, the restart survived, the fill and its book' -Skip:(-not $script:HasNode -and -not $env:CI) {
        $first = $script:Stoqey.firstOrderId
        @($script:Stoqey.statuses."$first".status) | Should -Be @('PreSubmitted', 'Submitted', 'Filled')
        @($script:Stoqey.statuses."$($first + 1)".status) | Should -Be @('PreSubmitted', 'Submitted', 'Cancelled')
        $script:Stoqey.cancelError.code | Should -Be 202
        $script:Stoqey.restarted | Should -BeTrue
        $script:Stoqey.reconnected | Should -BeTrue
        @($script:Stoqey.refusals) | Should -Contain 326 -Because 'the old client id is held for 3 s after the port is back'
        ($script:Stoqey.openAfterRestart | Select-Object -First 1).status | Should -Be 'Submitted'
        $fill = @($script:Stoqey.fills)[0]
        ($fill.orderId, $fill.side, $fill.shares) | Should -Be @($first, 'SLD', 100)
        $fill.price | Should -BeGreaterOrEqual 189.2
        @($script:Stoqey.positions | Where-Object symbol -eq 'AAPL').position | Should -Be 200
        @($script:Stoqey.executions).execId | Should -Be $fill.execId
        @($script:Stoqey.completed | ForEach-Object { "$($_.symbol):$($_.status)" }) | Should -Be @('AAPL:Filled', 'MSFT:Cancelled')
    }
}

Describe 'Start-IbGatewaySimulator -FillRule' {
    It 'refuses every order of a symbol without a rule of its own with 201 on the order id under Reject' {
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath (Join-Path $SamplesPath 'simulator/paper-accounts.txt') -FillRule Reject -PassThru
        $s = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $s @(3, 7, 0, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', '', '', 'BUY', 1, 'MKT', '', '', 'DAY', '', '', '', 0, '', 1)
            $refusal = Read-RawTwsMessage $s
            $refusal[0..3] | Should -Be @('4', '2', '7', '201')
            $refusal[4] | Should -BeLike 'Order rejected - reason:*'
        } finally { $s.Tcp.Dispose(); Stop-IbGatewaySimulator -Id $sim.Id -Confirm:$false }
    }

    It 'fills a limit at its own price at once under Immediate' {
        $sim = Start-IbGatewaySimulator -Port 0 -DataPath (Join-Path $SamplesPath 'simulator/paper-accounts.txt') -FillRule Immediate -PassThru
        $s = Start-RawTwsSession -Port $sim.Port
        try {
            Send-RawTwsMessage $s @(3, 8, 0, 'MSFT', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', '', '', 'BUY', 2, 'LMT', '400', '', 'DAY', '', '', '', 0, '', 1)
            $fill = Read-RawTwsUntil $s '11'
            ($fill[2], $fill[20]) | Should -Be @('8', '400')
        } finally { $s.Tcp.Dispose(); Stop-IbGatewaySimulator -Id $sim.Id -Confirm:$false }
    }

    It 'takes only the five rules' {
        { Start-IbGatewaySimulator -Port 0 -FillRule Sometimes } | Should -Throw '*FillRule*OnLimitCross*'
    }
}
