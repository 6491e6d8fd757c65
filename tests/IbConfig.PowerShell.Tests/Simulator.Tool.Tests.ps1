# The simulator as a bot's CI installs it: the .NET tool ibconfig-simulator, packed from this clone into a local folder,
# installed from there into a tool path, and run with the shipped sample data file, the sample scenario and a trace.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SimulatorTestHelpers.ps1')
    $feed = Join-Path $TestDrive 'feed'
    $script:ToolPath = Join-Path $TestDrive 'tools'
    $version = ([xml](Get-Content (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    # The build has compiled the Release binaries; pack them as they are.
    $log = & dotnet pack (Join-Path $RepoRoot 'src/IbConfig.Simulator.Cli') -c Release --no-build -o $feed --nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet pack failed: $log" }
    # A package cache of its own: NuGet would otherwise install a cached package of the same version, not this build.
    $cache = $env:NUGET_PACKAGES
    $env:NUGET_PACKAGES = Join-Path $TestDrive 'packages'
    try {
        $log = & dotnet tool install IbConfig.Simulator --version $version --tool-path $script:ToolPath --add-source $feed 2>&1
        if ($LASTEXITCODE -ne 0) { throw "dotnet tool install failed: $log" }
    } finally { $env:NUGET_PACKAGES = $cache }
    $script:Tool = Join-Path $script:ToolPath ($(if ($IsWindows) { 'ibconfig-simulator.exe' } else { 'ibconfig-simulator' }))
}

Describe 'The ibconfig-simulator .NET tool' {
    It 'installs from a locally built package and shows its usage' {
        $usage = & $script:Tool --help
        $LASTEXITCODE | Should -Be 0
        ($usage -join "`n") | Should -Match 'Usage: ibconfig-simulator'
        ($usage -join "`n") | Should -Match '--scenario'
    }

    It 'refuses an unknown option with exit code 64' {
        $null = & $script:Tool --lunch 2>&1
        $LASTEXITCODE | Should -Be 64
    }

    It 'serves the sample data, plays the sample scenario and writes the trace' {
        $portFile = Join-Path $TestDrive 'sim.port'
        $trace = Join-Path $TestDrive 'trace.jsonl'
        $arguments = @('--port', '0', '--port-file', $portFile, '--trace', $trace,
            '--data', (Join-Path $SamplesPath 'simulator/bot-day.txt'), '--scenario', (Join-Path $SamplesPath 'simulator/bot-day.scenario.txt'))
        $process = Start-Process -FilePath $script:Tool -ArgumentList $arguments -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'out.txt')
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Test-Path $portFile) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $port = [int](Get-Content $portFile -Raw)
            $session = Start-RawTwsSession -Port $port -ClientId 11
            try {
                # REQ_CONTRACT_DATA for AAPL: its details from the data file, then the end.
                Send-RawTwsMessage $session @(9, 8, 5, 0, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', '', '')
                $details = Read-RawTwsMessage $session
                $details[0..3] | Should -Be @('10', '5', 'AAPL', 'STK')
                # The scenario paces the first historical data request with 162 on its id.
                do { $message = Read-RawTwsMessage $session } while ($message[0] -ne '52')
                Send-RawTwsMessage $session @(20, 6, 0, 'SPY')
                do { $message = Read-RawTwsMessage $session } while ($message[0] -ne '4' -or $message[2] -ne '6')
                $message[3] | Should -Be '162'
            } finally { $session.Tcp.Dispose() }
            $lines = Get-Content $trace | ForEach-Object { $_ | ConvertFrom-Json }
            ($lines | Where-Object name -eq 'REQ_CONTRACT_DATA').clientId | Should -Be 11
            ($lines | Where-Object name -eq 'ContractData').direction | Should -Be 'reply'
        } finally {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            $process.WaitForExit(10000) | Out-Null
        }
    }
}
