# The three stores (jts.ini, the profile XML, IBC's config.ini) through Get-IbApiSetting -Source/-Conflicts,
# Set-IbApiSetting -Target, the trusted-IP cmdlets' -Target and Find-IbConfig.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'StoreTestHelpers.ps1')
    $script:GetId = 'IbConfig.PowerShell.Commands.GetIbApiSettingCommand'
    $script:SetId = 'IbConfig.PowerShell.Commands.SetIbApiSettingCommand'
    Set-FakeGatewayProcess
}

AfterAll { Reset-GatewayProcess }

Describe 'Get-IbApiSetting over every store' {
    BeforeAll {
        $script:F = New-StoreFixture
        $script:Effective = Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -WarningAction SilentlyContinue
    }

    It 'finds the profile jts.ini names and reports the files it read' {
        $Effective.View | Should -Be 'Effective'
        $Effective.Path | Should -Be $F.JtsIni
        $Effective.ProfilePath | Should -Be $F.GatewayXml
        $Effective.IbcConfigPath | Should -Be $F.Ibc
    }

    It 'takes IBC over the profile over jts.ini, naming the source of every value' {
        $Effective.SocketPort | Should -Be 4002
        $port = $Effective.Get('SocketPort')
        $port.Source.Store | Should -Be 'Ibc'
        $port.Source.Key | Should -Be 'OverrideTwsApiPort'
        $port.Source.LineNumber | Should -Be 32
        @($port.Overridden | ForEach-Object { "$($_.Store)=$($_.Value)" }) | Should -Be @('ProfileXml=4002', 'JtsIni=7497')
        @($port.Overridden.Path) | Should -Be @($F.GatewayXml, $F.JtsIni)
        @($port.Overridden.Location) | Should -Be @('ApiSettings/@port', '[IBGateway] s.SocketPort')
        foreach ($value in $Effective.Values) { $value.Source.Path | Should -Not -BeNullOrEmpty }
    }

    It 'leaves a setting to the profile where IBC''s key is blank' {
        $Effective.MasterClientId | Should -Be -1
        $Effective.Get('MasterClientId').Source.Location | Should -Be 'ApiSettings/@masterClientID'
        $Effective.AllowOnlyLocalhost | Should -BeTrue
    }

    It 'drops the profile''s auto-logoff once IBC sets the restart time (IB keeps one Lock-and-Exit time)' {
        $Effective.AutoLogoffTime | Should -BeNullOrEmpty
        $Effective.AutoRestartTime | Should -Be ([timespan]'23:55:00')
        ($Effective.Warnings | Where-Object Code -eq 'IbcClearsLockAndExitTime').Setting | Should -Be 'AutoLogoffTime'
    }

    It 'shows IBC''s own settings too' {
        $Effective.Get('AcceptIncomingConnectionAction').Text | Should -Be 'reject'
        $Effective.Get('CommandServerPort').Value | Should -Be 7462
    }

    It 'shows one store''s own values with -Source' {
        (Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -Source JtsIni -WarningAction SilentlyContinue).SocketPort | Should -Be 7497
        $profile = Get-IbApiSetting -Path $F.JtsIni -Source ProfileXml -WarningAction SilentlyContinue
        $profile.View | Should -Be 'ProfileXml'
        $profile.TrustedIps | Should -Be @('127.0.0.1', '10.0.0.5')
        $ibc = Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -Source Ibc -WarningAction SilentlyContinue
        $ibc.View | Should -Be 'Ibc'
        $ibc.Get('MasterClientId').Text | Should -BeExactly ''
        $ibc.MasterClientId | Should -BeNullOrEmpty
    }

    It 'lists the disagreements with -Conflicts' {
        $conflicts = Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -Conflicts -WarningAction SilentlyContinue
        @($conflicts.Setting | Sort-Object) | Should -Be @('AutoLogoffTime', 'BypassOrderPrecautions', 'MasterClientId', 'SocketPort', 'TrustedIps')
        $port = $conflicts | Where-Object Setting -eq SocketPort
        $port.EffectiveValue | Should -Be '4002'
        $port.EffectiveStore | Should -Be 'Ibc'
        "$($port.Values[2])" | Should -Match '^JtsIni=7497 .*jts\.ini:10 \[IBGateway\] s\.SocketPort\)$'
        @($port.Values.Store) | Should -Be @('Ibc', 'ProfileXml', 'JtsIni')
        $port.Values[2].LineNumber | Should -Be 10
        $port.Reason | Should -Match 'IBC re-applies'
    }

    It 'warns about each disagreement on read' {
        $null = Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -match '^SocketPort: config\.ini OverrideTwsApiPort says 4002, ibg\.xml ApiSettings/@port says 4002, jts\.ini \[IBGateway\] s\.SocketPort says 7497' }) | Should -HaveCount 1
    }

    It 'returns the values of named settings with -Name' {
        $value = Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath $F.Ibc -Name SocketPort -WarningAction SilentlyContinue
        $value.Source.Store | Should -Be 'Ibc'
    }

    It 'uses the profile named by -Profile' {
        $tws = Get-IbApiSetting -Path $F.JtsIni -Profile (Split-Path $F.TwsXml) -WarningAction SilentlyContinue
        $tws.ProfilePath | Should -Be $F.TwsXml
        $tws.SocketPort | Should -Be 7497
        $tws.ReadOnlyApi | Should -BeTrue
    }

    It 'takes a profile file piped from Find-IbConfig' {
        $location = Find-IbConfig -Root $F.Jts -WarningAction SilentlyContinue | Where-Object { $_.Kind -eq 'ProfileXml' -and $_.Product -eq 'Tws' }
        ($location | Get-IbApiSetting -WarningAction SilentlyContinue).ProfilePath | Should -Be $F.TwsXml
    }

    It 'reports an encrypted profile plainly and reads the other stores' {
        $settings = Get-IbApiSetting -Path $F.JtsIni -Profile $F.EncryptedXml -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -match "encrypted by this IB build; change them in the GUI or through IBC's config.ini" }) | Should -HaveCount 1
        $settings.SocketPort | Should -Be 7497
        $settings.Get('SocketPort').Source.Store | Should -Be 'JtsIni'
    }

    It 'names a missing profile or IBC file with its own error id' {
        { Get-IbApiSetting -Path $F.JtsIni -Profile (Join-Path $F.Root 'nope') -ErrorAction Stop } | Should -Throw -ErrorId "ProfileNotFound,$script:GetId"
        { Get-IbApiSetting -Path $F.JtsIni -IbcConfigPath (Join-Path $F.Root 'nope.ini') -ErrorAction Stop } | Should -Throw -ErrorId "IbcConfigNotFound,$script:GetId"
    }

    It 'finds IBC''s config.ini through $env:IBC_INI' {
        $saved = $env:IBC_INI
        try {
            $env:IBC_INI = $F.Ibc
            (Get-IbApiSetting -Path $F.JtsIni -WarningAction SilentlyContinue).IbcConfigPath | Should -Be $F.Ibc
        }
        finally { $env:IBC_INI = $saved }
    }
}

Describe 'Set-IbApiSetting -Target' {
    It 'changes by default every store that decides the setting, only the value bytes of each' {
        $f = New-StoreFixture
        $jts = Get-Text $f.JtsIni; $xml = Get-Text $f.GatewayXml; $ibc = Get-Text $f.Ibc
        $results = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -SocketPort 4012 -WarningAction SilentlyContinue
        @($results | ForEach-Object { "$($_.Store):$($_.Status)" }) | Should -Be @('JtsIni:Changed', 'ProfileXml:Changed', 'Ibc:Changed')
        ($results | Where-Object Store -eq ProfileXml).Changes | Should -Be @('ApiSettings/@port: 4002 -> 4012 (line 5)')
        ($results | Where-Object Store -eq Ibc).Changes | Should -Be @('OverrideTwsApiPort: 4002 -> 4012 (line 32)')
        Get-Text $f.JtsIni | Should -BeExactly $jts.Replace('s.SocketPort=7497', 's.SocketPort=4012')
        Get-Text $f.GatewayXml | Should -BeExactly $xml.Replace('port="4002"', 'port="4012"')
        Get-Text $f.Ibc | Should -BeExactly $ibc.Replace('OverrideTwsApiPort=4002', 'OverrideTwsApiPort=4012')
        foreach ($result in $results) { $result.BackupPath | Should -Exist }
        (Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Conflicts -WarningAction SilentlyContinue).Setting | Should -Not -Contain 'SocketPort'
    }

    It 'leaves IBC alone where its key is blank' {
        $f = New-StoreFixture
        $ibc = Get-FileHash $f.Ibc
        $results = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -MasterClientId 7 -WarningAction SilentlyContinue
        @($results.Store) | Should -Be @('JtsIni', 'ProfileXml')
        (Get-FileHash $f.Ibc).Hash | Should -Be $ibc.Hash
        (Get-IbApiSetting -Path $f.JtsIni -Source ProfileXml).MasterClientId | Should -Be 7
    }

    It 'writes every store that can hold the setting with -Target All' {
        $f = New-StoreFixture
        Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -MasterClientId 7 -Target All -WarningAction SilentlyContinue | Should -HaveCount 3
        (Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Source Ibc).MasterClientId | Should -Be 7
    }

    It 'writes only <Target> when asked, in that store''s own form' -ForEach @(
        @{ Target = 'JtsIni'; File = 'JtsIni'; Find = 's.ReadOnlyApi=false'; Replace = 's.ReadOnlyApi=true' }
        @{ Target = 'ProfileXml'; File = 'GatewayXml'; Find = 'readOnlyApi="false"'; Replace = 'readOnlyApi="true"' }
        @{ Target = 'Ibc'; File = 'Ibc'; Find = 'ReadOnlyApi=no'; Replace = 'ReadOnlyApi=yes' }
    ) {
        $f = New-StoreFixture
        $before = Get-FileHashes $f.Root
        $text = Get-Text $f.$File
        $result = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -ReadOnlyApi $true -Target $Target -WarningAction SilentlyContinue
        $result.Store | Should -Be $Target
        Get-Text $f.$File | Should -BeExactly $text.Replace($Find, $Replace)
        $after = Get-FileHashes $f.Root
        @($after.Keys | Where-Object { $before[$_] -and $before[$_] -ne $after[$_] }) | Should -Be @($f.$File)
        @($after.Keys | Where-Object { -not $before[$_] }) | Should -Be @($result.BackupPath)
    }

    It 'writes IBC''s times in its own 12-hour form' {
        $f = New-StoreFixture
        Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc -AutoRestartTime 23:45 -AutoLogoffTime 23:40 -WarningAction SilentlyContinue | Out-Null
        Get-Text $f.Ibc | Should -Match "`nAutoLogoffTime=11:40 PM`nAutoRestartTime=11:45 PM`n"
    }

    It 'returns the effective settings instead with -PassThru' {
        $f = New-StoreFixture
        $settings = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -SocketPort 4012 -PassThru -WarningAction SilentlyContinue
        $settings | Should -BeOfType IbConfig.Core.Settings.IbApiSettings
        $settings.SocketPort | Should -Be 4012
    }

    It 'writes nothing with -WhatIf' {
        $f = New-StoreFixture
        $before = Get-FileHashes $f.Root
        Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -SocketPort 4012 -WhatIf -WarningAction SilentlyContinue | Out-Null
        $after = Get-FileHashes $f.Root
        $after.Count | Should -Be $before.Count
        foreach ($key in $before.Keys) { $after[$key] | Should -Be $before[$key] }
    }

    It 'refuses a live port once for every store, writing nothing' {
        $f = New-StoreFixture
        $before = Get-FileHashes $f.Root
        $null = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -SocketPort 4001 -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($errors | ForEach-Object FullyQualifiedErrorId) | Should -Be @("LivePortRefused,$script:SetId")
        (Get-FileHashes $f.Root).Count | Should -Be $before.Count
        (Get-FileHash $f.Ibc).Hash | Should -Be $before[(Get-Item $f.Ibc).FullName]
    }

    It 'refuses while IB Gateway runs, in every store' {
        $f = New-StoreFixture
        $before = Get-FileHashes $f.Root
        try {
            Set-FakeGatewayProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway'))
            $null = Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -SocketPort 4012 -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally { Set-FakeGatewayProcess }
        @($errors | ForEach-Object FullyQualifiedErrorId | Select-Object -Unique) | Should -Be @("GatewayRunning,$script:SetId")
        $after = Get-FileHashes $f.Root
        $after.Count | Should -Be $before.Count
        foreach ($key in $before.Keys) { $after[$key] | Should -Be $before[$key] }
    }

    It 'never writes an encrypted profile' {
        $f = New-StoreFixture
        $hash = (Get-FileHash $f.EncryptedXml).Hash
        { Set-IbApiSetting -Path $f.JtsIni -Profile $f.EncryptedXml -Target ProfileXml -SocketPort 4012 -ErrorAction Stop } | Should -Throw -ErrorId "ProfileXmlEncrypted,$script:SetId"
        $results = Set-IbApiSetting -Path $f.JtsIni -Profile $f.EncryptedXml -SocketPort 4012 -WarningVariable warnings -WarningAction SilentlyContinue
        @($results.Store) | Should -Be @('JtsIni')
        "$warnings" | Should -Match 'encrypted by this IB build'
        (Get-FileHash $f.EncryptedXml).Hash | Should -Be $hash
        @(Get-ChildItem (Split-Path $f.EncryptedXml)) | Should -HaveCount 1
    }

    It 'says when a named target does not exist' {
        $f = New-StoreFixture
        { Set-IbApiSetting -Path $f.JtsIni -Target Ibc -SocketPort 4012 -ErrorAction Stop } | Should -Throw -ErrorId "StoreNotFound,$script:SetId"
    }
}

Describe 'The trusted-IP cmdlets with -Target' {
    It 'adds an address to every store with -Target All, each in its own form' {
        $f = New-StoreFixture
        $xml = Get-Text $f.GatewayXml
        $results = Add-IbTrustedIp 192.168.1.50 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target All -WarningAction SilentlyContinue
        @($results | ForEach-Object { "$($_.Store):$($_.Status)" }) | Should -Be @('JtsIni:Changed', 'ProfileXml:Changed', 'Ibc:Changed')
        Get-Text $f.GatewayXml | Should -BeExactly $xml.Replace("<String>10.0.0.5</String>`r`n", "<String>10.0.0.5</String>`r`n        <String>192.168.1.50</String>`r`n")
        Get-Text $f.Ibc | Should -Match "`nTrustedTwsApiClientIPs=10\.0\.0\.5,10\.0\.0\.7,192\.168\.1\.50`n"
        Get-Text $f.JtsIni | Should -Match "`r`nTrustedIPs=127\.0\.0\.1,192\.168\.1\.50`r`n"
    }

    It 'removes an address from the profile only, cutting its whole line' {
        $f = New-StoreFixture
        $xml = Get-Text $f.GatewayXml
        $before = Get-FileHashes $f.Root
        $result = Remove-IbTrustedIp 10.0.0.5 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target ProfileXml
        $result.Changes | Should -Be @('ApiSettings/String: 127.0.0.1,10.0.0.5 -> 127.0.0.1 (line 6)')
        Get-Text $f.GatewayXml | Should -BeExactly $xml.Replace("        <String>10.0.0.5</String>`r`n", '')
        (Get-FileHash $f.Ibc).Hash | Should -Be $before[(Get-Item $f.Ibc).FullName]
        (Get-FileHash $f.JtsIni).Hash | Should -Be $before[(Get-Item $f.JtsIni).FullName]
    }

    It 'sets IBC''s list only, keeping 127.0.0.1 protected' {
        $f = New-StoreFixture
        $null = Set-IbTrustedIp 10.0.0.9 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors | ForEach-Object FullyQualifiedErrorId) | Should -Be @('LoopbackRemovalRefused,IbConfig.PowerShell.Commands.SetIbTrustedIpCommand')
        Set-IbTrustedIp 127.0.0.1, 10.0.0.9 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc | Should -HaveCount 1
        Get-Text $f.Ibc | Should -Match "`nTrustedTwsApiClientIPs=10\.0\.0\.9`n" -Because 'IBC adds 127.0.0.1 itself and its config.ini says to leave it out'
        Get-Text $f.JtsIni | Should -Match "`r`nTrustedIPs=127\.0\.0\.1`r`n" -Because '-Target Ibc narrows the write to IBC''s config.ini' 
    }

    It 'lists every address granted now or from IBC''s next start with Get-IbTrustedIp, and one store''s own with -Source' {
        $f = New-StoreFixture
        $effective = Get-IbTrustedIp -Path $f.JtsIni -IbcConfigPath $f.Ibc -WarningAction SilentlyContinue
        @($effective.IPAddress) | Should -Be @('127.0.0.1', '10.0.0.5', '10.0.0.7')
        @($effective.State) | Should -Be @('Trusted', 'Trusted', 'FromIbcStart') -Because 'the profile grants 10.0.0.5 now; only IBC''s next start adds 10.0.0.7'
        ($effective | Where-Object IPAddress -eq '10.0.0.7').Sources | Should -Be @('config.ini TrustedTwsApiClientIPs (line 50)')
        ($effective | Where-Object IPAddress -eq '10.0.0.5').Stores | Should -Be @('ProfileXml', 'Ibc')
        @($effective.Path | Select-Object -Unique) | Should -Be @($f.JtsIni)
        @($effective.IbcConfigPath | Select-Object -Unique) | Should -Be @($f.Ibc)
        $jts = Get-IbTrustedIp -Path $f.JtsIni -IbcConfigPath $f.Ibc -Source JtsIni -WarningAction SilentlyContinue
        @($jts.IPAddress) | Should -Not -Contain '10.0.0.7'
        @($jts.Path | Select-Object -Unique) | Should -Be @($f.JtsIni)
    }

    It 'returns the trusted list with the stores granting each address with -PassThru' {
        $f = New-StoreFixture
        $list = Add-IbTrustedIp 192.168.1.50 -Path $f.JtsIni -IbcConfigPath $f.Ibc -PassThru -WarningAction SilentlyContinue
        @($list.IPAddress) | Should -Be @('127.0.0.1', '192.168.1.50', '10.0.0.5', '10.0.0.7')
        ($list | Where-Object IPAddress -eq '192.168.1.50').Stores | Should -Be @('JtsIni', 'ProfileXml', 'Ibc') -Because 'Add writes every store the gateway reads, IBC''s too'
        ($list | Where-Object IPAddress -eq '192.168.1.50').State | Should -Be 'Trusted' 
        ($list | Where-Object IPAddress -eq '10.0.0.5').Sources | Should -Be @('ibg.xml ApiSettings/String (line 6)', 'config.ini TrustedTwsApiClientIPs (line 50)')
        ($list | Where-Object IPAddress -eq '10.0.0.7').Sources | Should -Be @('config.ini TrustedTwsApiClientIPs (line 50)')
    }
}

Describe 'Find-IbConfig with profiles and IBC' {
    BeforeAll {
        $script:F = New-StoreFixture
        $saved = $env:IBC_INI
        try {
            $env:IBC_INI = $F.Ibc
            $script:Found = Find-IbConfig -Root $F.Jts -WarningVariable findWarnings -WarningAction SilentlyContinue
            $script:FindWarnings = $findWarnings
        }
        finally { $env:IBC_INI = $saved }
    }

    It 'lists each profile file with its product and whether it is readable' {
        $profiles = @($Found | Where-Object Kind -eq ProfileXml)
        @($profiles | ForEach-Object { "$($_.ProfileFolders) $($_.Product) $($_.Status)" }) | Should -Be @('darykqabcdef Gateway Readable', 'qvzkdmwnrtsa Tws Readable', 'xkcdpqrsmnbv Gateway Encrypted')
        $profiles[2].Problem | Should -Match 'encrypted by this IB build'
        "$FindWarnings" | Should -Match 'xkcdpqrsmnbv'
    }

    It 'lists IBC''s config.ini' {
        $ibc = $Found | Where-Object Kind -eq Ibc
        $ibc.Path | Should -Be $F.Ibc
        $ibc.Status | Should -Be 'Readable'
    }
}
