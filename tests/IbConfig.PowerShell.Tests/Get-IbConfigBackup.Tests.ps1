BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')

    function New-Backup([string] $Path, [string] $Stamp, [string] $Content) {
        $file = Join-Path (Split-Path $Path) "jts.ini.$Stamp.bak"
        Set-Content -LiteralPath $file -Value $Content -NoNewline
        $file
    }
}

Describe 'Get-IbConfigBackup' {
    It 'lists the backups of the file newest first with time, size and hash' {
        $path = New-JtsIni 'g1'
        $null = New-Backup $path '20261124-230000' 'monday'
        $null = New-Backup $path '20261126-031500' 'wednesday'
        $null = New-Backup $path '20261126-031500-2' 'wednesday again'
        $null = New-Backup $path '20261125-120000' 'tuesday'
        Set-Content (Join-Path (Split-Path $path) 'jts.ini.bak') 'not a timestamped backup'
        Set-Content (Join-Path (Split-Path $path) 'other.ini.20261126-031500.bak') 'another file'

        $backups = @(Get-IbConfigBackup -Path $path)

        $backups | ForEach-Object { Split-Path $_.BackupPath -Leaf } | Should -Be @(
            'jts.ini.20261126-031500-2.bak', 'jts.ini.20261126-031500.bak', 'jts.ini.20261125-120000.bak', 'jts.ini.20261124-230000.bak')
        $backups[1].Time | Should -Be ([datetime]'2026-11-26T03:15:00')
        $backups[1].Length | Should -Be 9
        $backups | ForEach-Object { $_.Path | Should -Be $path }
        $backups[0].Hash | Should -Not -Be $backups[1].Hash
    }

    It 'lists what Backup-IbConfig made, in -Destination too' {
        $path = New-JtsIni 'g2'
        $made = Backup-IbConfig -Path $path -Destination TestDrive:/g2-backups
        $listed = @(Get-IbConfigBackup -Path $path -Destination TestDrive:/g2-backups)
        $listed.BackupPath | Should -Be @($made.BackupPath)
        $listed[0].Hash | Should -Be $made.Hash
        Get-IbConfigBackup -Path $path | Should -BeNullOrEmpty
    }

    It 'lists the backups of a settings file that was deleted' {
        $path = New-JtsIni 'g3'
        $null = Backup-IbConfig -Path $path
        Remove-Item $path
        @(Get-IbConfigBackup -Path $path).Count | Should -Be 1
    }

    It 'outputs nothing, without error, when there are no backups' {
        $path = New-JtsIni 'g4'
        Get-IbConfigBackup -Path $path -ErrorVariable problems | Should -BeNullOrEmpty
        Get-IbConfigBackup -Path $path -Destination TestDrive:/g4-nowhere | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
    }

    It 'shows a table grouped by settings file' {
        $path = New-JtsIni 'g5'
        $null = New-Backup $path '20261126-031500' 'x'
        $text = Get-IbConfigBackup -Path $path | Out-String -Width 250
        $text | Should -Match 'Backups of: .*jts\.ini'
        $text | Should -Match '2026-11-26 03:15:00\s+1\s+[0-9a-f]{12}'
    }
}
