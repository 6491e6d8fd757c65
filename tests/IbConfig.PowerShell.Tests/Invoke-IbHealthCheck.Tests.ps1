BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    $script:Manifest = (Get-Module IbConfig).Path
}

Describe 'Invoke-IbHealthCheck exit codes in a fresh pwsh' {
    BeforeAll {
        $script:Listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $script:Listener.Start()
        $script:OpenPort = $script:Listener.LocalEndpoint.Port
    }
    AfterAll { $script:Listener.Stop() }

    It 'exits 0 under pwsh -File when every check passes' {
        $script = Join-Path $TestDrive 'pass.ps1'
        Set-Content $script "Import-Module '$script:Manifest'; Invoke-IbHealthCheck -Port $script:OpenPort -Quiet"
        $run = Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-File', $script
        $run.ExitCode | Should -Be 0 -Because $run.Error
    }

    It 'exits 2 under pwsh -File when a check fails, with no explicit exit in the script' {
        $script = Join-Path $TestDrive 'fail.ps1'
        Set-Content $script "Import-Module '$script:Manifest'; Invoke-IbHealthCheck -Port $(Get-FreeLoopbackPort) -Quiet; 'the script went on'"
        $run = Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-File', $script
        $run.ExitCode | Should -Be 2 -Because $run.Error
        $run.Output | Should -Match 'the script went on'
    }

    It 'exits with the code under pwsh -Command ending in exit $LASTEXITCODE, the documented scheduler form' {
        $run = Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$script:Manifest'; Invoke-IbHealthCheck -Port $(Get-FreeLoopbackPort) -Quiet; exit `$LASTEXITCODE"
        $run.ExitCode | Should -Be 2 -Because $run.Error
    }

    It 'lets an explicit exit in the script win' {
        $script = Join-Path $TestDrive 'override.ps1'
        Set-Content $script "Import-Module '$script:Manifest'; Invoke-IbHealthCheck -Port $(Get-FreeLoopbackPort) -Quiet; exit 0"
        (Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-File', $script).ExitCode | Should -Be 0
    }
}

Describe 'Invoke-IbHealthCheck in this session' {
    It 'sets $LASTEXITCODE and returns the record' {
        $global:LASTEXITCODE = 0
        $record = Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort)
        $LASTEXITCODE | Should -Be 2
        $record | Should -BeOfType IbConfig.Core.Health.IbHealthCheckRecord
        $record.Status | Should -Be 'Fail'
        [int]$record.ExitCode | Should -Be 2
        $record.Host | Should -Be ([Environment]::MachineName)
        ($record.Checks | Where-Object Id -eq PortListening).Status | Should -Be 'Fail'
    }

    It 'returns nothing with -Quiet' {
        Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -Quiet | Should -BeNullOrEmpty
        $LASTEXITCODE | Should -Be 2
    }

    It 'appends a JSON line per run to -LogPath and rotates it by size' {
        $log = Join-Path $TestDrive 'logs/health.log'
        1..3 | ForEach-Object { Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -LogPath $log -Quiet }
        $lines = Get-Content $log
        $lines | Should -HaveCount 3
        $entry = $lines[0] | ConvertFrom-Json
        $entry.exitCode | Should -Be 2
        $entry.host | Should -Be ([Environment]::MachineName)
        $entry.checks.id | Should -Contain 'PortListening'
        $size = (Get-Item $log).Length / 3
        1..3 | ForEach-Object { Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -LogPath $log -MaxLogBytes ([long]($size * 2.5)) -LogFileCount 2 -Quiet }
        Join-Path $TestDrive 'logs/health.1.log' | Should -Exist
        Join-Path $TestDrive 'logs/health.2.log' | Should -Exist
        Join-Path $TestDrive 'logs/health.3.log' | Should -Not -Exist
    }

    It 'writes one CSV row per check that Import-Csv reads back' {
        $log = Join-Path $TestDrive 'health.csv'
        $record = Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -LogPath $log -Format Csv
        $rows = Import-Csv $log
        $rows | Should -HaveCount $record.Checks.Count
        $rows[0].ExitCode | Should -Be '2'
        $record.LogPath | Should -Be $log
    }

    It 'writes no log with -WhatIf but still reports' {
        $log = Join-Path $TestDrive 'whatif.log'
        $record = Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -LogPath $log -WhatIf
        $log | Should -Not -Exist
        $record.Status | Should -Be 'Fail'
    }

    It 'reports a log it cannot write as a non-terminating error and still sets the exit code' {
        $blocker = Join-Path $TestDrive 'blocker'
        Set-Content $blocker 'x'
        $record = Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort) -LogPath (Join-Path $blocker 'health.log') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'HealthCheckLogWriteFailed,IbConfig.PowerShell.Commands.InvokeIbHealthCheckCommand'
        $record.ExitCode | Should -Be 'Failures'
        $LASTEXITCODE | Should -Be 2
    }

    It 'serialises its record as remoting does (default depth) without losing the checks' {
        $record = Invoke-IbHealthCheck -Port (Get-FreeLoopbackPort)
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($record))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.IbConfig.Core.Health.IbHealthCheckRecord'
        $copy.Status | Should -Be 'Fail'
        @($copy.Checks).Count | Should -Be $record.Checks.Count
        ($copy.Checks | Where-Object Id -eq PortListening).Status | Should -Be 'Fail'
    }
}
