BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')

    function New-ChangedJtsIni([string] $Folder) {
        # A jts.ini with one backup of its original (CRLF + BOM) content, then changed to the LF layout.
        $path = New-JtsIni $Folder
        $backup = Backup-IbConfig -Path $path
        [System.IO.File]::WriteAllBytes($path, $script:JtsIniLf)
        [pscustomobject]@{ Path = $path; Backup = $backup; Original = Get-FileBytesHex $backup.BackupPath }
    }
}

AfterAll {
    Restore-RealGatewayProcess
}

Describe 'Restore-IbConfig' {
    BeforeEach {
        Set-FakeGatewayProcess @()
    }

    It 'puts the backup back byte for byte and backs up the replaced content first' {
        $case = New-ChangedJtsIni 'r1'

        $result = Restore-IbConfig -Path $case.Path -BackupPath $case.Backup.BackupPath -Confirm:$false -PassThru

        Get-FileBytesHex $case.Path | Should -Be $case.Original
        $result.Changed | Should -BeTrue
        $result.BackupPath | Should -Not -Be $case.Backup.BackupPath
        [System.IO.File]::ReadAllBytes($result.BackupPath) | Should -Be $script:JtsIniLf
        @(Get-IbConfigBackup -Path $case.Path).Count | Should -Be 2
    }

    It 'outputs nothing without -PassThru' {
        $case = New-ChangedJtsIni 'r2'
        Restore-IbConfig -Path $case.Path -BackupPath $case.Backup.BackupPath -Confirm:$false | Should -BeNullOrEmpty
        Get-FileBytesHex $case.Path | Should -Be $case.Original
    }

    It 'restores the newest backup with -Latest' {
        $case = New-ChangedJtsIni 'r3'
        $newer = Join-Path (Split-Path $case.Path) 'jts.ini.29991231-235959.bak'
        # A backup must read as settings (the restore refuses other content without -Force).
        Set-Content -LiteralPath $newer -Value "[IBGateway]`nnewest=1" -NoNewline
        Restore-IbConfig -Path $case.Path -Latest -Confirm:$false
        Get-Content -LiteralPath $case.Path -Raw | Should -Be "[IBGateway]`nnewest=1"
    }

    It 'takes a backup from Get-IbConfigBackup by property name' {
        $case = New-ChangedJtsIni 'r4'
        Get-IbConfigBackup -Path $case.Path | Select-Object -First 1 | Restore-IbConfig -Confirm:$false
        Get-FileBytesHex $case.Path | Should -Be $case.Original
    }

    It 'writes nothing with -WhatIf' {
        $case = New-ChangedJtsIni 'r5'
        Restore-IbConfig -Path $case.Path -Latest -WhatIf
        [System.IO.File]::ReadAllBytes($case.Path) | Should -Be $script:JtsIniLf
        @(Get-IbConfigBackup -Path $case.Path).Count | Should -Be 1
    }

    It 'asks for confirmation (ConfirmImpact High)' {
        $attribute = (Get-Command Restore-IbConfig).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }

    It 'refuses while IB Gateway may use the folder, and leaves the file and backups alone' {
        $case = New-ChangedJtsIni 'r6'
        Set-FakeGatewayProcess @([IbConfig.Core.Processes.ProcessSnapshot]::new(1234, 'ibgateway'))

        { Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'GatewayRunning,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'

        $err = $null
        Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $err[0].Exception.Message | Should -Be 'IB Gateway (pid 1234) is running and writes its settings back when it exits, which would undo this change. Close it, or pass -Force to write anyway.'
        [System.IO.File]::ReadAllBytes($case.Path) | Should -Be $script:JtsIniLf
        @(Get-IbConfigBackup -Path $case.Path).Count | Should -Be 1
    }

    It 'restores anyway with -Force, with a warning' {
        $case = New-ChangedJtsIni 'r7'
        Set-FakeGatewayProcess @([IbConfig.Core.Processes.ProcessSnapshot]::new(77, 'tws'))

        Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -Force -WarningVariable warnings -WarningAction SilentlyContinue

        Get-FileBytesHex $case.Path | Should -Be $case.Original
        $warnings[0] | Should -BeLike '*TWS (pid 77)*'
    }

    It 'is not blocked by a gateway whose command line names another settings folder' {
        $case = New-ChangedJtsIni 'r8'
        $other = Join-Path (Resolve-Path TestDrive:/).ProviderPath 'other-Jts'
        Set-FakeGatewayProcess @([IbConfig.Core.Processes.ProcessSnapshot]::new(5, 'java', '/usr/bin/java', "java -DjtsConfigDir=$other ibcalpha.ibc.IbcGateway", $null))

        Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -ErrorAction Stop

        Get-FileBytesHex $case.Path | Should -Be $case.Original
    }

    It 'reports a missing backup' {
        $case = New-ChangedJtsIni 'r9'
        { Restore-IbConfig -Path $case.Path -BackupPath (Join-Path (Split-Path $case.Path) 'jts.ini.20000101-000000.bak') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigBackupNotFound,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
        [System.IO.File]::ReadAllBytes($case.Path) | Should -Be $script:JtsIniLf
    }

    It 'reports that there is no backup for -Latest' {
        $path = New-JtsIni 'r10'
        { Restore-IbConfig -Path $path -Latest -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigBackupNotFound,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
    }

    It 'refuses to restore the file onto itself' {
        $path = New-JtsIni 'r11'
        { Restore-IbConfig -Path $path -BackupPath $path -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigBackupIsTarget,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
    }

    It 'refuses a read-only file and makes no backup' {
        $case = New-ChangedJtsIni 'r12'
        Set-ItemProperty -LiteralPath $case.Path -Name IsReadOnly -Value $true
        try {
            { Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'ConfigFileReadOnly,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
            [System.IO.File]::ReadAllBytes($case.Path) | Should -Be $script:JtsIniLf
            @(Get-IbConfigBackup -Path $case.Path).Count | Should -Be 1
        }
        finally { Set-ItemProperty -LiteralPath $case.Path -Name IsReadOnly -Value $false }
    }

    It 'recreates a deleted settings file from its backup' {
        $case = New-ChangedJtsIni 'r13'
        Remove-Item $case.Path
        $result = Restore-IbConfig -Path $case.Path -Latest -Confirm:$false -PassThru
        Get-FileBytesHex $case.Path | Should -Be $case.Original
        $result.BackupPath | Should -BeNullOrEmpty
    }

    It 'writes nothing when the file already holds the backup''s content' {
        $path = New-JtsIni 'r14'
        $null = Backup-IbConfig -Path $path
        $result = Restore-IbConfig -Path $path -Latest -Confirm:$false -PassThru
        $result.Changed | Should -BeFalse
        @(Get-IbConfigBackup -Path $path).Count | Should -Be 1
    }
}
