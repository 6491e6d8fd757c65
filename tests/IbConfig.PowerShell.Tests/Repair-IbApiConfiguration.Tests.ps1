BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    Enter-IsolatedDiscovery
    Set-GatewayProcess

    function Get-Backups([hashtable] $Fixture) {
        $folders = (Split-Path $Fixture.Path), (Join-Path (Split-Path $Fixture.Path) 'darykqabcdef'), (Split-Path $Fixture.IbcConfigPath)
        @(Get-ChildItem $folders -Filter '*.bak')
    }
}

AfterAll { Exit-IsolatedDiscovery }

Describe 'Repair-IbApiConfiguration' {
    It 'turns the failing sample into a passing offline checklist in one call, with one backup per changed file' {
        $fixture = Copy-NeedsRepairSample
        $before = Test-IbApiConfiguration @fixture 6>$null
        ($before | Where-Object Status -eq Fail).Id | Should -Be @('ApiEnabled', 'SocketPort', 'LocalhostTrusted', 'NoOpenTrustedIps', 'LogoffBeforeRestart')

        $output = Repair-IbApiConfiguration @fixture -Confirm:$false
        $changes = @($output | Where-Object { $_ -is [IbConfig.Core.Checks.IbRepairChange] })
        $after = @($output | Where-Object { $_ -is [IbConfig.Core.Checks.IbCheckResult] })

        $after.Count | Should -Be $before.Count
        @($after | Where-Object Status -eq Fail) | Should -BeNullOrEmpty
        Test-IbApiConfiguration @fixture -Quiet | Should -BeTrue
        # Every finding that had a settings fix now passes; the rest are left as they were.
        foreach ($fixed in $before | Where-Object { $_.Fix -and $_.Status -ne 'Pass' }) { ($after | Where-Object Id -eq $fixed.Id).Status | Should -Be 'Pass' -Because $fixed.Id }
        $changes.Status | Sort-Object -Unique | Should -Be 'Changed'
        # jts.ini (0.0.0.0 removed), ibg.xml (API on, paper port, 127.0.0.1, open orders, not read-only), IBC (port, restart).
        $changed = @($changes.Path | Sort-Object -Unique)
        $changed.Count | Should -Be 3
        $backups = Get-Backups $fixture
        $backups.Count | Should -Be 3
        foreach ($path in $changed) { @($changes | Where-Object Path -eq $path).BackupPath | Sort-Object -Unique | Should -HaveCount 1 }
        Get-Content $fixture.IbcConfigPath | Should -Contain 'OverrideTwsApiPort=4002'
        Get-Content $fixture.IbcConfigPath | Should -Contain 'AutoRestartTime=11:55 PM'
        Get-Content $fixture.Path | Should -Contain 'TrustedIPs=127.0.0.1,10.0.0.5'
    }

    It 'lists every change with -WhatIf and writes nothing' {
        $fixture = Copy-NeedsRepairSample
        $hashes = Get-ChildItem (Split-Path (Split-Path $fixture.Path)) -Recurse -File | Get-FileHash
        # What-if lines go to the host, so a child pwsh shows them on its standard output.
        $script = "Import-Module '$($script:ModuleManifestPath)'; `$env:IBC_INI = `$null; " +
            "Repair-IbApiConfiguration -Path '$($fixture.Path)' -IbcConfigPath '$($fixture.IbcConfigPath)' -TradingMode Paper -Offline -WhatIf | Out-Null"
        $whatIf = (Invoke-ChildPwsh -ArgumentList '-NoProfile', '-NonInteractive', '-Command', $script).Output
        foreach ($text in 'ApiEnabled: ApiEnabled=true', 'socketClient: false -> true', 'SocketPort: SocketPort=4002', 'OverrideTwsApiPort: 4001 -> 4002',
                          'remove 0.0.0.0', 'add 127.0.0.1', 'AutoRestartTime: (blank) -> 11:55 PM') {
            $whatIf | Should -BeLike "*$text*"
        }
        (Get-ChildItem (Split-Path (Split-Path $fixture.Path)) -Recurse -File | Get-FileHash).Hash | Should -Be $hashes.Hash
    }

    It 'refuses to write the gateway''s own files while it runs on them, unless -Force' {
        $fixture = Copy-NeedsRepairSample
        Set-GatewayProcess -SettingsDirectory (Split-Path $fixture.Path)
        try {
            $output = Repair-IbApiConfiguration @fixture -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'GatewayRunning,IbConfig.PowerShell.Commands.RepairIbApiConfigurationCommand'
            $changes = $output | Where-Object { $_ -is [IbConfig.Core.Checks.IbRepairChange] }
            ($changes | Where-Object Store -ne 'Ibc').Status | Sort-Object -Unique | Should -Be 'NotWritten'
            # IBC's config.ini is read by IBC at the next start and never written back by the gateway: it is not guarded.
            ($changes | Where-Object Store -eq 'Ibc').Status | Sort-Object -Unique | Should -Be 'Changed'
            (Get-Backups $fixture).DirectoryName | Sort-Object -Unique | Should -Be (Split-Path $fixture.IbcConfigPath)

            $forced = Repair-IbApiConfiguration @fixture -Confirm:$false -Force 3>$null
            ($forced | Where-Object { $_ -is [IbConfig.Core.Checks.IbRepairChange] }).Status | Sort-Object -Unique | Should -Be 'Changed'
        } finally {
            Set-GatewayProcess
        }
    }

    It 'changes nothing on settings that already pass' {
        $fixture = Copy-NeedsRepairSample
        $null = Repair-IbApiConfiguration @fixture -Confirm:$false
        $backups = (Get-Backups $fixture).Count
        $again = Repair-IbApiConfiguration @fixture -Confirm:$false
        @($again | Where-Object { $_ -is [IbConfig.Core.Checks.IbRepairChange] }) | Should -BeNullOrEmpty
        (Get-Backups $fixture).Count | Should -Be $backups
    }

    It 'leaves remedies that are not settings changes to the user and says so with -Verbose' {
        $folder = New-JtsFixture -Folder (Join-Path $TestDrive ([guid]::NewGuid())) -Replace @{ 's.AutoRestartTime' = '' }
        Clear-IbcFixture
        $verbose = Repair-IbApiConfiguration -Path $folder -Offline -Confirm:$false -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -BeLike '*AutoRestart: not a settings change, left to you: In the gateway: Configure > Settings > Lock and Exit*'
    }

    It 'writes a clear error when there is nothing to check' {
        { Repair-IbApiConfiguration -Path (Join-Path $TestDrive 'no-such-folder') -Offline -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigNotFound,IbConfig.PowerShell.Commands.RepairIbApiConfigurationCommand'
    }

    It 'shows its changes in a table with the check, the store, the keys and the backup' {
        $fixture = Copy-NeedsRepairSample
        $text = Repair-IbApiConfiguration @fixture -Confirm:$false | Where-Object { $_ -is [IbConfig.Core.Checks.IbRepairChange] } | Out-String -Width 200
        $text | Should -Match 'CheckId\s+Store\s+Status\s+Changes\s+BackupPath'
        $text | Should -Match 'ApiEnabled\s+ProfileXml\s+Changed'
    }
}
