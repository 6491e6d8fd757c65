BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.GetIbApiSettingCommand'
}

Describe 'Get-IbApiSetting' {
    Context 'on <Sample> with <LineEnding> line endings, BOM <Bom>' -ForEach $script:SampleVariants {
        BeforeAll {
            $script:Path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
            $script:Hash = Get-Sha256 $script:Path
            $script:Settings = Get-IbApiSetting -Path $script:Path -WarningVariable script:Warnings
        }

        It 'returns one typed settings object for the file' {
            $script:Settings | Should -HaveCount 1
            $script:Settings | Should -BeOfType ([IbConfig.Core.Settings.IbApiSettings])
            $script:Settings.Path | Should -Be $script:Path
            $script:Warnings | Should -BeNullOrEmpty
        }

        It 'reads the values of its layout' {
            switch ($Sample) {
                'guide-layout' {
                    $script:Settings.Layout | Should -Be 'Guide'
                    $script:Settings.SocketPort | Should -Be 7497
                    $script:Settings.Port | Should -Be 7497
                    $script:Settings.ApiEnabled | Should -BeTrue
                    $script:Settings.ReadOnlyApi | Should -BeFalse
                    $script:Settings.MasterClientId | Should -Be 0
                    $script:Settings.TrustedIps | Should -Be @('127.0.0.1')
                    $script:Settings.MarketDataLines | Should -Be 100
                    $script:Settings.AutoRestartTime | Should -Be ([timespan]'23:55:00')
                    $script:Settings.AutoLogoffTime | Should -Be ([timespan]'23:50:00')
                }
                'real-layout' {
                    $script:Settings.Layout | Should -Be 'Real'
                    $script:Settings.SocketPort | Should -BeNullOrEmpty
                    $script:Settings.LocalServerPort | Should -Be 4000
                    $script:Settings.ApiOnly | Should -BeTrue
                    $script:Settings.TradingMode | Should -Be 'Paper'
                    $script:Settings.TrustedIps | Should -Be @('127.0.0.1', '10.0.0.5')
                    $script:Settings.ProfileDirectories | Should -Be @('darykqabcdef')
                }
                'windows-crlf-bom' {
                    $script:Settings.Layout | Should -Be 'Both'
                    $script:Settings.SocketPort | Should -Be 7497
                    $script:Settings.MasterClientId | Should -Be 1
                    $script:Settings.TrustedIps | Should -Be @('127.0.0.1', '192.168.1.100')
                    $script:Settings.ProfileDirectories | Should -Be @('kqlmnopqrstu')
                }
            }
        }

        It 'names the section, key and line of every value' {
            foreach ($value in $script:Settings.Values) {
                $value.Source.Path | Should -Be $script:Path
                $line = (Get-Content -LiteralPath $script:Path)[$value.Source.LineNumber - 1]
                $line | Should -Match ('^\s*' + [regex]::Escape($value.Source.Key) + '\s*=\s*' + [regex]::Escape($value.Text) + '\s*$')
            }
        }

        It 'does not touch the file' {
            Get-Sha256 $script:Path | Should -Be $script:Hash
            Get-BackupFile $script:Path | Should -BeNullOrEmpty
        }
    }

    It 'takes the path from the pipeline (Get-ChildItem output)' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        (Get-Item $path | Get-IbApiSetting).SocketPort | Should -Be 7497
    }

    It 'returns one SettingValue per -Name, wildcards allowed' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        $values = Get-IbApiSetting -Path $path -Name SocketPort, '*Time'
        $values.Name | Should -Be @('SocketPort', 'AutoRestartTime', 'AutoLogoffTime')
        $values[0] | Should -BeOfType ([IbConfig.Core.Settings.SettingValue])
        $values[0].Value | Should -Be 7497
        $values[0].Source.Location | Should -Be '[IBGateway] s.SocketPort'
        $values[0].Source.LineNumber | Should -Be 2
    }

    It 'completes setting names for -Name' {
        $completion = TabExpansion2 -inputScript 'Get-IbApiSetting -Name SocketP' -cursorColumn 'Get-IbApiSetting -Name SocketP'.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('SocketPort', 'SocketPortSecurityLevel')
    }

    It 'refuses a setting name it does not know, listing the valid ones' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        { Get-IbApiSetting -Path $path -Name SocketPrt -ErrorAction Stop } | Should -Throw -ErrorId "SettingNameUnknown,$script:Id"
        $null = Get-IbApiSetting -Path $path -Name SocketPrt -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Match 'SocketPort, ApiEnabled'
    }

    It 'lists every key=value line with -Raw' {
        $path = Get-SampleVariant -Sample 'real-layout' -LineEnding CRLF -Bom $true
        $raw = @(Get-IbApiSetting -Path $path -Raw)
        $raw.Count | Should -Be @(Get-Content -LiteralPath $path | Where-Object { $_ -match '=' }).Count
        $raw[0].Section | Should -Be 'IBGateway'
        $raw[0].Key | Should -Be 'WriteDebug'
        $raw[0].LineNumber | Should -Be 2
        ($raw | Where-Object Key -eq 'UserNameToDirectory').Value | Should -Be 'cGFwZXJib3Q=,darykqabcdef'
        $raw | ForEach-Object { $_.Value | Should -Not -Match "`r" }
    }

    It 'warns when the guide and IB trusted-IP keys disagree, and the IB key counts' {
        $path = New-TestIni "[IBGateway]`r`nTrustedIPs=127.0.0.1,10.0.0.5`r`ns.TrustedIPs=127.0.0.1`r`n"
        $settings = Get-IbApiSetting -Path $path -WarningVariable warnings 3>$null
        $settings.TrustedIps | Should -Be @('127.0.0.1', '10.0.0.5')
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match 's\.TrustedIPs.*disagrees'
        $settings.Warnings.Code | Should -Be 'TrustedIpsDisagree'
        $settings.Values.Where({ $_.Name -eq 'TrustedIps' }).Overridden.Location | Should -Be '[IBGateway] s.TrustedIPs'
    }

    It 'warns about values that do not parse and malformed lines, keeping the rest' {
        $path = New-TestIni "[IBGateway]`nthis is junk`ns.SocketPort=70000`ns.ApiEnabled=true`n"
        $settings = Get-IbApiSetting -Path $path -WarningVariable warnings 3>$null
        $settings.ApiEnabled | Should -BeTrue
        $settings.SocketPort | Should -BeNullOrEmpty
        ($warnings | Out-String) | Should -Match 'line 3.*1 to 65535'
        ($warnings | Out-String) | Should -Match 'Line 2 is not a setting'
    }

    It 'reports a missing file or folder with its own error id' {
        { Get-IbApiSetting -Path (Join-Path TestDrive: 'missing.ini') -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileNotFound,$script:Id"
        { Get-IbApiSetting -Path (Join-Path TestDrive: 'nowhere/jts.ini') -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFolderNotFound,$script:Id"
    }

    It 'reads a file that is not valid UTF-8 without failing' {
        $path = New-TestIni ''
        [System.IO.File]::WriteAllBytes($path, [byte[]](0x5B, 0x49, 0x42, 0x47, 0x61, 0x74, 0x65, 0x77, 0x61, 0x79, 0x5D, 0x0A) + [System.Text.Encoding]::ASCII.GetBytes("s.SocketPort=4002`nname=caf") + [byte[]](0xE9, 0x0A))
        (Get-IbApiSetting -Path $path -WarningAction SilentlyContinue).SocketPort | Should -Be 4002
    }
}
