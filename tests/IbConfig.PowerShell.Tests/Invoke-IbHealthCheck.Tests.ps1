BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    . (Join-Path $PSScriptRoot 'FakeIbcCommandServer.ps1')
    Enter-IsolatedDiscovery  # the child processes inherit the isolated environment
    $script:Manifest = (Get-Module IbConfig).Path
    $script:Sim = Start-IbGatewaySimulator -Port 0 -Account DU123456 -PassThru
    $script:OpenPort = $script:Sim.Port
    $null = Use-IbcFixture -Path (Join-Path $TestDrive 'ibc/config.ini')  # the weekly cold restart; IBC_INI reaches the children too
    $script:Good = New-JtsFixture -Folder (Join-Path $TestDrive 'good') -Port $script:OpenPort
    $script:Warned = New-JtsFixture -Folder (Join-Path $TestDrive 'warned') -Replace @{ 's.DownloadOpenOrders' = 's.DownloadOpenOrders=false' }
    $script:Failed = New-JtsFixture -Folder (Join-Path $TestDrive 'failed') -Replace @{ 's.ApiEnabled' = 's.ApiEnabled=false' }

    function Invoke-HealthScript([string] $Body) {
        $script = Join-Path $TestDrive "$([guid]::NewGuid()).ps1"
        Set-Content $script "Import-Module '$script:Manifest'`n$Body"
        Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-File', $script
    }
}

AfterAll {
    Stop-IbGatewaySimulator -Id $script:Sim.Id
    Exit-IsolatedDiscovery
}

Describe 'Invoke-IbHealthCheck exit codes of pwsh -File runs' {
    It 'exits <Code> when <Case>' -ForEach @(
        @{ Code = 0; Case = 'every check passes'; Folder = 'good' }
        @{ Code = 1; Case = 'there are warnings only'; Folder = 'warned' }
        @{ Code = 2; Case = 'a check fails'; Folder = 'failed' }
        @{ Code = 3; Case = 'there are no settings to check'; Folder = 'missing' }
    ) {
        $run = Invoke-HealthScript "Invoke-IbHealthCheck -Path '$(Join-Path $TestDrive $Folder)' -Offline -Quiet; 'the script went on'"
        $run.ExitCode | Should -Be $Code -Because $run.Error
        $run.Output | Should -Match 'the script went on'
    }

    It 'exits 0 with the live checks against a listening port and a running gateway' {
        $run = Invoke-HealthScript ((Get-ProcessSeamScript $script:Good) + "`nInvoke-IbHealthCheck -Path '$script:Good' -Quiet")
        $run.ExitCode | Should -Be 0 -Because $run.Error
    }

    It 'exits 2 with the live checks when nothing listens on the port' {
        $run = Invoke-HealthScript ((Get-ProcessSeamScript $script:Good) + "`nInvoke-IbHealthCheck -Path '$script:Good' -Port $(Get-FreeLoopbackPort) -Quiet")
        $run.ExitCode | Should -Be 2 -Because $run.Error
    }

    It 'exits with the code under the documented -Command form ending in exit $LASTEXITCODE' {
        $run = Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$script:Manifest'; Invoke-IbHealthCheck -Path '$script:Warned' -Offline -Quiet; exit `$LASTEXITCODE"
        $run.ExitCode | Should -Be 1 -Because $run.Error
    }

    It 'lets an explicit exit in the script win' {
        (Invoke-HealthScript "Invoke-IbHealthCheck -Path '$script:Failed' -Offline -Quiet; exit 0").ExitCode | Should -Be 0
    }
}

Describe 'Invoke-IbHealthCheck in this session' {
    BeforeEach { Set-GatewayProcess -SettingsDirectory $script:Good }

    It 'sets $LASTEXITCODE and returns the record' {
        $global:LASTEXITCODE = 0
        $record = Invoke-IbHealthCheck -Path $script:Failed -Offline
        $LASTEXITCODE | Should -Be 2
        $record | Should -BeOfType IbConfig.Core.Health.IbHealthCheckRecord
        $record.Status | Should -Be 'Fail'
        [int]$record.ExitCode | Should -Be 2
        $record.Failed | Should -Be 1
        $record.Host | Should -Be ([Environment]::MachineName)
        ($record.Checks | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Fail'
    }

    It 'returns a CouldNotRun record with exit code 3 and a non-terminating error when there is nothing to check' {
        $record = Invoke-IbHealthCheck -Path (Join-Path $TestDrive 'missing') -ErrorVariable errs -ErrorAction SilentlyContinue
        $record.Status | Should -Be 'CouldNotRun'
        $LASTEXITCODE | Should -Be 3
        $errs[0].FullyQualifiedErrorId | Should -Be 'ConfigNotFound,IbConfig.PowerShell.Commands.InvokeIbHealthCheckCommand'
        $record.Message | Should -Match 'There is no settings file'
    }

    It 'returns nothing with -Quiet, not even the error' {
        Invoke-IbHealthCheck -Path (Join-Path $TestDrive 'missing') -Quiet -ErrorVariable errs | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
        $LASTEXITCODE | Should -Be 3
    }

    It 'appends a JSON line per run to -LogPath and rotates it by size' {
        $log = Join-Path $TestDrive 'logs/health.log'
        1..3 | ForEach-Object { Invoke-IbHealthCheck -Path $script:Good -LogPath $log -Quiet }
        $lines = Get-Content $log
        $lines | Should -HaveCount 3
        $entry = $lines[0] | ConvertFrom-Json
        $entry.exitCode | Should -Be 0
        $entry.host | Should -Be ([Environment]::MachineName)
        $entry.port | Should -Be $script:OpenPort
        $entry.checks.id | Should -Contain 'ApiHandshake'
        ($entry.checks | Where-Object id -eq ApiHandshake).status | Should -Be 'Pass'
        ($entry.checks | Where-Object id -eq ApiEnabled).source | Should -BeLike '*jts.ini:*'
        $size = (Get-Item $log).Length / 3
        1..3 | ForEach-Object { Invoke-IbHealthCheck -Path $script:Good -LogPath $log -MaxLogBytes ([long]($size * 2.5)) -LogFileCount 2 -Quiet }
        Join-Path $TestDrive 'logs/health.1.log' | Should -Exist
        Join-Path $TestDrive 'logs/health.2.log' | Should -Exist
        Join-Path $TestDrive 'logs/health.3.log' | Should -Not -Exist
    }

    It 'writes one CSV row per check that Import-Csv reads back' {
        $log = Join-Path $TestDrive 'health.csv'
        $record = Invoke-IbHealthCheck -Path $script:Warned -Offline -LogPath $log -Format Csv
        $rows = Import-Csv $log
        $rows | Should -HaveCount $record.Checks.Count
        ($rows | Where-Object Id -eq DownloadOpenOrders).Status | Should -Be 'Warn'
        $rows[0].ExitCode | Should -Be '1'
        $record.LogPath | Should -Be $log
    }

    It 'logs a run that could not start, with exit code 3' {
        $log = Join-Path $TestDrive 'couldnotrun.log'
        Invoke-IbHealthCheck -Path (Join-Path $TestDrive 'missing') -LogPath $log -Quiet
        (Get-Content $log | ConvertFrom-Json).status | Should -Be 'CouldNotRun'
    }

    It 'writes no log with -WhatIf but still reports' {
        $log = Join-Path $TestDrive 'whatif.log'
        $record = Invoke-IbHealthCheck -Path $script:Failed -Offline -LogPath $log -WhatIf
        $log | Should -Not -Exist
        $record.Status | Should -Be 'Fail'
    }

    It 'reports a log it cannot write as a non-terminating error and still sets the exit code' {
        $blocker = Join-Path $TestDrive 'blocker'
        Set-Content $blocker 'x'
        $record = Invoke-IbHealthCheck -Path $script:Failed -Offline -LogPath (Join-Path $blocker 'health.log') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'HealthCheckLogWriteFailed,IbConfig.PowerShell.Commands.InvokeIbHealthCheckCommand'
        $record.ExitCode | Should -Be 2 -Because 'ExitCode is the number the process exits with'
        $LASTEXITCODE | Should -Be 2
    }

    It 'sends nothing to IBC with -Repair when the data farms are fine' {
        $server = Start-FakeIbcCommandServer
        try {
            $record = Invoke-IbHealthCheck -Path $script:Good -Repair -CommandServerPort $server.Port
            $record.Repair | Should -BeNullOrEmpty
            $server.Received.Count | Should -Be 0
        } finally { Stop-FakeIbcCommandServer $server }
    }

    It 'serialises its record as remoting does (default depth) without losing the checks' {
        $record = Invoke-IbHealthCheck -Path $script:Failed -Offline
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($record))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.IbConfig.Core.Health.IbHealthCheckRecord'
        $copy.Status | Should -Be 'Fail'
        @($copy.Checks).Count | Should -Be $record.Checks.Count
        ($copy.Checks | Where-Object Id -eq ApiEnabled).Status | Should -Be 'Fail'
    }

    It 'keeps the checks through remoting in a fresh runspace too, where the module was only just imported' {
        # The depth is set when the first record is emitted (the module ships no types file): a new runspace gets it too.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($manifest, $path)
                Import-Module $manifest
                $before = Get-TypeData IbConfig.Core.Health.IbHealthCheckRecord
                $record = Invoke-IbHealthCheck -Path $path -Offline
                $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($record))
                [pscustomobject]@{ Before = $before; Depth = (Get-TypeData IbConfig.Core.Health.IbHealthCheckRecord).SerializationDepth; Check = @($copy.Checks)[0] }
            }).AddArgument($script:ModuleManifestPath).AddArgument($script:Failed)
            $result = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $result[0].Before | Should -BeNullOrEmpty -Because 'Import-Module loads no type data'
            $result[0].Depth | Should -Be 2
            $result[0].Check.PSObject.TypeNames[0] | Should -Be 'Deserialized.IbConfig.Core.Checks.IbCheckResult'
            $result[0].Check.Status | Should -Not -BeNullOrEmpty
        } finally { $ps.Dispose() }
    }

    It 'shows a one-line record by default' {
        $text = Invoke-IbHealthCheck -Path $script:Failed -Offline | Out-String -Width 200
        $text | Should -Match 'Timestamp\s+ComputerName\s+Port\s+Status\s+ExitCode\s+Message'
        $text | Should -Match 'Fail\s+2\s+Fail: '
    }
}
