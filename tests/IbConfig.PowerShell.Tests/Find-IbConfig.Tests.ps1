BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')

    $script:GuideIni = "[IBGateway]`r`ns.SocketPort=7497`r`ns.ApiEnabled=true`r`ns.TrustedIPs=127.0.0.1`r`n`r`n[Startup]`r`ns.AutoRestartTime=23:55:00`r`n"
    $script:RealIni = "[IBGateway]`nTrustedIPs=127.0.0.1`nApiOnly=true`n`n[Logon]`ntradingMode=p`nUserNameToDirectory=ecuser1,darykqabcdef`n`n[settings]`ndarykqabcdef=1700000000000`n"

    function New-FakeMachine([string] $Name) {
        # A settings root as IB lays it out: jts.ini, a gateway version with its own jts.ini, a TWS version.
        $root = Join-Path TestDrive: $Name
        New-Item -ItemType Directory -Force (Join-Path $root 'ibgateway/1030'), (Join-Path $root '1030'), (Join-Path $root 'ibgateway/1019') | Out-Null
        Set-Content -LiteralPath (Join-Path $root 'jts.ini') -Value $script:RealIni -NoNewline
        Set-Content -LiteralPath (Join-Path $root 'ibgateway/1030/jts.ini') -Value $script:GuideIni -NoNewline
        Set-Content -LiteralPath (Join-Path $root 'ibgateway/1030/ibgateway.exe') -Value ''
        Set-Content -LiteralPath (Join-Path $root 'ibgateway/1019/ibgateway.exe') -Value ''
        Set-Content -LiteralPath (Join-Path $root '1030/tws.exe') -Value ''
        (Resolve-Path $root).ProviderPath
    }
}

Describe 'Find-IbConfig' {
    It 'lists the settings files with their layout and profile folders, then the installed versions' {
        $root = New-FakeMachine 'machine1'

        $found = @(Find-IbConfig -Root $root)

        $files = @($found | Where-Object { $_ -is [IbConfig.Core.Discovery.IbConfigLocation] })
        $files.Path | Should -Be @((Join-Path $root 'jts.ini'), (Join-Path $root 'ibgateway/1030/jts.ini'))
        $files.Layout | Should -Be @('Real', 'Guide')
        $files[0].ProfileFolders | Should -Be @('darykqabcdef')
        $files | ForEach-Object { $_.Exists | Should -BeTrue; $_.Kind | Should -Be 'JtsIni' }

        $installs = @($found | Where-Object { $_ -is [IbConfig.Core.Discovery.IbInstallation] })
        $installs | ForEach-Object { "$($_.Product) $($_.Version)" } | Should -Be @('Gateway 1030', 'Gateway 1019', 'Tws 1030')
        $installs[0].Executable | Should -Be (Join-Path $root 'ibgateway/1030/ibgateway.exe')
    }

    It 'lists missing candidates only with -IncludeMissing' {
        $root = New-FakeMachine 'machine2'
        Remove-Item (Join-Path $root 'jts.ini')

        @(Find-IbConfig -Root $root | Where-Object Kind -eq 'JtsIni').Count | Should -Be 1
        $all = @(Find-IbConfig -Root $root -IncludeMissing | Where-Object Kind -eq 'JtsIni')
        $all.Count | Should -Be 3
        ($all | Where-Object { -not $_.Exists }).Path | Should -Be @((Join-Path $root 'jts.ini'), (Join-Path $root 'ibgateway/1019/jts.ini'))
    }

    It 'accepts PowerShell paths for -Root and several roots in order' {
        $null = New-FakeMachine 'first'
        $null = New-FakeMachine 'second'
        Push-Location TestDrive:
        try {
            $found = @(Find-IbConfig -Root 'first', 'TestDrive:/second' | Where-Object Kind -eq 'JtsIni')
        }
        finally { Pop-Location }
        $found.Count | Should -Be 4
        $found[0].Root | Should -Be (Resolve-Path TestDrive:/first).ProviderPath
        $found[3].Root | Should -Be (Resolve-Path TestDrive:/second).ProviderPath
    }

    It 'searches TWS_SETTINGS_PATH and the home folder by default' {
        $root = New-FakeMachine 'explicit'
        $found = Invoke-WithSettingsRoot $root { @(Find-IbConfig | Where-Object Kind -eq 'JtsIni') }
        $found[0].Path | Should -Be (Join-Path $root 'jts.ini')
    }

    It 'finds nothing, without error, on a machine without IB' {
        $empty = (New-Item -ItemType Directory -Force TestDrive:/noib).FullName
        Find-IbConfig -Root $empty -ErrorVariable problems | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
    }

    It 'shows files and installations in one table' {
        $root = New-FakeMachine 'table'
        $text = Find-IbConfig -Root $root | Out-String -Width 200
        $text | Should -Match 'Kind\s+Exists\s+Layout\s+Version'
        $text | Should -Match 'Gateway\s+True\s+1030'
        $text | Should -Not -Match 'InstallFolder\s*:'
    }

    It 'pipes its settings files into Backup-IbConfig' {
        $root = New-FakeMachine 'piped'
        $backups = @(Find-IbConfig -Root $root | Where-Object Kind -eq 'JtsIni' | Backup-IbConfig)
        $backups.Count | Should -Be 2
        $backups | ForEach-Object { $_.BackupPath | Should -Exist }
    }
}
