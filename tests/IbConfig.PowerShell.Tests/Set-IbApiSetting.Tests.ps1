BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.SetIbApiSettingCommand'
    # No gateway runs unless a test says so: the guard must not depend on this machine.
    Set-FakeGatewayProcess
}

AfterAll { Reset-GatewayProcess }

Describe 'Set-IbApiSetting' {
    Context 'on <Sample> with <LineEnding> line endings, BOM <Bom>' -ForEach ($script:SampleVariants | Where-Object Sample -ne 'real-layout') {
        BeforeAll {
            $script:Path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
            $script:Before = Get-LineBytes $script:Path
            $script:Result = Set-IbApiSetting -Path $script:Path -SocketPort 4002 -MasterClientId 7 -PassThru
            $script:After = Get-LineBytes $script:Path
        }

        It 'changes the values' {
            $script:Result.SocketPort | Should -Be 4002
            $script:Result.MasterClientId | Should -Be 7
            $fresh = Get-IbApiSetting -Path $script:Path
            $fresh.SocketPort | Should -Be 4002
            $fresh.MasterClientId | Should -Be 7
        }

        It 'changes the bytes of those two lines only, keeping their line endings and the BOM' {
            $port = (Get-IbApiSetting -Path $script:Path -Name SocketPort).Source.LineNumber
            $client = (Get-IbApiSetting -Path $script:Path -Name MasterClientId).Source.LineNumber
            Get-ChangedLineNumbers $script:Before $script:After | Should -Be @($port, $client)
            $script:After[$port - 1] | Should -Match $(if ($LineEnding -eq 'CRLF') { '0D-0A$' } else { '[^D]-0A$' })
            $script:After[0].StartsWith('EF-BB-BF') | Should -Be $Bom
        }

        It 'keeps a timestamped backup of the previous content' {
            $backup = Get-BackupFile $script:Path
            $backup | Should -HaveCount 1
            [System.BitConverter]::ToString([System.IO.File]::ReadAllBytes($backup[0].FullName)) | Should -Be ($script:Before -join '-')
        }
    }

    It 'adds a setting the file lacks at the end of its section, in the file''s line endings' {
        $path = Get-SampleVariant -Sample 'windows-crlf-bom'
        $before = Get-LineBytes $path
        Set-IbApiSetting -Path $path -DownloadOpenOrders $true
        $after = Get-LineBytes $path
        $after.Count | Should -Be ($before.Count + 1)
        $line = (Get-IbApiSetting -Path $path -Name DownloadOpenOrders).Source.LineNumber
        $line | Should -Be 12
        [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($path)) | Should -Match "s\.SocketPortSecurityLevel=0`r`ns\.DownloadOpenOrders=true`r`n`r`n\[Startup\]"
        @($after[0..10]) + @($after[12..($after.Count - 1)]) | Should -Be $before
    }

    It 'adds the guide key to an IB-layout file with a warning that IB reads the port elsewhere' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Set-IbApiSetting -Path $path -SocketPort 4002 -WarningVariable warnings 3>$null
        "$warnings" | Should -Match 'profile XML'
        (Get-IbApiSetting -Path $path).SocketPort | Should -Be 4002
    }

    It 'shows the exact key changes under -WhatIf and writes nothing' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        $hash = Get-Sha256 $path
        $verbose = Set-IbApiSetting -Path $path -SocketPort 4002 -AutoLogoffTime 23:40 -WhatIf -Verbose 4>&1 | Out-String
        $verbose | Should -Match ([regex]::Escape('[IBGateway] s.SocketPort: 7497 -> 4002 (line 2)'))
        $verbose | Should -Match ([regex]::Escape('[Startup] s.AutoLogoffTime: 23:50:00 -> 23:40:00 (line 17)'))
        Get-Sha256 $path | Should -Be $hash
        Get-BackupFile $path | Should -BeNullOrEmpty
    }

    It 'round-trips through the pipeline without changing anything' {
        $path = Get-SampleVariant -Sample 'windows-crlf-bom'
        $hash = Get-Sha256 $path
        Get-IbApiSetting -Path $path | Set-IbApiSetting -WarningAction SilentlyContinue
        Get-Sha256 $path | Should -Be $hash
        Get-BackupFile $path | Should -BeNullOrEmpty
    }

    It 'copies settings from one file to another through the pipeline' {
        $source = Get-SampleVariant -Sample 'guide-layout'
        $target = Get-SampleVariant -Sample 'windows-crlf-bom'
        Set-IbApiSetting -Path $source -SocketPort 4002 -ReadOnlyApi $true
        Get-IbApiSetting -Path $source | Set-IbApiSetting -Path $target
        $copied = Get-IbApiSetting -Path $target
        $copied.SocketPort | Should -Be 4002
        $copied.ReadOnlyApi | Should -BeTrue
        $copied.MarketDataLines | Should -Be 100
    }

    Context 'the live-port guard' {
        It 'refuses <_> without -AllowLivePort' -ForEach 7496, 4001 {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            { Set-IbApiSetting -Path $path -SocketPort $_ -ErrorAction Stop } | Should -Throw -ErrorId "LivePortRefused,$script:Id"
            Get-Sha256 $path | Should -Be $hash
        }

        It 'writes a live port with -AllowLivePort once confirmed' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            Set-IbApiSetting -Path $path -SocketPort 7496 -AllowLivePort -Confirm:$false
            (Get-IbApiSetting -Path $path).SocketPort | Should -Be 7496
        }

        # build.ps1 runs Pester in a -NonInteractive pwsh, where the confirmation prompt itself fails: proof that it was asked.
        It 'asks for confirmation of a live port like a High-impact change' -Skip:(-not ([Environment]::GetCommandLineArgs() -match '^-NonI')) {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            { Set-IbApiSetting -Path $path -SocketPort 7496 -AllowLivePort -ErrorAction Stop } | Should -Throw -ExpectedMessage '*NonInteractive*'
            Get-Sha256 $path | Should -Be $hash
        }

        It 'does not ask when $ConfirmPreference is None' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $ConfirmPreference = 'None'
            Set-IbApiSetting -Path $path -SocketPort 4001 -AllowLivePort
            (Get-IbApiSetting -Path $path).SocketPort | Should -Be 4001
        }
    }

    Context 'the running-gateway guard' {
        AfterEach { Set-FakeGatewayProcess }

        It 'refuses while IB Gateway runs, writing nothing' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            Set-FakeGatewayProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway'))
            { Set-IbApiSetting -Path $path -SocketPort 4002 -ErrorAction Stop } | Should -Throw -ErrorId "GatewayRunning,$script:Id"
            Get-Sha256 $path | Should -Be $hash
            Get-BackupFile $path | Should -BeNullOrEmpty
        }

        It 'writes with -Force and warns that IB may undo it' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            Set-FakeGatewayProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway'))
            Set-IbApiSetting -Path $path -SocketPort 4002 -Force -WarningVariable warnings 3>$null
            "$warnings" | Should -Match 'undo'
            (Get-IbApiSetting -Path $path).SocketPort | Should -Be 4002
        }
    }

    Context 'bad input' {
        It 'refuses <Name> <Value> with <ErrorId>' -ForEach @(
            @{ Name = 'SocketPort'; Value = 0; ErrorId = 'SettingValueInvalid'; Message = '1 to 65535' }
            @{ Name = 'SocketPort'; Value = 70000; ErrorId = 'SettingValueInvalid'; Message = '1 to 65535' }
            @{ Name = 'MasterClientId'; Value = 10000; ErrorId = 'SettingValueInvalid'; Message = '9999' }
            @{ Name = 'AutoRestartTime'; Value = '25:00'; ErrorId = 'SettingValueInvalid'; Message = 'HH:mm' }
            @{ Name = 'AutoLogoffTime'; Value = '11:50 XM'; ErrorId = 'SettingValueInvalid'; Message = 'HH:mm' }
            @{ Name = 'AutoLogoffTime'; Value = '23:58'; ErrorId = 'AutoLogoffNotBeforeRestart'; Message = 'before auto-restart' }
            @{ Name = 'MarketDataLines'; Value = -5; ErrorId = 'SettingValueInvalid'; Message = 'whole number' }
        ) {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            $parameters = @{ Path = $path; $Name = $Value }
            { Set-IbApiSetting @parameters -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,$script:Id"
            $null = Set-IbApiSetting @parameters -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].Exception.Message | Should -Match $Message
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            Get-Sha256 $path | Should -Be $hash
        }

        It 'reports every bad value at once and writes none of the good ones' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            $null = Set-IbApiSetting -Path $path -SocketPort 0 -MasterClientId 10000 -ReadOnlyApi $true -ErrorAction SilentlyContinue -ErrorVariable err
            $err | Should -HaveCount 2
            Get-Sha256 $path | Should -Be $hash
        }

        It 'reports a missing file as ConfigFileNotFound' {
            { Set-IbApiSetting -Path (Join-Path TestDrive: 'missing.ini') -SocketPort 4002 -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileNotFound,$script:Id"
        }

        It 'refuses a read-only file, writing nothing' {
            $path = Get-SampleVariant -Sample 'guide-layout'
            $hash = Get-Sha256 $path
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
            try {
                { Set-IbApiSetting -Path $path -SocketPort 4002 -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileReadOnly,$script:Id"
                Get-Sha256 $path | Should -Be $hash
                Get-BackupFile $path | Should -BeNullOrEmpty
            }
            finally { Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false }
        }
    }
}
