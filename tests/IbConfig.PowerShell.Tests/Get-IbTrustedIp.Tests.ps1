BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.GetIbTrustedIpCommand'
    $script:Expected = @{
        'guide-layout'     = @(@{ IP = '127.0.0.1'; Kind = 'Loopback'; Sources = @('jts.ini [IBGateway] s.TrustedIPs (line 5)') })
        'real-layout'      = @(
            @{ IP = '127.0.0.1'; Kind = 'Loopback'; Sources = @('jts.ini [IBGateway] TrustedIPs (line 3)') }
            @{ IP = '10.0.0.5'; Kind = 'Private'; Sources = @('jts.ini [IBGateway] TrustedIPs (line 3)') })
        'windows-crlf-bom' = @(
            @{ IP = '127.0.0.1'; Kind = 'Loopback'; Sources = @('jts.ini [IBGateway] TrustedIPs (line 3)', 'jts.ini [IBGateway] s.TrustedIPs (line 9)') }
            @{ IP = '192.168.1.100'; Kind = 'Private'; Sources = @('jts.ini [IBGateway] TrustedIPs (line 3)', 'jts.ini [IBGateway] s.TrustedIPs (line 9)') })
    }
}

Describe 'Get-IbTrustedIp' {
    It 'lists <Sample> (<LineEnding>, BOM <Bom>) one address per object with its kind, keys and file' -ForEach $script:SampleVariants {
        $path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
        $hash = Get-Sha256 $path
        $ips = @(Get-IbTrustedIp -Path $path)
        $expected = $script:Expected[$Sample]
        $ips.Count | Should -Be $expected.Count
        for ($i = 0; $i -lt $ips.Count; $i++) {
            $ips[$i] | Should -BeOfType ([IbConfig.Core.Settings.IbTrustedIp])
            $ips[$i].IPAddress | Should -Be $expected[$i].IP
            $ips[$i].Kind | Should -Be $expected[$i].Kind
            $ips[$i].Sources | Should -Be $expected[$i].Sources
            $ips[$i].Path | Should -Be $path
        }
        Get-Sha256 $path | Should -Be $hash
    }

    It 'normalises and folds addresses, and classifies public and unspecified ones' {
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.000.0.1,127.0.0.1,203.0.113.9,0.0.0.0,FE80::1`n"
        $ips = Get-IbTrustedIp -Path $path
        $ips.IPAddress | Should -Be @('127.0.0.1', '203.0.113.9', '0.0.0.0', 'fe80::1')
        $ips.Kind | Should -Be @('Loopback', 'Public', 'Unspecified', 'Private')
    }

    It 'warns about entries that are not addresses and lists the rest' {
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1,10.0.0.0/8,host.example`n"
        $ips = Get-IbTrustedIp -Path $path -WarningVariable warnings 3>$null
        $ips.IPAddress | Should -Be '127.0.0.1'
        ($warnings | Out-String) | Should -Match 'CIDR'
        ($warnings | Out-String) | Should -Match 'host names'
    }

    It 'counts an address any key grants, labelled with that key, and warns when the guide and IB keys disagree' {
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1`ns.TrustedIPs=127.0.0.1,10.0.0.9`n"
        $ips = Get-IbTrustedIp -Path $path -WarningVariable warnings 3>$null
        $ips.IPAddress | Should -Be @('127.0.0.1', '10.0.0.9') -Because 'it is not known that no IB build reads the guide''s key: the conservative answer wins (docs/trusted-ips.md)'
        ($ips | Where-Object IPAddress -eq '10.0.0.9').Sources | Should -Be @('jts.ini [IBGateway] s.TrustedIPs (line 3)')
        "$warnings" | Should -Match 'disagrees'
    }

    It 'returns nothing for a file without trusted IPs' {
        Get-IbTrustedIp -Path (New-TestIni "[IBGateway]`nApiOnly=true`n") | Should -BeNullOrEmpty
    }

    It 'takes the path from the pipeline and reports a missing file' {
        (Get-Item (Get-SampleVariant -Sample 'real-layout') | Get-IbTrustedIp).IPAddress | Should -Contain '10.0.0.5'
        { Get-IbTrustedIp -Path (Join-Path TestDrive: 'missing.ini') -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileNotFound,$script:Id"
    }
}
