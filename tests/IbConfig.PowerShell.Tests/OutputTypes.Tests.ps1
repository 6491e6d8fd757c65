# Every object a cmdlet emits must be of a type its [OutputType] declares (help, tab completion and Get-Command rely on
# it). Each exported cmdlet has runs below on fixtures and fakes (no network but loopback, no real gateway); a cmdlet
# without a run fails the coverage test, so a new cmdlet cannot escape.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:CmdletNames = @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'FakeIbcCommandServer.ps1')
    . (Join-Path $PSScriptRoot 'SerialisationTestHelpers.ps1')

    Set-TestProcess ([IbConfig.Core.Processes.ProcessSnapshot]::new(4242, 'ibgateway', '/opt/ibgateway/ibgateway', '/opt/ibgateway/ibgateway -DjtsConfigDir=/srv/elsewhere/Jts', $null))

    function New-Stores {
        # samples/real-layout (jts.ini + ibg.xml) and samples/ibc in a fresh TestDrive folder.
        $root = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
        $null = New-Item $root -ItemType Directory
        Copy-Item -LiteralPath (Join-Path $script:SamplesPath 'real-layout') -Destination (Join-Path $root 'Jts') -Recurse
        Copy-Item -LiteralPath (Join-Path $script:SamplesPath 'ibc') -Destination (Join-Path $root 'IBC') -Recurse
        [pscustomobject]@{ Root = $root; Jts = Join-Path $root 'Jts'; JtsIni = Join-Path $root 'Jts/jts.ini'; Ibc = Join-Path $root 'IBC/config.ini' }
    }

    # One or more runs per cmdlet: each scriptblock gets the stores and returns what the cmdlet emitted. Windows-only
    # cmdlets stop with PlatformNotSupported elsewhere and emit nothing there.
    $script:Runs = @{
        'Add-IbTrustedIp'             = { param($s) Add-IbTrustedIp 10.1.1.1 -Path $s.JtsIni; Add-IbTrustedIp 10.1.1.2 -Path $s.JtsIni -PassThru }
        'Remove-IbTrustedIp'          = { param($s) Remove-IbTrustedIp 10.0.0.5 -Path $s.JtsIni -IbcConfigPath $s.Ibc; Remove-IbTrustedIp 10.0.0.7 -Path $s.JtsIni -PassThru }
        'Set-IbTrustedIp'             = { param($s) Set-IbTrustedIp 127.0.0.1, 10.1.1.3 -Path $s.JtsIni; Set-IbTrustedIp 127.0.0.1 -Path $s.JtsIni -PassThru }
        'Backup-IbConfig'             = { param($s) Backup-IbConfig -Path $s.JtsIni }
        'Find-IbConfig'               = { param($s) Find-IbConfig -Root $s.Jts -WarningAction SilentlyContinue }
        'Get-IbApiSetting'            = { param($s) Get-IbApiSetting -Path $s.JtsIni; Get-IbApiSetting -Path $s.JtsIni -Name SocketPort; Get-IbApiSetting -Path $s.JtsIni -Raw; Get-IbApiSetting -Path $s.JtsIni -IbcConfigPath $s.Ibc -Conflicts -WarningAction SilentlyContinue }
        'Get-IbConfigBackup'          = { param($s) $null = Backup-IbConfig -Path $s.JtsIni; Get-IbConfigBackup -Path $s.JtsIni }
        'Restore-IbConfig'            = { param($s) $null = Backup-IbConfig -Path $s.JtsIni; Restore-IbConfig -Path $s.JtsIni -Latest -Confirm:$false }
        'Get-IbGatewayProcess'        = { param($s) Get-IbGatewayProcess }
        'Get-IbHealthCheckCommand'    = { param($s) Get-IbHealthCheckCommand -Path $s.JtsIni }
        'Get-IbTrustedIp'             = { param($s) Get-IbTrustedIp -Path $s.JtsIni -IbcConfigPath $s.Ibc }
        'Invoke-IbHealthCheck'        = { param($s) Invoke-IbHealthCheck -Path $s.JtsIni -Offline }
        'Test-IbApiConfiguration'     = { param($s) Test-IbApiConfiguration -Path $s.JtsIni -Offline; Test-IbApiConfiguration -Path $s.JtsIni -Offline -Quiet }
        'Repair-IbApiConfiguration'   = { param($s) Repair-IbApiConfiguration -Path $s.JtsIni -IbcConfigPath $s.Ibc -TradingMode Paper -Offline -Confirm:$false -WarningAction SilentlyContinue }
        'Set-IbApiSetting'            = { param($s) Set-IbApiSetting -Path $s.JtsIni -SocketPort 4012; Set-IbApiSetting -Path $s.JtsIni -MasterClientId 7 -PassThru }
        'Register-IbHealthCheckTask'  = { param($s) try { Register-IbHealthCheckTask -Port 4002 -WhatIf } catch [System.Management.Automation.RuntimeException] { if ($_.FullyQualifiedErrorId -notlike 'PlatformNotSupported,*') { throw } } }
        'Unregister-IbHealthCheckTask' = { param($s) try { Unregister-IbHealthCheckTask -WhatIf } catch [System.Management.Automation.RuntimeException] { if ($_.FullyQualifiedErrorId -notlike 'PlatformNotSupported,*') { throw } } }
        'Test-IbFirewallRule'         = { param($s) try { Test-IbFirewallRule -Port 4002 } catch [System.Management.Automation.RuntimeException] { if ($_.FullyQualifiedErrorId -notlike 'PlatformNotSupported,*') { throw } } }
        'Test-IbPort'                 = { param($s) $port = Get-FreeLoopbackPort; Test-IbPort -Port $port -TimeoutMs 500; Test-IbPort -Port $port -TimeoutMs 500 -Quiet; Test-IbPort -Port $port -Listening }
        'Send-IbcCommand'             = { param($s) $server = Start-FakeIbcCommandServer -Reply 'OK'; try { Send-IbcCommand ReconnectData -Port $server.Port -Confirm:$false } finally { Stop-FakeIbcCommandServer $server } }
        'Start-IbGatewaySimulator'    = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; $sim; Stop-IbGatewaySimulator -Id $sim.Id }
        'Stop-IbGatewaySimulator'     = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; Stop-IbGatewaySimulator -Id $sim.Id -PassThru }
        'Get-IbGatewaySimulator'      = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; try { Get-IbGatewaySimulator; Get-IbGatewaySimulator -Id $sim.Id -Session; Get-IbGatewaySimulator -Id $sim.Id -Event } finally { Stop-IbGatewaySimulator -Id $sim.Id } }
        'Export-IbApiBaseline'        = { param($s) $file = Join-Path $s.Root 'baseline.ini'; Export-IbApiBaseline -Path $s.JtsIni; Export-IbApiBaseline -Path $s.JtsIni -Baseline $file }
        'Compare-IbApiConfiguration'  = { param($s) $file = Join-Path $s.Root 'compare.ini'; $null = Export-IbApiBaseline -Path $s.JtsIni -Baseline $file; $null = Set-IbApiSetting -Path $s.JtsIni -MasterClientId 9; Compare-IbApiConfiguration -Path $s.JtsIni -Baseline $file }
        'Watch-IbGateway'             = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; try { Watch-IbGateway -Port $sim.Port -Count 1 } finally { Stop-IbGatewaySimulator -Id $sim.Id } }
        'Invoke-IbGatewaySimulatorFault' = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; try { Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice -Code 2104; Invoke-IbGatewaySimulatorFault -Id $sim.Id -Kind Notice -Code 2104 -PassThru } finally { Stop-IbGatewaySimulator -Id $sim.Id } }
        'Test-IbConnection'           = { param($s) $sim = Start-IbGatewaySimulator -Port 0 -PassThru; try { Test-IbConnection -Port $sim.Port -SkipAccountData; Test-IbConnection -Port $sim.Port -SkipAccountData -Quiet } finally { Stop-IbGatewaySimulator -Id $sim.Id } }
    }
}

AfterAll { Set-TestMachine $null }

Describe 'The declared output types' {
    It 'has a run for every exported cmdlet' {
        $missing = @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object Name | Where-Object { -not $script:Runs.ContainsKey($_) })
        $missing | Should -BeNullOrEmpty -Because 'every cmdlet''s output is checked against its [OutputType]; add a run for it above'
    }

    It '<_> emits only types it declares' -ForEach $script:CmdletNames {
        $declared = @((Get-Command $_).OutputType | ForEach-Object Type | Where-Object { $_ -ne [void] })
        $run = $script:Runs[$_]
        if (-not $run) { Set-ItResult -Skipped -Because 'it has no run (the coverage test fails for it)'; return }
        $emitted = @(& $run (New-Stores) | Where-Object { $null -ne $_ })
        foreach ($object in $emitted) {
            $type = $object.GetType()
            @($declared | Where-Object { $_.IsAssignableFrom($type) }) | Should -Not -BeNullOrEmpty -Because "$_ emitted a $($type.FullName), which its [OutputType] ($($declared.FullName -join ', ')) does not list"
        }
    }

    It '<_> emits objects JSON writes with names and times as text' -ForEach $script:CmdletNames {
        # docs/serialisation.md: no enum (a number in JSON) and no TimeSpan (15 fields) anywhere ConvertTo-Json -Depth 4 looks.
        $run = $script:Runs[$_]
        if (-not $run) { Set-ItResult -Skipped -Because 'it has no run (the coverage test fails for it)'; return }
        foreach ($object in @(& $run (New-Stores) | Where-Object { $null -ne $_ })) {
            @(Find-JsonUnfriendlyValue $object) | Should -BeNullOrEmpty -Because "$_ emitted a $($object.GetType().Name)"
            $object | ConvertTo-Json -Depth 4 -Compress -WarningAction SilentlyContinue | Should -Not -Match '"Ticks":'
        }
    }

    It 'the check fails for a type that is not declared' {
        # Guards the check itself: IbTrustedIp is not among Backup-IbConfig's declared types.
        $declared = @((Get-Command Backup-IbConfig).OutputType | ForEach-Object Type)
        @($declared | Where-Object { $_.IsAssignableFrom([IbConfig.Core.Settings.IbTrustedIp]) }) | Should -BeNullOrEmpty
    }
}
