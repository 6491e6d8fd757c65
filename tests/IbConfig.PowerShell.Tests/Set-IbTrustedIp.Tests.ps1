BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.SetIbTrustedIpCommand'
    Set-FakeGatewayProcess
}

AfterAll { Reset-GatewayProcess }

Describe 'Set-IbTrustedIp' {
    It 'writes exactly the list to every trusted-IP key of <Sample> (<LineEnding>, BOM <Bom>)' -ForEach $script:SampleVariants {
        $path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
        $before = Get-LineBytes $path
        $keyLines = @((Get-IbTrustedIp -Path $path)[0].Sources | ForEach-Object { [int]($_ -replace '.*\(line (\d+)\)', '$1') })
        Set-IbTrustedIp 127.0.0.1, 10.0.0.20, 10.0.0.20 -Path $path
        Get-ChangedLineNumbers $before (Get-LineBytes $path) | Should -Be $keyLines
        $ips = Get-IbTrustedIp -Path $path -WarningVariable warnings
        $ips.IPAddress | Should -Be @('127.0.0.1', '10.0.0.20')
        $warnings | Should -BeNullOrEmpty
    }

    It 'makes disagreeing guide and IB keys agree' {
        $path = New-TestIni "[IBGateway]`r`nTrustedIPs=127.0.0.1,10.0.0.5`r`ns.TrustedIPs=127.0.0.1`r`n" -Bom
        Set-IbTrustedIp 127.0.0.1, 10.0.0.5 -Path $path
        [System.IO.File]::ReadAllText($path) | Should -Be "[IBGateway]`r`nTrustedIPs=127.0.0.1,10.0.0.5`r`ns.TrustedIPs=127.0.0.1,10.0.0.5`r`n"
        [System.IO.File]::ReadAllBytes($path)[0] | Should -Be 0xEF
        $null = Get-IbApiSetting -Path $path -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
    }

    It 'refuses a list without 127.0.0.1 unless -Force' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        { Set-IbTrustedIp 10.0.0.9 -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "LoopbackRemovalRefused,$script:Id"
        Get-Sha256 $path | Should -Be $hash
        Set-IbTrustedIp 10.0.0.9 -Path $path -Force
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be '10.0.0.9'
    }

    It 'sets the list from the good entries, one error per bad one' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Set-IbTrustedIp 127.0.0.1, 'host.example', 192.168.7.7 -Path $path -ErrorAction SilentlyContinue -ErrorVariable err
        $err.FullyQualifiedErrorId | Should -Be "TrustedIpInvalid,$script:Id"
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be @('127.0.0.1', '192.168.7.7')
    }

    It 'collects piped addresses into one list' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        '127.0.0.1', '::1', '192.168.1.100' | Set-IbTrustedIp -Path $path -PassThru | ForEach-Object IPAddress | Should -Be @('127.0.0.1', '::1', '192.168.1.100')
        Get-BackupFile $path | Should -HaveCount 1
    }

    It 'needs -Force for public addresses and warns even then' {
        $path = Get-SampleVariant -Sample 'guide-layout'
        { Set-IbTrustedIp 127.0.0.1, 198.51.100.4 -Path $path -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId "TrustedIpNeedsForce,$script:Id"
        Set-IbTrustedIp 127.0.0.1, 198.51.100.4 -Path $path -Force -WarningVariable warnings 3>$null
        "$warnings" | Should -Match 'Only add IPs you control'
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be @('127.0.0.1', '198.51.100.4')
    }

    It 'writes nothing under -WhatIf' {
        $path = Get-SampleVariant -Sample 'windows-crlf-bom'
        $hash = Get-Sha256 $path
        Set-IbTrustedIp 127.0.0.1 -Path $path -WhatIf
        Get-Sha256 $path | Should -Be $hash
        Get-BackupFile $path | Should -BeNullOrEmpty
    }
}
