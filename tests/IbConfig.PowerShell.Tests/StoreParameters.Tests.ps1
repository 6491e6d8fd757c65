# Every cmdlet that reads the settings stores takes -Profile and -IbcConfigPath with the same names, types and pipeline
# binding as Get-IbApiSetting, and the scheduled health check carries them through.
BeforeDiscovery {
    $readers = 'Get-IbApiSetting', 'Set-IbApiSetting', 'Test-IbApiConfiguration', 'Invoke-IbHealthCheck', 'Repair-IbApiConfiguration',
        'Get-IbHealthCheckCommand', 'Register-IbHealthCheckTask', 'Get-IbTrustedIp', 'Add-IbTrustedIp', 'Remove-IbTrustedIp', 'Set-IbTrustedIp'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    Set-GatewayProcess

    function Copy-NeedsRepair { Split-Path (Split-Path (Copy-NeedsRepairSample).Path) }
    $script:Reference = (Get-Command Get-IbApiSetting).Parameters
}

AfterAll { Exit-IsolatedDiscovery }

Describe '<_> takes -Profile and -IbcConfigPath as Get-IbApiSetting does' -ForEach $readers {
    It 'has both, typed, bound from the pipeline by property name, with the same aliases' {
        $parameters = (Get-Command $_).Parameters
        foreach ($name in 'Profile', 'IbcConfigPath') {
            $parameters[$name].ParameterType | Should -Be $script:Reference[$name].ParameterType
            ($parameters[$name].Aliases -join ',') | Should -Be ($script:Reference[$name].Aliases -join ',')
            $parameters[$name].ParameterSets.Values.ValueFromPipelineByPropertyName | Sort-Object -Unique | Should -BeTrue
        }
    }
}

Describe 'The checklist reads the stores it is given' {
    It 'Test-IbApiConfiguration reads the named profile and IBC config.ini, not only the ones it would find' {
        $root = Copy-NeedsRepair
        $profileFolder = Join-Path $root 'Jts/darykqabcdef'
        # A jts.ini that names no profile: only -Profile can bring ibg.xml's port (4001) in.
        $bare = Join-Path $TestDrive ([guid]::NewGuid()); $null = New-Item $bare -ItemType Directory
        Set-Content (Join-Path $bare 'jts.ini') "[IBGateway]`nTrustedIPs=127.0.0.1`n"
        $withStores = Test-IbApiConfiguration -Path $bare -Profile $profileFolder -IbcConfigPath (Join-Path $root 'IBC/config.ini') -TradingMode Paper -Offline 6>$null
        ($withStores | Where-Object Id -eq SocketPort).Status | Should -Be 'Fail'
        ($withStores | Where-Object Id -eq SocketPort).Source | Should -BeLike '*IBC*config.ini:*'
        ($withStores | Where-Object Id -eq ApiEnabled).Source | Should -BeLike '*ibg.xml:*'
        $without = Test-IbApiConfiguration -Path $bare -TradingMode Paper -Offline 6>$null
        ($without | Where-Object Id -eq SocketPort).Status | Should -Be 'Warn'
    }

    It 'takes ProfilePath and IbcConfigPath from a piped settings object' {
        $root = Copy-NeedsRepair
        $settings = Get-IbApiSetting -Path (Join-Path $root 'Jts/jts.ini') -IbcConfigPath (Join-Path $root 'IBC/config.ini') 3>$null
        $results = $settings | Test-IbApiConfiguration -Offline 6>$null
        ($results | Where-Object Id -eq AutoRestart).Remedy | Should -BeLike "*-IbcConfigPath '$(Join-Path $root 'IBC/config.ini')'*"
    }

    It 'says which IBC config.ini is missing' {
        $root = Copy-NeedsRepair
        { Test-IbApiConfiguration -Path (Join-Path $root 'Jts') -IbcConfigPath (Join-Path $root 'nope.ini') -Offline -ErrorAction Stop } |
            Should -Throw -ErrorId 'IbcConfigNotFound,IbConfig.PowerShell.Commands.TestIbApiConfigurationCommand'
    }

    It 'Invoke-IbHealthCheck checks the named stores' {
        $root = Copy-NeedsRepair
        $record = Invoke-IbHealthCheck -Path (Join-Path $root 'Jts') -IbcConfigPath (Join-Path $root 'IBC/config.ini') -TradingMode Paper -Offline
        $record.ExitCode | Should -Be 2
        ($record.Checks | Where-Object Id -eq SocketPort).Source | Should -BeLike '*config.ini:*'
    }
}

Describe 'The scheduled health check carries -Profile and -IbcConfigPath' {
    It 'Get-IbHealthCheckCommand puts them, absolute and quoted, into every scheduler''s line' {
        Push-Location $TestDrive
        try {
            $lines = Get-IbHealthCheckCommand -Path 'Jts' -Profile 'Jts/darykqabcdef' -IbcConfigPath 'IBC/config.ini' -Port 4002
        } finally { Pop-Location }
        $profileFolder = Join-Path (Resolve-Path $TestDrive).ProviderPath 'Jts/darykqabcdef'
        $lines.Count | Should -Be 4
        foreach ($line in $lines) {
            $line.Line | Should -BeLike "*-Profile *$profileFolder*" -Because $line.Kind
            $line.Line | Should -BeLike "*-IbcConfigPath *$(Join-Path (Resolve-Path $TestDrive).ProviderPath 'IBC/config.ini')*" -Because $line.Kind
        }
    }

    It 'the scheduled command runs the checklist on the named stores' {
        $root = Copy-NeedsRepair
        $command = (Get-IbHealthCheckCommand -Kind TaskScheduler -Path (Join-Path $root 'Jts') -IbcConfigPath (Join-Path $root 'IBC/config.ini')).Arguments
        $command | Should -Match "-IbcConfigPath '[^']*config\.ini'"
        $command | Should -Not -Match '-Profile'
    }

    It 'Register-IbHealthCheckTask passes them on (the cron line it offers off Windows)' -Skip:($env:OS -eq 'Windows_NT') {
        try { Register-IbHealthCheckTask -IbcConfigPath '/etc/ibc/config.ini' -Profile '/home/bot/Jts/abc' } catch { $err = $_ }
        $err.Exception.Message | Should -BeLike '*-Profile *''/home/bot/Jts/abc''* -IbcConfigPath *''/etc/ibc/config.ini''*'
    }
}
