# What IbConfig promises about writes (README "What IbConfig promises about writes"), seen through the cmdlets: each
# failure of issue 11 leaves the settings as they were, with one error whose id a script can test.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    $script:SetId = 'IbConfig.PowerShell.Commands.SetIbApiSettingCommand'
    $script:RestoreId = 'IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
    $script:GetId = 'IbConfig.PowerShell.Commands.GetIbApiSettingCommand'
    $script:OnLinux = $IsLinux

    function New-Folder([string] $Name) { (New-Item -ItemType Directory -Force (Join-Path TestDrive: $Name)).FullName }

    function Invoke-Native([string] $Program, [string[]] $Arguments) {
        # mount, chattr, mkfifo: these tests need root on Linux (CI runs as root) and fail loudly without it.
        & $Program @Arguments
        if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed ($LASTEXITCODE): these tests need root on Linux." }
    }
}

AfterAll {
    Restore-RealGatewayProcess
}

Describe 'Writes that cannot be made whole are not made' {
    BeforeEach { Set-FakeGatewayProcess @() }

    It 'stops at a full disk with one ConfigBackupWriteFailed error and leaves no empty backup' -Skip:(-not $IsLinux) {
        $disk = New-Folder 'disk'
        Invoke-Native mount @('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', $disk)
        try {
            $path = Join-Path $disk 'jts.ini'
            [System.IO.File]::WriteAllText($path, "[IBGateway]`ns.SocketPort=7497`n" + ('#' * 20000) + "`n")
            $before = [System.IO.File]::ReadAllBytes($path)
            $filler = [System.IO.FileStream]::new((Join-Path $disk 'filler'), 'Create', 'Write', 'None', 1)  # unbuffered: fails in Write, not Dispose
            try { foreach ($size in 4096, 1) { $block = [byte[]]::new($size); try { while ($true) { $filler.Write($block, 0, $size) } } catch [System.IO.IOException] { } } }
            finally { $filler.Dispose() }

            $errors = @()
            Set-IbApiSetting -Path $path -SocketPort 4002 -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "ConfigBackupWriteFailed,$script:SetId"
            [System.IO.File]::ReadAllBytes($path) | Should -Be $before
            @(Get-ChildItem $disk -Force | ForEach-Object Name | Sort-Object) | Should -Be @('filler', 'jts.ini')
        }
        finally {
            Invoke-Native umount @('-l', $disk)
        }
    }

    It 'refuses to restore an empty backup unless -Force' {
        $path = New-JtsIni 'restore-empty'
        $empty = Join-Path (Split-Path $path) 'jts.ini.20261126-031500.bak'
        [System.IO.File]::WriteAllBytes($empty, [byte[]]@())

        { Restore-IbConfig -Path $path -Latest -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "ConfigBackupEmpty,$script:RestoreId"
        [System.IO.File]::ReadAllBytes($path) | Should -Be $script:JtsIniCrLfBom

        Restore-IbConfig -Path $path -BackupPath $empty -Force -Confirm:$false
        (Get-Item $path).Length | Should -Be 0
    }

    It 'refuses to restore a backup that does not parse unless -Force' {
        $path = New-JtsIni 'restore-binary'
        $binary = Join-Path (Split-Path $path) 'jts.ini.20261126-031500.bak'
        [System.IO.File]::WriteAllBytes($binary, [byte[]](0, 1, 2, 3, 0, 0, 255))

        { Restore-IbConfig -Path $path -BackupPath $binary -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "ConfigBackupUnparseable,$script:RestoreId"
        [System.IO.File]::ReadAllBytes($path) | Should -Be $script:JtsIniCrLfBom
    }
}

Describe 'Content IbConfig cannot read is not written into' {
    BeforeEach { Set-FakeGatewayProcess @() }

    It 'refuses a change into a section with NUL-damaged lines unless -Force' {
        $content = [System.Text.Encoding]::UTF8.GetBytes("[IBGateway]`ns.SocketPort=7497`0`0`0`nApiOnly=true`n")
        $path = New-JtsIni 'nul' $content

        { Set-IbApiSetting -Path $path -SocketPort 4002 -ErrorAction Stop } | Should -Throw -ErrorId "ConfigSectionUnreadable,$script:SetId"
        [System.IO.File]::ReadAllBytes($path) | Should -Be $content
        @(Get-IbConfigBackup -Path $path).Count | Should -Be 0

        Set-IbApiSetting -Path $path -SocketPort 4002 -Force
        [System.IO.File]::ReadAllText($path) | Should -Match 's\.SocketPort=4002'
    }

    It 'reads a UTF-16 LE jts.ini (Notepad''s "Unicode") and writes it back as UTF-16 LE' {
        $text = "[IBGateway]`r`ns.SocketPort=7497`r`nApiOnly=true`r`n"
        $path = New-JtsIni 'utf16' ([System.Text.Encoding]::Unicode.GetPreamble() + [System.Text.Encoding]::Unicode.GetBytes($text))

        (Get-IbApiSetting -Path $path -Source JtsIni).SocketPort | Should -Be 7497
        Set-IbApiSetting -Path $path -SocketPort 4002

        $bytes = [System.IO.File]::ReadAllBytes($path)
        $bytes[0..1] | Should -Be @(0xFF, 0xFE)
        [System.Text.Encoding]::Unicode.GetString($bytes, 2, $bytes.Length - 2) | Should -Be $text.Replace('7497', '4002')
    }

    It 'refuses a FIFO named as jts.ini at once instead of hanging' -Skip:(-not $IsLinux) {
        $fifo = Join-Path (New-Folder 'fifo') 'jts.ini'
        Invoke-Native mkfifo @($fifo)
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $script:ModuleManifestPath).AddStatement().
                AddScript('param($p) try { Get-IbApiSetting -Path $p -ErrorAction Stop; "read" } catch { $_.FullyQualifiedErrorId }').AddArgument($fifo)
            $run = $shell.BeginInvoke()
            $finished = $run.AsyncWaitHandle.WaitOne(30000)
            if (-not $finished) { $release = [System.IO.File]::Open($fifo, 'Open', 'Write', 'ReadWrite'); $release.Dispose() } # unblock, then fail
            $finished | Should -BeTrue -Because 'reading a FIFO must not block'
            @($shell.EndInvoke($run)) | Should -Be @("ConfigFileNotRegular,$script:GetId")
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Links, backups and concurrent writers' {
    BeforeEach { Set-FakeGatewayProcess @() }

    It 'writes through a symlinked jts.ini: the link stays and its target changes' -Skip:$IsWindows {
        $target = New-JtsIni 'link-target'
        $link = Join-Path (New-Folder 'link') 'jts.ini'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $target

        Set-IbApiSetting -Path $link -SocketPort 4002

        (Get-Item $link).LinkType | Should -Be 'SymbolicLink'
        [System.IO.File]::ReadAllText($target) | Should -Match 's\.SocketPort=4002'
    }

    It 'keeps only the newest -KeepBackups backups, and never a backup it did not make' {
        $path = New-JtsIni 'prune'
        $mine = Join-Path (Split-Path $path) 'jts.ini.before-upgrade.bak'
        Set-Content -LiteralPath $mine -Value 'my own copy'
        foreach ($client in 1..5) { Set-IbApiSetting -Path $path -MasterClientId $client -KeepBackups 2 }

        @(Get-IbConfigBackup -Path $path).Count | Should -Be 2
        Test-Path -LiteralPath $mine | Should -BeTrue
        Backup-IbConfig -Path $path -KeepBackups 1 | Out-Null
        @(Get-IbConfigBackup -Path $path).Count | Should -Be 1
    }

    It 'gives a backup of IBC''s config.ini the file''s mode and no credential' -Skip:$IsWindows {
        $path = Join-Path (New-Folder 'ibc') 'config.ini'
        [System.IO.File]::WriteAllText($path, "IbLoginId=trader1`nIbPassword=hunter2`nIbPasword=hunter3`nIbPassword hunter4`nTradingMode=paper`n")
        [System.IO.File]::SetUnixFileMode($path, [System.IO.UnixFileMode]'UserRead, UserWrite')

        $backup = Backup-IbConfig -Path $path

        [System.IO.File]::GetUnixFileMode($backup.BackupPath) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        $copy = [System.IO.File]::ReadAllText($backup.BackupPath)
        $copy | Should -Not -Match 'hunter|trader1'
        $copy | Should -Match 'TradingMode=paper'
    }

    It 'plans again, and says so with -Verbose, when another writer changed the file between planning and writing' {
        $path = New-JtsIni 'replan' ([System.Text.Encoding]::UTF8.GetBytes("[IBGateway]`nWriteDebug=false`ns.MasterClientId=0`n"))
        # The -Force write asks for running gateways after planning and before taking the lock: this process list lets
        # "another writer" change the file at exactly that moment, the first time it is asked, deterministically.
        . ([scriptblock]::Create(@'
class OtherWriterOnScan : IbConfig.Core.Processes.IProcessSource {
    [string] $Path; [string] $From; [string] $To; [int] $Scans
    OtherWriterOnScan([string] $path, [string] $from, [string] $to) { $this.Path = $path; $this.From = $from; $this.To = $to }
    [System.Collections.Generic.IReadOnlyList[IbConfig.Core.Processes.ProcessSnapshot]] GetProcesses([System.Func[string, bool]] $includeName) {
        if ($this.Scans++ -eq 0) { [System.IO.File]::WriteAllText($this.Path, [System.IO.File]::ReadAllText($this.Path).Replace($this.From, $this.To)) }
        return [IbConfig.Core.Processes.ProcessSnapshot[]]@()
    }
}
'@))
        Set-TestMachine ((Get-TestMachine).WithProcesses([OtherWriterOnScan]::new($path, 'WriteDebug=false', 'WriteDebug=true')))

        $output = Set-IbApiSetting -Path $path -MasterClientId 5 -Force -Verbose 4>&1
        $result = @($output | Where-Object { $_ -is [IbConfig.Core.Stores.IbStoreWriteResult] })
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $result.Status | Should -Be 'Changed'
        $verbose | Should -Contain ($verbose | Where-Object { $_ -match 'changed after it was read .*planned again on its new content' })
        [System.IO.File]::ReadAllText($path) | Should -Be "[IBGateway]`nWriteDebug=true`ns.MasterClientId=5`n"

        # The same moment, but the other writer sets the very key being set: one clear error, and its value stays.
        Set-TestMachine ((Get-TestMachine).WithProcesses([OtherWriterOnScan]::new($path, 'MasterClientId=5', 'MasterClientId=9')))
        $errors = @()
        $result = Set-IbApiSetting -Path $path -MasterClientId 6 -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "ConfigFileChangedSinceRead,$script:SetId"
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $errors[0].Exception.Message | Should -Match '\[IBGateway\] s\.MasterClientId'
        [System.IO.File]::ReadAllText($path) | Should -Be "[IBGateway]`nWriteDebug=true`ns.MasterClientId=9`n"
    }

    It 'lets two processes writing different keys at once both succeed, each edit in the file, by planning again under the lock' {
        $path = New-JtsIni 'race' ([System.Text.Encoding]::UTF8.GetBytes("[IBGateway]`nMasterClientId=0`nSocketPortSecurityLevel=0`n"))
        # Each writer sets its own key to 1..12. The other writer's change never conflicts, so every call must report Changed
        # (planned again on the new content when needed), and no other error is allowed. A lock held past its 5 s wait
        # (a writer descheduled on a loaded machine) is waited out again, at most 20 times per value: that is the caller's
        # longer bounded wait, not a weaker check.
        $loop = {
            param($Module, $Path, $Setting)
            Import-Module $Module
            $changed = 0; $lockWaits = 0; $other = @()
            foreach ($value in 1..12) {
                foreach ($attempt in 1..20) {
                    $errors = @()
                    $splat = @{ Path = $Path; $Setting = $value; Force = $true; KeepBackups = 3; ErrorVariable = 'errors'; ErrorAction = 'SilentlyContinue' }
                    $result = Set-IbApiSetting @splat
                    if ($result.Status -eq 'Changed') { $changed++ }
                    $held = @($errors | Where-Object FullyQualifiedErrorId -like 'ConfigFileLockHeld,*')
                    $other += @($errors | Where-Object FullyQualifiedErrorId -notlike 'ConfigFileLockHeld,*' | ForEach-Object FullyQualifiedErrorId)
                    if ($held.Count -eq 0) { break }
                    $lockWaits++
                }
            }
            "CHANGED=$changed LOCKWAITS=$lockWaits OTHER=$($other -join ';')"
        }
        $command = "& { $loop } -Module '$script:ModuleManifestPath' -Path '$path' -Setting "
        $pwsh = Get-PwshCommandLine
        $children = foreach ($setting in 'MasterClientId', 'SocketPortSecurityLevel') {
            $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $command + $setting)) { $psi.ArgumentList.Add($a) }
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($psi)
            [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
        }
        foreach ($child in $children) {
            if (-not $child.Process.WaitForExit(300000)) { $child.Process.Kill(); throw 'a writer did not finish within 300 s' }
        }

        $outputs = @($children | ForEach-Object { $_.Output.Result })
        $outputs[0] | Should -Match 'CHANGED=12 LOCKWAITS=\d+ OTHER=\r?$'
        $outputs[1] | Should -Match 'CHANGED=12 LOCKWAITS=\d+ OTHER=\r?$'
        $settings = Get-IbApiSetting -Path $path -Source JtsIni
        $settings.MasterClientId | Should -Be 12
        $settings.SocketPortSecurityLevel | Should -Be 12
        Test-Path -LiteralPath "$path.lock" | Should -BeFalse
    }
}
