BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.RemoveIbTrustedIpCommand'
    Set-FakeGatewayProcess
}

AfterAll { Reset-GatewayProcess }

Describe 'Remove-IbTrustedIp' {
    It 'removes from every trusted-IP key of windows-crlf-bom (<LineEnding>, BOM <Bom>), changing only those lines' -ForEach ($script:SampleVariants | Where-Object Sample -eq 'windows-crlf-bom') {
        $path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
        $before = Get-LineBytes $path
        Remove-IbTrustedIp 192.168.1.100 -Path $path
        Get-ChangedLineNumbers $before (Get-LineBytes $path) | Should -Be @(3, 9)
        (Get-IbApiSetting -Path $path -Raw | Where-Object Key -in 'TrustedIPs', 's.TrustedIPs').Value | Should -Be @('127.0.0.1', '127.0.0.1')
        (Get-LineBytes $path)[0].StartsWith('EF-BB-BF') | Should -Be $Bom
        Get-BackupFile $path | Should -HaveCount 1
    }

    It 'takes Get-IbTrustedIp objects from the pipeline' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Get-IbTrustedIp -Path $path | Where-Object Kind -eq Private | Remove-IbTrustedIp -PassThru | ForEach-Object IPAddress | Should -Be '127.0.0.1'
    }

    It 'refuses to remove 127.0.0.1 without -Force but removes the others' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Remove-IbTrustedIp 127.0.0.1, 10.0.0.5 -Path $path -ErrorAction SilentlyContinue -ErrorVariable err
        $err.FullyQualifiedErrorId | Should -Be "LoopbackRemovalRefused,$script:Id"
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be '127.0.0.1'

        Remove-IbTrustedIp 127.0.0.1 -Path $path -Force
        Get-IbTrustedIp -Path $path | Should -BeNullOrEmpty
        (Get-IbApiSetting -Path $path -Raw | Where-Object Key -eq TrustedIPs).Value | Should -Be ''
    }

    It 'cleans out an entry that is not an address by its exact text' {
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1,10.0.0.0/8`n"
        Remove-IbTrustedIp 10.0.0.0/8 -Path $path
        [System.IO.File]::ReadAllText($path) | Should -Be "[IBGateway]`nTrustedIPs=127.0.0.1`n"
    }

    It 'changes nothing for an address that is not trusted, and rejects a bad one' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        Remove-IbTrustedIp 10.9.9.9 -Path $path
        { Remove-IbTrustedIp host.example -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "TrustedIpInvalid,$script:Id"
        Get-Sha256 $path | Should -Be $hash
    }

    It 'writes nothing under -WhatIf' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        Remove-IbTrustedIp 10.0.0.5 -Path $path -WhatIf
        Get-Sha256 $path | Should -Be $hash
    }

    It 'refuses while IB Gateway runs' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Set-FakeGatewayProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'tws'))
        try { { Remove-IbTrustedIp 10.0.0.5 -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "GatewayRunning,$script:Id" }
        finally { Set-FakeGatewayProcess }
    }
}
