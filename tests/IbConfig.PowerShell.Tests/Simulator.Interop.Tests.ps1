# Proof against code nobody here wrote: @stoqey/ib 1.6.10, a maintained third-party TWS API client from npm, talks to
# the simulator through connect, managed accounts, current time, account summary, positions, the start-up reads of
# ib_insync/ib_async (open and completed orders, executions, account updates) and disconnect; and, against a replayed
# market, history, head timestamp, real-time bars and streamed ticks (stoqey-history.mjs).
BeforeDiscovery {
    $script:HasNode = [bool](Get-Command node -ErrorAction SilentlyContinue) -and [bool](Get-Command npm -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
    $script:Interop = if (Get-Command npm -ErrorAction SilentlyContinue) { Install-InteropClient } else { Join-Path $RepoRoot 'tests/interop' }
}

AfterAll {
    Stop-IbGatewaySimulator -All -Confirm:$false
}

Describe 'A third-party TWS API client (@stoqey/ib) against the simulator' -Skip:(-not $script:HasNode -and -not $env:CI) {
    BeforeAll {
        $script:Sim = Start-IbGatewaySimulator -Port 0 -DataPath (Join-Path $SamplesPath 'simulator/paper-accounts.txt') -PassThru
        $output = & node (Join-Path $script:Interop 'stoqey-check.mjs') $script:Sim.Port 7
        $script:Exit = $LASTEXITCODE
        $script:Result = $output | Select-Object -Last 1 | ConvertFrom-Json
    }

    It 'connects, negotiates version 193 and disconnects cleanly' {
        $script:Exit | Should -Be 0
        $script:Result.connected | Should -BeTrue
        $script:Result.serverVersion | Should -Be 193
        $script:Result.disconnected | Should -BeTrue
        $script:Result.errors | Should -BeNullOrEmpty -Because 'the client''s decoder reports any field left over or missing as an error'
    }

    It 'receives the managed accounts, the next valid id and the farm notices' {
        $script:Result.managedAccounts | Should -Be @('DU123456', 'DU654321')
        $script:Result.nextValidId | Should -Be 1
        @($script:Result.infos.code) | Should -Be @(2104, 2106, 2158)
    }

    It 'gets the current time' {
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $script:Result.currentTime | Should -BeGreaterThan ($now - 600)
        $script:Result.currentTime | Should -BeLessOrEqual ($now + 5)
    }

    It 'gets the account summary values the simulator was given' {
        $script:Result.accountSummaryEnded | Should -BeTrue
        $rows = @($script:Result.accountSummary)
        $rows | Should -HaveCount 8
        ($rows | Where-Object { $_.account -eq 'DU123456' -and $_.tag -eq 'NetLiquidation' }).value | Should -Be '125000.50'
        ($rows | Where-Object { $_.account -eq 'DU123456' -and $_.tag -eq 'BuyingPower' }).value | Should -Be '500002.00'
        ($rows | Where-Object { $_.account -eq 'DU654321' -and $_.tag -eq 'AccountType' }).currency | Should -Be ''
        @($rows.reqId | Select-Object -Unique) | Should -Be @(9001)
    }

    It 'gets the positions the simulator was given' {
        $script:Result.positionsEnded | Should -BeTrue
        $aapl = $script:Result.positions | Where-Object symbol -eq 'AAPL'
        $aapl.account | Should -Be 'DU123456'
        $aapl.conId | Should -Be 265598
        $aapl.position | Should -Be 300
        $aapl.avgCost | Should -Be 150.25
        @($script:Result.positions) | Should -HaveCount 2
    }

    It 'gets the END of every read ib_insync and ib_async wait for while connecting, as from a gateway with no orders' {
        $script:Result.openOrdersEnded | Should -BeTrue
        $script:Result.completedOrdersEnded | Should -BeTrue
        $script:Result.executionsEnded | Should -Be 9003
    }

    It 'gets the account updates of one account: values, portfolio, update time, then the download end' {
        $script:Result.accountDownloadEnded | Should -Be 'DU123456'
        $values = @($script:Result.accountValues)
        $values | Should -HaveCount 29
        @($values.account | Select-Object -Unique) | Should -Be @('DU123456')
        ($values | Where-Object key -eq 'NetLiquidation').value | Should -Be '125000.50'
        ($values | Where-Object key -eq 'NetLiquidation').currency | Should -Be 'USD'
        $script:Result.accountTime | Should -Match '^\d\d:\d\d$'
        $aapl = $script:Result.portfolio | Where-Object symbol -eq 'AAPL'
        $aapl.position | Should -Be 300
        $aapl.marketValue | Should -Be 45075
        $aapl.account | Should -Be 'DU123456'
        @($script:Result.portfolio) | Should -HaveCount 2
    }

    It 'gets the account updates multi of the account it asked for on its request id' {
        $script:Result.accountUpdatesMultiEnded | Should -Be 9004
        $updates = @($script:Result.accountUpdatesMulti)
        $updates | Should -HaveCount 29
        @($updates.account | Select-Object -Unique) | Should -Be @('DU654321')
        @($updates.reqId | Select-Object -Unique) | Should -Be @(9004)
    }

    It 'gets contract details from the data file, and error 200 on the request id for an unknown contract' {
        $details = @($script:Result.contractDetails)
        $details | Should -HaveCount 1
        $details[0].conId | Should -Be 265598
        $details[0].primaryExch | Should -Be 'NASDAQ'
        $details[0].minTick | Should -Be 0.01
        $details[0].longName | Should -Be 'APPLE INC'
        $details[0].timeZoneId | Should -Be 'US/Eastern'
        $details[0].tradingHours | Should -Match '^20251117:0400-20251117:2000;'
        $script:Result.contractDetailsEnded | Should -Be 9005
        $script:Result.unknownContract.reqId | Should -Be 9006
        $script:Result.unknownContract.code | Should -Be 200
    }

    It 'finds symbols by prefix' {
        @($script:Result.symbolSamples.symbol) | Should -Be @('MSFT')
        $script:Result.symbolSamples[0].conId | Should -Be 272093
    }

    It 'gets a market-data snapshot, real-time then delayed after reqMarketDataType(3)' {
        @($script:Result.snapshotEnds) | Should -Be @(9008, 9009)
        @($script:Result.marketDataTypes | ForEach-Object { "$($_.reqId):$($_.type)" }) | Should -Be @('9008:1', '9009:3')
        $live = @($script:Result.ticks | Where-Object reqId -eq 9008)
        ($live | Where-Object { $_.field -eq 1 -and -not $_.size }).value | Should -Be 189.98
        ($live | Where-Object { $_.field -eq 2 -and -not $_.size }).value | Should -Be 190.02
        ($live | Where-Object { $_.field -eq 4 -and -not $_.size }).value | Should -Be 190
        # Sizes ride on the price ticks; @stoqey/ib 1.6.10 derives ASK_SIZE (3) and LAST_SIZE (5) from them (not BID_SIZE 0, which it tests as false).
        ($live | Where-Object { $_.field -eq 3 }).value | Should -Be 200
        ($live | Where-Object { $_.field -eq 5 }).value | Should -Be 100
        ($live | Where-Object { $_.field -eq 8 }).value | Should -Be 41000000
        $delayed = @($script:Result.ticks | Where-Object reqId -eq 9009)
        @($delayed | Where-Object { -not $_.size } | ForEach-Object field) | Should -Be @(66, 67, 68, 75)
        @($delayed | Where-Object { $_.size } | ForEach-Object field) | Should -Be @(69, 70, 71, 74)
    }

    It 'places a market order that fills: PreSubmitted, Submitted, Filled, with its execution and commission' {
        @($script:Result.orders.'1'.status) | Should -Be @('PreSubmitted', 'Submitted', 'Filled')
        $filled = $script:Result.orders.'1' | Select-Object -Last 1
        ($filled.filled, $filled.remaining, $filled.avgFillPrice) | Should -Be @(10, 0, 190.02) -Because 'a BUY fills at the data file''s ask'
        $open = @($script:Result.openOrders | Where-Object id -eq 1)
        @($open.status) | Should -Be @('PreSubmitted', 'Submitted', 'Filled')
        $o = $open[0]
        ($o.symbol, $o.conId, $o.action, $o.totalQuantity, $o.orderType, $o.tif, $o.account, $o.clientId) | Should -Be @('AAPL', 265598, 'BUY', 10, 'MKT', 'DAY', 'DU123456', 7)
        $fill = @($script:Result.executions | Where-Object reqId -eq -1)
        $fill | Should -HaveCount 1
        ($fill.orderId, $fill.side, $fill.shares, $fill.price, $fill.cumQty, $fill.account) | Should -Be @(1, 'BOT', 10, 190.02, 10, 'DU123456')
        $commission = @($script:Result.commissions)[0]
        ($commission.execId, $commission.commission, $commission.currency) | Should -Be @($fill.execId, 1, 'USD')
    }

    It 'places a limit order that rests, cancels it (Cancelled and 202) and lists the executions on its request id' {
        @($script:Result.orders.'2'.status) | Should -Be @('PreSubmitted', 'Submitted', 'Cancelled')
        ($script:Result.openOrders | Where-Object id -eq 2 | Select-Object -First 1).lmtPrice | Should -Be 150
        @($script:Result.orderErrors | ForEach-Object { "$($_.reqId):$($_.code)" }) | Should -Be @('2:202')
        $script:Result.orderExecutionsEnded | Should -Be 9010
        $listed = @($script:Result.executions | Where-Object reqId -eq 9010)
        $listed | Should -HaveCount 1
        $listed.orderId | Should -Be 1
    }

    It 'gets a polite error on the request id of a request the simulator does not implement' {
        $script:Result.unsupported.reqId | Should -Be 9002
        $script:Result.unsupported.code | Should -Be 10999
        $script:Result.unsupported.message | Should -Match 'not supported by the simulator'
    }

    It 'was seen by the simulator as one client with id 7' {
        $events = Get-IbGatewaySimulator -Id $script:Sim.Id -Event
        ($events | Where-Object Kind -eq 'ApiStarted').ClientId | Should -Be 7
        ($events | Where-Object Kind -eq 'Disconnected').Message | Should -Match 'client closed'
    }
}

Describe '@stoqey/ib reads history and a moving market from a replaying simulator' -Skip:(-not $script:HasNode -and -not $env:CI) {
    BeforeAll {
        # 600x: a 1-minute bar (four walk steps) passes in a tenth of a second, so updates come without a long wait.
        $script:Replay = Start-IbGatewaySimulator -Port 0 -DataPath (Join-Path $SamplesPath 'simulator/replay-day.txt') -ReplayStart '2025-11-18T14:30:00Z' -ReplaySpeed 600 -PassThru
        $output = & node (Join-Path $script:Interop 'stoqey-history.mjs') $script:Replay.Port 8
        $script:HistoryExit = $LASTEXITCODE
        $script:History = $output | Select-Object -Last 1 | ConvertFrom-Json
    }

    It 'completes the sequence without a decoding error' {
        $script:HistoryExit | Should -Be 0
        $script:History.disconnected | Should -BeTrue
        $script:History.errors | Should -BeNullOrEmpty -Because 'the client''s decoder reports any field left over or missing as an error'
    }

    It 'gets the head timestamp of the first regular-hours bar' {
        $script:History.headTimestamp.reqId | Should -Be 7001
        $script:History.headTimestamp.time | Should -Be '20251117-14:30:00'
    }

    It 'gets the previous session in hourly bars, dated in the contract''s zone' {
        $bars = @($script:History.history)
        $bars | Should -HaveCount 7
        $bars[0].time | Should -Be '20251117 09:00:00 US/Eastern'
        $bars[0].open | Should -Be 187.2
        $bars[6].close | Should -Be 188.5
        @($bars.reqId | Select-Object -Unique) | Should -Be @(7002)
        $script:History.historyEnd | Should -Be 'finished-20251117 00:00:00 US/Eastern-20251118 09:30:00 US/Eastern'
    }

    It 'gets midpoint history in epoch seconds, then an update of the bar in progress as the replay moves' {
        $script:History.liveHistoryEnd | Should -Match '^finished-'
        $update = $script:History.liveUpdates[0]
        $update.reqId | Should -Be 7003
        [long]$update.time % 300 | Should -Be 0
        [long]$update.time | Should -BeGreaterOrEqual 1763476200
        $update.volume | Should -Be -1 -Because 'MIDPOINT carries no volume'
        $update.high | Should -BeGreaterOrEqual $update.low
    }

    It 'gets a 5-second real-time bar of the replay' {
        $bar = $script:History.realTimeBars[0]
        $bar.reqId | Should -Be 7004
        $bar.time % 5 | Should -Be 0
        $bar.high | Should -BeGreaterOrEqual $bar.low
        $bar.volume | Should -BeGreaterOrEqual 0
    }

    It 'gets the current quote on its stream, then bid, ask and last, a tick apart, each time the replay moves it' {
        $ticks = @($script:History.streamTicks)
        # The answer: bid, ask, last, then the close (9); the contract has no fixed Last, its quote is the replay's.
        @($ticks[0..3].field) | Should -Be @(1, 2, 4, 9)
        $ticks[3].value | Should -Be 188.5
        $moves = @($ticks | Select-Object -Skip 4)
        @($moves.field) | Should -Be @(1, 2, 4, 1, 2, 4)
        foreach ($i in 0, 3) {
            [Math]::Round($moves[$i + 2].value - $moves[$i].value, 2) | Should -Be 0.01
            [Math]::Round($moves[$i + 1].value - $moves[$i + 2].value, 2) | Should -Be 0.01
        }
    }
}
