# Export-IbApiBaseline, Compare-IbApiConfiguration and the checklist's -Baseline (the Drift check), on fixture settings
# folders; the fleet pattern is tested through a PowerShell job (its own process, objects serialised like remoting's).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    $script:Good = Join-Path (New-JtsFixture -Folder (Join-Path $TestDrive 'good') -Replace @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1,10.0.0.5' }) 'jts.ini'
    $script:Drifted = Join-Path (New-JtsFixture -Folder (Join-Path $TestDrive 'drifted') -Port 4002 -Replace @{ 's.TrustedIPs' = 's.TrustedIPs=127.0.0.1'; 's.DownloadOpenOrders' = 's.DownloadOpenOrders=false' }) 'jts.ini'
    $script:BaselineFile = Join-Path $TestDrive 'baseline.ini'
    Export-IbApiBaseline -Path $script:Good -Baseline $script:BaselineFile | Out-Null
}

AfterAll { Exit-IsolatedDiscovery }

Describe 'Export-IbApiBaseline' {
    It 'writes sorted settings, one trusted address per line and the restart plan, and returns the baseline' {
        $baseline = Export-IbApiBaseline -Path $script:Good -Baseline (Join-Path $TestDrive 'b1.ini')
        $baseline | Should -BeOfType IbConfig.Core.Baseline.IbApiBaseline
        $baseline.BaselinePath | Should -Be (Join-Path $TestDrive 'b1.ini')
        $lines = Get-Content (Join-Path $TestDrive 'b1.ini')
        $lines | Should -Contain '[Settings]'
        $lines | Should -Contain 'SocketPort=7497'
        $lines | Should -Contain 'Address=10.0.0.5'
        $lines | Should -Contain 'AutoRestartTime=23:55:00'
        $settings = $lines[($lines.IndexOf('[Settings]') + 1)..($lines.IndexOf('[TrustedIps]') - 1)]
        $settings | Should -Be ($settings | Sort-Object)
    }

    It 'writes the same bytes twice for the same settings, so a diff shows only real changes' {
        Export-IbApiBaseline -Path $script:Good -Baseline (Join-Path $TestDrive 'again.ini') | Out-Null
        Get-FileBytesHex (Join-Path $TestDrive 'again.ini') | Should -Be (Get-FileBytesHex $script:BaselineFile)
    }

    It 'keeps IBC''s credentials out of the file' {
        $ibc = Join-Path $TestDrive 'ibc/config.ini'
        $null = New-Item (Split-Path $ibc) -ItemType Directory -Force
        Set-Content $ibc "IbLoginId=secretuser`nIbPassword=secretpass`nColdRestartTime=07:05`nReadOnlyApi=no"
        Export-IbApiBaseline -Path $script:Good -IbcConfigPath $ibc -Baseline (Join-Path $TestDrive 'ibc.ini') | Out-Null
        $text = Get-Content (Join-Path $TestDrive 'ibc.ini') -Raw
        $text | Should -Not -Match 'secret'
        $text | Should -Match 'ColdRestartTime=07:05:00'
        $text | Should -Match '; window: Sunday 07:05'
    }

    It 'returns the baseline without writing when -Baseline is not given' {
        $baseline = Export-IbApiBaseline -Path $script:Good
        $baseline.BaselinePath | Should -BeNullOrEmpty
        $baseline.TrustedIps | Should -Be @('10.0.0.5', '127.0.0.1')
        $baseline.Settings['ApiEnabled'] | Should -Be 'true'
    }

    It 'writes nothing with -WhatIf' {
        Export-IbApiBaseline -Path $script:Good -Baseline (Join-Path $TestDrive 'whatif.ini') -WhatIf | Should -BeNullOrEmpty
        Join-Path $TestDrive 'whatif.ini' | Should -Not -Exist
    }

    It 'reports a missing settings file and a missing target folder as errors with stable ids' {
        Export-IbApiBaseline -Path (Join-Path $TestDrive 'nojts.ini') -Baseline (Join-Path $TestDrive 'x.ini') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,IbConfig.PowerShell.Commands.ExportIbApiBaselineCommand'
        Export-IbApiBaseline -Path $script:Good -Baseline (Join-Path $TestDrive 'nowhere/b.ini') -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -Be 'ConfigFolderNotFound,IbConfig.PowerShell.Commands.ExportIbApiBaselineCommand'
    }
}

Describe 'Compare-IbApiConfiguration' {
    It 'returns nothing when the gateway matches its baseline' {
        Compare-IbApiConfiguration -Path $script:Good -Baseline $script:BaselineFile | Should -BeNullOrEmpty
    }

    It 'returns one drift per difference with the setting, both values, the store, the file and the line' {
        $drifts = @(Compare-IbApiConfiguration -Path $script:Drifted -Baseline $script:BaselineFile)
        $drifts.Setting | Should -Be @('DownloadOpenOrders', 'SocketPort', 'TrustedIps')
        $port = $drifts | Where-Object Setting -eq SocketPort
        $port | Should -BeOfType IbConfig.Core.Baseline.IbApiDrift
        $port.Expected | Should -Be '7497'
        $port.Actual | Should -Be '4002'
        [string]$port.Kind | Should -Be 'Changed'
        $port.Store | Should -Be 'JtsIni'
        $port.File | Should -Be $script:Drifted
        (Get-Content $port.File)[$port.Line - 1] | Should -Be 's.SocketPort=4002'
        $ip = $drifts | Where-Object Setting -eq TrustedIps
        ($ip.Expected, $ip.Actual, [string]$ip.Kind) | Should -Be @('10.0.0.5', '', 'Missing')
    }

    It 'takes settings folders from the pipeline by property name' {
        $drifts = [pscustomobject]@{ Path = $script:Drifted }, [pscustomobject]@{ Path = $script:Good } | Compare-IbApiConfiguration -Baseline $script:BaselineFile
        @($drifts).Count | Should -Be 3
    }

    It 'takes the baseline Export-IbApiBaseline returns from the pipeline' {
        $drifts = Export-IbApiBaseline -Path $script:Good -Baseline (Join-Path $TestDrive 'piped.ini') | Compare-IbApiConfiguration -Path $script:Drifted
        @($drifts).Count | Should -Be 3
    }

    It 'stops with BaselineInvalid for a file that is not a baseline, and ConfigFileNotFound for none' {
        Set-Content (Join-Path $TestDrive 'notabaseline.ini') "[IBGateway]`ns.SocketPort=4002"
        { Compare-IbApiConfiguration -Path $script:Good -Baseline (Join-Path $TestDrive 'notabaseline.ini') } |
            Should -Throw -ErrorId 'BaselineInvalid,IbConfig.PowerShell.Commands.CompareIbApiConfigurationCommand'
        { Compare-IbApiConfiguration -Path $script:Good -Baseline (Join-Path $TestDrive 'nofile.ini') } |
            Should -Throw -ErrorId 'ConfigFileNotFound,IbConfig.PowerShell.Commands.CompareIbApiConfigurationCommand'
    }

    It 'gives the same objects, property names included, from another process as remoting does' {
        $job = Start-Job -ScriptBlock {
            param($manifest, $path, $baseline)
            Import-Module $manifest
            Compare-IbApiConfiguration -Path $path -Baseline $baseline
            Export-IbApiBaseline -Path $path
        } -ArgumentList $script:ModuleManifestPath, $script:Drifted, $script:BaselineFile
        $received = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        $drifts = @($received | Where-Object { $_.PSObject.TypeNames -contains 'Deserialized.IbConfig.Core.Baseline.IbApiDrift' })
        $drifts.Setting | Should -Be @('DownloadOpenOrders', 'SocketPort', 'TrustedIps')
        $names = $drifts[0].PSObject.Properties.Name
        foreach ($name in 'Setting', 'Expected', 'Actual', 'Kind', 'Store', 'File', 'Line', 'ComputerName', 'Baseline') { $names | Should -Contain $name }
        ($drifts | Where-Object Setting -eq SocketPort).Line | Should -BeGreaterThan 0
        $baseline = $received | Where-Object { $_.PSObject.TypeNames -contains 'Deserialized.IbConfig.Core.Baseline.IbApiBaseline' }
        $baseline.TrustedIps | Should -Be @('127.0.0.1')
        $baseline.Settings['SocketPort'] | Should -Be '4002'
    }

    It 'formats drift from a job with its default table' {
        $drift = Compare-IbApiConfiguration -Path $script:Drifted -Baseline $script:BaselineFile | Select-Object -First 1
        $serialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($drift))
        ($serialized | Format-Table | Out-String) | Should -Match 'Setting\s+Kind\s+Expected'
    }
}

Describe 'The checklist with -Baseline' {
    It 'adds one Drift failure per difference to Test-IbApiConfiguration' {
        $results = Test-IbApiConfiguration -Path $script:Drifted -Offline -Baseline $script:BaselineFile 6>$null
        $drift = @($results | Where-Object Id -eq Drift)
        $drift | Should -HaveCount 3
        $drift.Status | Sort-Object -Unique | Should -Be 'Fail'
        ($drift | Where-Object Expected -like 'DownloadOpenOrders*').Remedy | Should -BeLike "Set-IbApiSetting -Path '*jts.ini' -DownloadOpenOrders `$true"
        ($drift | Where-Object Expected -like 'TrustedIps*').Remedy | Should -BeLike "Add-IbTrustedIp 10.0.0.5 -Path '*jts.ini'"
    }

    It 'passes the Drift check when nothing drifted, and leaves it out without -Baseline' {
        (Test-IbApiConfiguration -Path $script:Good -Offline -Baseline $script:BaselineFile 6>$null | Where-Object Id -eq Drift).Status | Should -Be 'Pass'
        Test-IbApiConfiguration -Path $script:Good -Offline 6>$null | Where-Object Id -eq Drift | Should -BeNullOrEmpty
    }

    It 'turns drift into exit code 2 in Invoke-IbHealthCheck' {
        $record = Invoke-IbHealthCheck -Path $script:Good -Offline -Baseline $script:BaselineFile
        ($record.Checks | Where-Object Id -eq Drift).Status | Should -Be 'Pass'
        $record = Invoke-IbHealthCheck -Path $script:Drifted -Offline -Baseline $script:BaselineFile
        [int]$record.ExitCode | Should -Be 2
        @($record.Checks | Where-Object Id -eq Drift).Count | Should -Be 3
    }
}
