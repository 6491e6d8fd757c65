# The trusted-IP cmdlets across the three stores, as docs/trusted-ips.md states the rules: an address counts as trusted if
# any store the gateway may read grants it; IBC's next start replaces jts.ini's TrustedIPs with 127.0.0.1 plus its list
# (IB Gateway only); Remove reaches every store that grants; Add and Set write where the gateway reads.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    Set-FakeGatewayProcess

    function New-SampleStores {
        # A private copy of samples/real-layout (jts.ini + the Gateway profile ibg.xml) and samples/ibc (IBC's config.ini).
        $root = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
        $null = New-Item $root -ItemType Directory
        Copy-Item -LiteralPath (Join-Path $script:SamplesPath 'real-layout') -Destination (Join-Path $root 'Jts') -Recurse
        Copy-Item -LiteralPath (Join-Path $script:SamplesPath 'ibc') -Destination (Join-Path $root 'IBC') -Recurse
        [pscustomobject]@{
            Root   = $root
            JtsIni = Join-Path $root 'Jts/jts.ini'
            Xml    = Join-Path $root 'Jts/darykqabcdef/ibg.xml'
            Ibc    = Join-Path $root 'IBC/config.ini'
        }
    }

    function Get-StoreText($Stores) {
        # Every store's text, to assert what no store holds any more.
        @($Stores.JtsIni, $Stores.Xml, $Stores.Ibc) | ForEach-Object { [System.IO.File]::ReadAllText($_) }
    }
}

AfterAll { Reset-GatewayProcess }

Describe 'Trusted IPs across jts.ini, the profile and IBC' {
    It 'the README pipe leaves no store granting 10.0.0.5, and Get-IbTrustedIp lists only 127.0.0.1 afterwards' {
        $s = New-SampleStores
        Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc | Where-Object Kind -eq Private | Remove-IbTrustedIp -Confirm:$false -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        Get-StoreText $s | Should -Not -Match '10\.0\.0\.[57]'
        @(Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc).IPAddress | Should -Be @('127.0.0.1')
        Get-ChildItem -LiteralPath $s.Root -Recurse -File -Filter '*.bak' | Should -HaveCount 3 -Because 'each of the three stores was backed up once'
    }

    It 'labels each address with every store granting it and says when it is trusted' {
        $s = New-SampleStores
        $ips = Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc
        @($ips | ForEach-Object { "$($_.IPAddress) $($_.State) $($_.Stores -join '+')" }) | Should -Be @(
            '127.0.0.1 Trusted JtsIni+ProfileXml+Ibc', '10.0.0.5 Trusted JtsIni+ProfileXml+Ibc', '10.0.0.7 FromIbcStart Ibc')
        ($ips | Where-Object IPAddress -eq '10.0.0.5').Sources | Should -Be @(
            'jts.ini [IBGateway] TrustedIPs (line 3)', 'ibg.xml ApiSettings/String (line 6)', 'config.ini TrustedTwsApiClientIPs (line 50)')
    }

    It 'shows an address only jts.ini grants as trusted until IBC''s next start, which keeps 127.0.0.1 alone' {
        $s = New-SampleStores
        Set-Content -LiteralPath $s.Ibc -Value "TrustedTwsApiClientIPs=`n" -NoNewline
        Remove-Item -LiteralPath $s.Xml
        $ips = Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc
        @($ips | ForEach-Object { "$($_.IPAddress) $($_.State)" }) | Should -Be @('127.0.0.1 Trusted', '10.0.0.5 UntilIbcStart')
        ($ips | Where-Object IPAddress -eq '127.0.0.1').Sources | Should -Contain 'config.ini TrustedTwsApiClientIPs (line 1)' -Because 'a blank list still makes IBC write 127.0.0.1'

        Set-Content -LiteralPath $s.Ibc -Value "FIX=no`n" -NoNewline
        (Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc | Where-Object IPAddress -eq '127.0.0.1').Sources | Should -Contain 'config.ini (IBC always adds 127.0.0.1)'
        (Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc | Where-Object IPAddress -eq '10.0.0.5').State | Should -Be 'UntilIbcStart'
    }

    It 'leaves IBC out for TWS, whose list IBC does not touch' {
        $s = New-SampleStores
        $tws = Join-Path (Split-Path $s.Xml) 'tws.xml'
        Move-Item -LiteralPath $s.Xml -Destination $tws
        $ips = Get-IbTrustedIp -Path $s.JtsIni -Profile $tws -IbcConfigPath $s.Ibc
        @($ips.IPAddress) | Should -Be @('127.0.0.1', '10.0.0.5')
        @($ips.Stores) | Should -Not -Contain 'Ibc'
    }

    It 'warns when a narrowed -Target leaves another store granting the address' {
        $s = New-SampleStores
        $result = Remove-IbTrustedIp 10.0.0.5 -Path $s.JtsIni -IbcConfigPath $s.Ibc -Target JtsIni -WarningVariable warnings 3>$null
        $result.Store | Should -Be 'JtsIni'
        "$warnings" | Should -Match '10\.0\.0\.5 is still trusted'
        "$warnings" | Should -Match 'ibg\.xml ApiSettings/String'
        "$warnings" | Should -Match 'config\.ini TrustedTwsApiClientIPs'
    }

    It 'removes from every granting store by default, one result per store' {
        $s = New-SampleStores
        $results = Remove-IbTrustedIp 10.0.0.7 -Path $s.JtsIni -IbcConfigPath $s.Ibc
        @($results | ForEach-Object { "$($_.Store):$($_.Status)" }) | Should -Be @('JtsIni:Unchanged', 'ProfileXml:Unchanged', 'Ibc:Changed')
        [System.IO.File]::ReadAllText($s.Ibc) | Should -Match "`nTrustedTwsApiClientIPs=10\.0\.0\.5`r?`n"
    }

    It 'Set then Get round-trips exactly the asked list, now and after IBC''s next start' {
        $s = New-SampleStores
        $results = Set-IbTrustedIp 127.0.0.1, 192.168.7.7 -Path $s.JtsIni -IbcConfigPath $s.Ibc
        @($results.Store) | Should -Be @('JtsIni', 'ProfileXml', 'Ibc')
        $ips = Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc
        @($ips | ForEach-Object { "$($_.IPAddress) $($_.State)" }) | Should -Be @('127.0.0.1 Trusted', '192.168.7.7 Trusted')
        [System.IO.File]::ReadAllText($s.Ibc) | Should -Match "`nTrustedTwsApiClientIPs=192\.168\.7\.7`r?`n" -Because 'IBC adds 127.0.0.1 itself'
    }

    It 'Add then Get shows the address trusted now and after IBC''s next start' {
        $s = New-SampleStores
        $null = Add-IbTrustedIp 192.168.7.8 -Path $s.JtsIni -IbcConfigPath $s.Ibc
        $ip = Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc | Where-Object IPAddress -eq '192.168.7.8'
        $ip.State | Should -Be 'Trusted'
        @($ip.Stores) | Should -Be @('JtsIni', 'ProfileXml', 'Ibc')
    }

    It 'writes nothing and warns of nothing under -WhatIf' {
        $s = New-SampleStores
        $before = Get-StoreText $s
        Remove-IbTrustedIp 10.0.0.5 -Path $s.JtsIni -IbcConfigPath $s.Ibc -WhatIf -WarningVariable warnings | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        Get-StoreText $s | Should -Be $before
    }
}
