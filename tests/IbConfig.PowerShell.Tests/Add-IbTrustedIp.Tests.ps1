BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:Id = 'IbConfig.PowerShell.Commands.AddIbTrustedIpCommand'
    Set-FakeGatewayProcess
}

AfterAll { Reset-GatewayProcess }

Describe 'Add-IbTrustedIp' {
    It 'adds to every trusted-IP key of <Sample> (<LineEnding>, BOM <Bom>), changing only those lines' -ForEach $script:SampleVariants {
        $path = Get-SampleVariant -Sample $Sample -LineEnding $LineEnding -Bom $Bom
        $before = Get-LineBytes $path
        $keyLines = @((Get-IbTrustedIp -Path $path)[0].Sources | ForEach-Object { [int]($_ -replace '.*\(line (\d+)\)', '$1') })
        $result = Add-IbTrustedIp 192.168.1.50 -Path $path -PassThru
        $result.IPAddress | Should -Contain '192.168.1.50'
        $after = Get-LineBytes $path
        Get-ChangedLineNumbers $before $after | Should -Be $keyLines
        foreach ($line in $keyLines) {
            $text = [System.Text.Encoding]::UTF8.GetString(([byte[]]($after[$line - 1] -split '-' | ForEach-Object { [Convert]::ToByte($_, 16) })))
            $text | Should -Match ',192\.168\.1\.50\r?\n$'
        }
        $after[0].StartsWith('EF-BB-BF') | Should -Be $Bom
        Get-BackupFile $path | Should -HaveCount 1
    }

    It 'takes addresses from the pipeline and writes once' {
        $path = Get-SampleVariant -Sample 'real-layout'
        '10.0.0.7', '10.0.0.8' | Add-IbTrustedIp -Path $path
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be @('127.0.0.1', '10.0.0.5', '10.0.0.7', '10.0.0.8')
        Get-BackupFile $path | Should -HaveCount 1
    }

    It 'folds duplicates and addresses already trusted' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Add-IbTrustedIp '10.0.0.5', '10.0.0.9', '10.0.0.009', '127.0.0.1' -Path $path
        (Get-IbApiSetting -Path $path -Raw | Where-Object Key -eq TrustedIPs).Value | Should -Be '127.0.0.1,10.0.0.5,10.0.0.9'
    }

    It 'writes nothing when every address is already trusted' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        Add-IbTrustedIp 10.0.0.5 -Path $path
        Get-Sha256 $path | Should -Be $hash
        Get-BackupFile $path | Should -BeNullOrEmpty
    }

    It 'reports each bad entry as its own error and still adds the rest' {
        $path = Get-SampleVariant -Sample 'real-layout'
        Add-IbTrustedIp '10.0.0.0/8', '10.0.0.7', 'host.example', '10.1' -Path $path -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 3
        $err.FullyQualifiedErrorId | Should -Be @("TrustedIpInvalid,$script:Id", "TrustedIpInvalid,$script:Id", "TrustedIpInvalid,$script:Id")
        $err.TargetObject | Should -Be @('10.0.0.0/8', 'host.example', '10.1')
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match 'CIDR'
        $err[1].Exception.Message | Should -Match 'host names'
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Be @('127.0.0.1', '10.0.0.5', '10.0.0.7')
    }

    It 'refuses <_> without -Force, always with a warning' -ForEach '0.0.0.0', '::', '203.0.113.9' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        { Add-IbTrustedIp $_ -Path $path -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId "TrustedIpNeedsForce,$script:Id"
        Get-Sha256 $path | Should -Be $hash

        Add-IbTrustedIp $_ -Path $path -Force -WarningVariable warnings 3>$null
        "$warnings" | Should -Match 'any address|Only add IPs you control'
        (Get-IbTrustedIp -Path $path).IPAddress | Should -Contain $_
    }

    It 'writes the key of the file''s layout when it has none' {
        $path = New-TestIni "[IBGateway]`r`ns.SocketPort=7497`r`n`r`n[Startup]`r`ns.AutoRestartTime=23:55:00`r`n"
        Add-IbTrustedIp 127.0.0.1 -Path $path
        [System.IO.File]::ReadAllText($path) | Should -Be "[IBGateway]`r`ns.SocketPort=7497`r`ns.TrustedIPs=127.0.0.1`r`n`r`n[Startup]`r`ns.AutoRestartTime=23:55:00`r`n"
    }

    It 'shows the key changes under -WhatIf and writes nothing' {
        $path = Get-SampleVariant -Sample 'windows-crlf-bom'
        $hash = Get-Sha256 $path
        $verbose = Add-IbTrustedIp 10.0.0.7 -Path $path -WhatIf -Verbose 4>&1 | Out-String
        $verbose | Should -Match ([regex]::Escape('[IBGateway] TrustedIPs: 127.0.0.1,192.168.1.100 -> 127.0.0.1,192.168.1.100,10.0.0.7 (line 3)'))
        $verbose | Should -Match ([regex]::Escape('[IBGateway] s.TrustedIPs: 127.0.0.1,192.168.1.100 -> 127.0.0.1,192.168.1.100,10.0.0.7 (line 9)'))
        Get-Sha256 $path | Should -Be $hash
        Get-BackupFile $path | Should -BeNullOrEmpty
    }

    It 'refuses while IB Gateway runs unless -Force' {
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        Set-FakeGatewayProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway'))
        try {
            { Add-IbTrustedIp 10.0.0.7 -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "GatewayRunning,$script:Id"
            Get-Sha256 $path | Should -Be $hash
            Add-IbTrustedIp 10.0.0.7 -Path $path -Force -WarningAction SilentlyContinue
            (Get-IbTrustedIp -Path $path).IPAddress | Should -Contain '10.0.0.7'
        }
        finally { Set-FakeGatewayProcess }
    }

    It 'reports a missing file and a read-only file' {
        { Add-IbTrustedIp 10.0.0.7 -Path (Join-Path TestDrive: 'missing.ini') -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileNotFound,$script:Id"
        $path = Get-SampleVariant -Sample 'real-layout'
        $hash = Get-Sha256 $path
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        try {
            { Add-IbTrustedIp 10.0.0.7 -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "ConfigFileReadOnly,$script:Id"
            Get-Sha256 $path | Should -Be $hash
        }
        finally { Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false }
    }
}
