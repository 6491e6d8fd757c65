# Invoke-IbHealthCheck -MetricsPath: the Prometheus textfile is linted by promtool and read back through a real
# node_exporter's textfile collector on loopback. Both come from Debian's prometheus and prometheus-node-exporter packages,
# which .ci/run installs: a missing tool fails these tests, it does not skip them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    $script:Sim = Start-IbGatewaySimulator -Port 0 -Account DU123456 -PassThru
    $script:Good = New-JtsFixture -Folder (Join-Path $TestDrive 'good') -Port $script:Sim.Port
    $script:Warned = New-JtsFixture -Folder (Join-Path $TestDrive 'warned') -Replace @{ 's.DownloadOpenOrders' = 's.DownloadOpenOrders=false' }
    $script:TextfileDir = Join-Path $TestDrive 'textfile'
    $null = New-Item $script:TextfileDir -ItemType Directory

    function Get-RequiredTool([string] $Name) {
        $tool = Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if (-not $tool) { throw "$Name is missing: install Debian's prometheus and prometheus-node-exporter packages (bash .ci/run does)." }
        $tool.Source
    }

    function Test-PromtoolMetrics([string] $Path) {
        # promtool reads the exposition text on stdin; exit code 0 and no output means the file is clean.
        $output = Get-Content -LiteralPath $Path -Raw | & (Get-RequiredTool promtool) check metrics 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String).Trim() }
    }
}

AfterAll {
    Stop-IbGatewaySimulator -Id $script:Sim.Id
    Exit-IsolatedDiscovery
}

Describe 'Invoke-IbHealthCheck -MetricsPath' {
    BeforeEach { Set-GatewayProcess -SettingsDirectory $script:Good }

    It 'writes a file promtool accepts, with every check, the exit code, the handshake, the farms and the run time' {
        $prom = Join-Path $script:TextfileDir 'ibconfig.prom'
        $record = Invoke-IbHealthCheck -Path $script:Good -MetricsPath $prom
        $check = Test-PromtoolMetrics $prom
        $check.ExitCode | Should -Be 0 -Because $check.Output
        $check.Output | Should -BeNullOrEmpty
        $text = Get-Content -LiteralPath $prom -Raw
        $gateway = "computer=`"127.0.0.1`",port=`"$($script:Sim.Port)`""
        $text | Should -Match ([regex]::Escape("ibconfig_health_check_status{$gateway,check=`"ApiHandshake`",status=`"pass`"} 1"))
        $text | Should -Match ([regex]::Escape("ibconfig_health_check_exit_code{$gateway} $([int]$record.ExitCode)"))
        $text | Should -Match ([regex]::Escape("ibconfig_data_farms_connected{$gateway} 3"))
        $text | Should -Match "ibconfig_api_handshake_seconds\{$([regex]::Escape($gateway))\} \d"
        $stamp = [double]([regex]::Match($text, 'ibconfig_health_check_last_run_timestamp_seconds\{[^}]*\} (\S+)').Groups[1].Value)
        [Math]::Abs($stamp - [DateTimeOffset]::Now.ToUnixTimeSeconds()) | Should -BeLessThan 120
        @($record.Checks.Id | Select-Object -Unique).Count | Should -Be ([regex]::Matches($text, 'status="pass"').Count)
    }

    It 'replaces the file each run and reports a run that could not start as exit code 3' {
        $prom = Join-Path $script:TextfileDir 'couldnotrun.prom'
        Invoke-IbHealthCheck -Path $script:Warned -Offline -MetricsPath $prom -Quiet
        Get-Content -LiteralPath $prom -Raw | Should -Match 'ibconfig_health_check_exit_code\{[^}]*\} 1\n'
        Invoke-IbHealthCheck -Path (Join-Path $TestDrive 'missing') -MetricsPath $prom -Quiet
        $text = Get-Content -LiteralPath $prom -Raw
        $text | Should -Match 'ibconfig_health_check_exit_code\{[^}]*\} 3\n'
        $text | Should -Not -Match 'ibconfig_health_check_status'  # no checks ran: not even the family's HELP line
        (Test-PromtoolMetrics $prom).ExitCode | Should -Be 0
        @(Get-ChildItem $script:TextfileDir -Force -Filter '*.tmp') | Should -HaveCount 0
    }

    It 'writes nothing with -WhatIf' {
        $prom = Join-Path $TestDrive 'whatif.prom'
        Invoke-IbHealthCheck -Path $script:Warned -Offline -MetricsPath $prom -Quiet -WhatIf
        $prom | Should -Not -Exist
    }

    It 'warns when the file name does not end in .prom, which the collectors skip' {
        Invoke-IbHealthCheck -Path $script:Warned -Offline -MetricsPath (Join-Path $TestDrive 'metrics.txt') -Quiet -WarningVariable warnings 3>$null
        $warnings | Should -Match 'read only \*\.prom'
    }

    It 'reports a folder that does not exist as a non-terminating error, and still sets the exit code' {
        Invoke-IbHealthCheck -Path $script:Warned -Offline -MetricsPath (Join-Path $TestDrive 'nowhere/ibconfig.prom') -Quiet -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConfigFolderNotFound,*InvokeIbHealthCheckCommand'
        $LASTEXITCODE | Should -Be 1
    }
}

Describe 'node_exporter textfile collector reading the metrics' {
    BeforeAll {
        $script:ScrapedDir = (New-Item (Join-Path $TestDrive 'scraped') -ItemType Directory).FullName
        $prom = Join-Path $script:ScrapedDir 'ibconfig.prom'
        Set-GatewayProcess -SettingsDirectory $script:Good
        $script:Record = Invoke-IbHealthCheck -Path $script:Good -MetricsPath $prom
        $script:ExporterPort = Get-FreeLoopbackPort
        $start = [System.Diagnostics.ProcessStartInfo]::new((Get-RequiredTool prometheus-node-exporter))
        foreach ($argument in '--collector.disable-defaults', '--collector.textfile', "--collector.textfile.directory=$script:ScrapedDir",
            '--web.disable-exporter-metrics', "--web.listen-address=127.0.0.1:$script:ExporterPort") { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardError = $true
        $start.RedirectStandardOutput = $true
        $start.UseShellExecute = $false
        $script:Exporter = [System.Diagnostics.Process]::Start($start)
        $script:ExporterLog = $script:Exporter.StandardError.ReadToEndAsync()
        $http = [System.Net.Http.HttpClient]::new()
        $http.Timeout = [TimeSpan]::FromSeconds(5)
        $script:Scrape = $null
        foreach ($attempt in 1..50) {
            try {
                $script:Scrape = $http.GetStringAsync("http://127.0.0.1:$script:ExporterPort/metrics").GetAwaiter().GetResult()
                break
            } catch {
                if ($script:Exporter.HasExited) { break }
                Start-Sleep -Milliseconds 200  # bounded wait for the exporter to listen (50 x 200 ms)
            }
        }
        $http.Dispose()
    }

    AfterAll {
        if ($script:Exporter -and -not $script:Exporter.HasExited) { $script:Exporter.Kill(); $null = $script:Exporter.WaitForExit(5000) }
        if ($script:Exporter) { $script:Exporter.Dispose() }
    }

    It 'serves every ibconfig metric over loopback HTTP with its labels and values' {
        $script:Scrape | Should -Not -BeNullOrEmpty -Because "node_exporter said: $(if ($script:ExporterLog.IsCompleted) { $script:ExporterLog.Result })"
        $gateway = "computer=`"127.0.0.1`",port=`"$($script:Sim.Port)`""
        $script:Scrape | Should -Match ([regex]::Escape("ibconfig_health_check_status{check=`"ApiEnabled`",$gateway,status=`"pass`"} 1"))
        $script:Scrape | Should -Match ([regex]::Escape("ibconfig_health_check_exit_code{$gateway} $([int]$script:Record.ExitCode)"))
        $script:Scrape | Should -Match ([regex]::Escape("ibconfig_data_farm_connected{computer=`"127.0.0.1`",farm=`"usfarm`",port=`"$($script:Sim.Port)`"} 1"))
        $script:Scrape | Should -Match '# TYPE ibconfig_api_handshake_seconds gauge'
        $script:Scrape | Should -Match '# HELP ibconfig_health_check_last_run_timestamp_seconds When the last health check ran'
    }

    It 'reports that it read the file without an error' {
        $script:Scrape | Should -Match 'node_textfile_scrape_error 0'
        $script:Scrape | Should -Match ([regex]::Escape("node_textfile_mtime_seconds{file=`"$(Join-Path $script:ScrapedDir 'ibconfig.prom')`"}"))
    }
}
