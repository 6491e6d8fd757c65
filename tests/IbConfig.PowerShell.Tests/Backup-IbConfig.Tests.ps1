BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')
}

Describe 'Backup-IbConfig' {
    It 'copies the file beside itself under a timestamped name and describes the copy' {
        $path = New-JtsIni 'b1'

        $backup = Backup-IbConfig -Path $path

        $backup.Path | Should -Be $path
        $backup.BackupPath | Should -Match ([regex]::Escape($path) + '\.\d{8}-\d{6}(-\d+)?\.bak$')
        Get-FileBytesHex $backup.BackupPath | Should -Be (Get-FileBytesHex $path)
        $backup.Length | Should -Be (Get-Item $path).Length
        $backup.Hash | Should -Match '^[0-9a-f]{12}$'
        $backup.Time | Should -BeGreaterThan (Get-Date).AddMinutes(-5)
    }

    It 'never overwrites an earlier backup, even within one second' {
        $path = New-JtsIni 'b2'
        $backups = 1..3 | ForEach-Object { Backup-IbConfig -Path $path }
        @($backups.BackupPath | Select-Object -Unique).Count | Should -Be 3
        @(Get-ChildItem (Split-Path $path) -Filter 'jts.ini.*.bak').Count | Should -Be 3
    }

    It 'writes into -Destination, a PowerShell path that is created if missing' {
        $path = New-JtsIni 'b3' $script:JtsIniLf
        $backup = Backup-IbConfig -Path $path -Destination TestDrive:/b3-backups/ib
        Split-Path $backup.BackupPath | Should -Be (Join-Path (Resolve-Path TestDrive:/).ProviderPath 'b3-backups/ib')
        Get-FileBytesHex $backup.BackupPath | Should -Be (Get-FileBytesHex $path)
    }

    It 'resolves relative and PSDrive paths' {
        $null = New-JtsIni 'b4'
        Push-Location TestDrive:/b4
        try { $backup = Backup-IbConfig jts.ini } finally { Pop-Location }
        $backup.Path | Should -Be (Join-Path (Resolve-Path TestDrive:/b4).ProviderPath 'jts.ini')
    }

    It 'writes nothing with -WhatIf' {
        $path = New-JtsIni 'b5'
        Backup-IbConfig -Path $path -WhatIf | Should -BeNullOrEmpty
        @(Get-ChildItem (Split-Path $path)).Name | Should -Be @('jts.ini')
    }

    It 'backs up every file piped in by path' {
        $first = New-JtsIni 'b6/a'
        $second = New-JtsIni 'b6/b'
        $backups = Get-ChildItem TestDrive:/b6 -Recurse -Filter jts.ini | Backup-IbConfig
        $backups.Path | Sort-Object | Should -Be @($first, $second)
    }

    It 'reports a missing file and goes on with the next one' {
        $good = New-JtsIni 'b7'
        $missing = Join-Path (Split-Path $good) 'missing.ini'
        $result = @($missing, $good) | ForEach-Object { [pscustomobject]@{ Path = $_ } } | Backup-IbConfig -ErrorVariable problems -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,IbConfig.PowerShell.Commands.BackupIbConfigCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Backup-IbConfig -Path $missing -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigFileNotFound,IbConfig.PowerShell.Commands.BackupIbConfigCommand'
    }

    It 'refuses a path that is not on the file system' {
        { Backup-IbConfig -Path Env:/PATH } | Should -Throw -ErrorId 'PathNotFileSystem,IbConfig.PowerShell.Commands.BackupIbConfigCommand'
    }

    It 'defaults to the first settings file found on the machine' {
        $path = New-JtsIni 'b8'
        $backup = Invoke-WithSettingsRoot (Split-Path $path) { Backup-IbConfig }
        $backup.Path | Should -Be $path
    }

    It 'stops with a ConfigNotFound error that lists where it looked when there is no settings file' {
        $empty = (New-Item -ItemType Directory -Force TestDrive:/b9).FullName
        $err = Invoke-WithSettingsRoot $empty { try { Backup-IbConfig; $null } catch { $_ } }
        $err.FullyQualifiedErrorId | Should -Be 'ConfigNotFound,IbConfig.PowerShell.Commands.BackupIbConfigCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -BeLike "*$(Join-Path $empty 'jts.ini')*"
        $err.Exception.Message | Should -BeLike '*-Path*'
    }
}
