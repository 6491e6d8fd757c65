# Proof against code nobody here wrote: @stoqey/ib 1.6.10, a maintained third-party TWS API client from npm, talks to
# the simulator through connect, managed accounts, current time, account summary, positions and disconnect.
BeforeDiscovery {
    $script:HasNode = [bool](Get-Command node -ErrorAction SilentlyContinue) -and [bool](Get-Command npm -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Interop = Join-Path $RepoRoot 'tests/interop'
    $installed = Join-Path $script:Interop 'node_modules/@stoqey/ib/package.json'
    $pinned = (Get-Content (Join-Path $script:Interop 'package.json') -Raw | ConvertFrom-Json).dependencies.'@stoqey/ib'
    if ((Get-Command npm -ErrorAction SilentlyContinue) -and (-not (Test-Path $installed) -or (Get-Content $installed -Raw | ConvertFrom-Json).version -ne $pinned)) {
        # CI installs the client itself, exactly as locked.
        Push-Location $script:Interop
        try { $log = & npm ci --no-audit --no-fund 2>&1; if ($LASTEXITCODE -ne 0) { throw "npm ci failed: $log" } } finally { Pop-Location }
    }
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
