# Every check's remedy works: run on the settings that made the check fail, it makes the check pass by changing the store
# the gateway reads. The checks come from Core's own list, so a check added later without a case here fails this file.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $checkIds = @([IbConfig.Core.Checks.Checklist]::All.Id)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChecklistFixtures.ps1')
    Enter-IsolatedDiscovery
    Set-GatewayProcess

    # The failing set-up of each check whose remedy is a command, as a script block that returns the checklist's parameters.
    $script:Failing = @{
        ApiEnabled              = { Copy-NeedsRepairSample }
        SocketPort              = { Copy-NeedsRepairSample }
        PortAgreesAcrossStores  = { Copy-NeedsRepairSample @{ 'IBC/config.ini' = @{ 'OverrideTwsApiPort=4001' = 'OverrideTwsApiPort=4012' } } }
        LocalhostTrusted        = { Copy-NeedsRepairSample }
        NoOpenTrustedIps        = { Copy-NeedsRepairSample }
        MasterClientId          = { Copy-NeedsRepairSample @{ 'Jts/darykqabcdef/ibg.xml' = @{ 'masterClientID="-1"' = 'masterClientID="none"' } } }
        DownloadOpenOrders      = { Copy-NeedsRepairSample }
        ReadOnlyApi             = { Copy-NeedsRepairSample }
        GuideKeysAgree          = { Copy-NeedsRepairSample @{ 'Jts/jts.ini' = @{ 'ApiOnly=true' = "ApiOnly=true`ns.DownloadOpenOrders=true" } } }
        AutoRestart             = { Copy-NeedsRepairSample }
        LogoffBeforeRestart     = { Copy-NeedsRepairSample }
        IbcCredentialsProtected = { $f = Copy-NeedsRepairSample; chmod 644 $f.IbcConfigPath; $f }
        SettingsWritable        = { $f = Copy-NeedsRepairSample; chmod 444 $f.Path; $f }
        Drift                   = {
            # The baseline taken now, then an address granted in the profile behind its back: the remedy takes it away again.
            $f = Copy-NeedsRepairSample
            $f.Baseline = Join-Path $TestDrive "$([guid]::NewGuid()).baseline.ini"
            $null = Export-IbApiBaseline -Path $f.Path -IbcConfigPath $f.IbcConfigPath -Baseline $f.Baseline
            $xml = Join-Path (Split-Path $f.Path) 'darykqabcdef/ibg.xml'
            [IO.File]::WriteAllText($xml, [IO.File]::ReadAllText($xml).Replace('<String>10.0.0.5</String>', '<String>10.0.0.5</String><String>10.9.9.9</String>'))
            $f
        }
        InstancesDistinct       = {
            # A second gateway's settings folder on the checked one's port (4002 once paper), found through TWS_SETTINGS_PATH.
            $other = New-JtsFixture -Folder (Join-Path $TestDrive ([guid]::NewGuid())) -Port 4002
            [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $other)
            Copy-NeedsRepairSample @{ 'IBC/config.ini' = @{ 'OverrideTwsApiPort=4001' = 'OverrideTwsApiPort=4002' }; 'Jts/darykqabcdef/ibg.xml' = @{ 'port="4001"' = 'port="4002"' } }
        }
    }

    # Checks whose remedy is not a command IbConfig can prove here, and why.
    $script:NotACommand = @{
        AccountRequests     = 'IB''s profile attribute for it is not known (docs/settings-sources.md): the remedy names the gateway''s own API page'
        WeeklyRelogin       = 'its remedy adds IBC''s own ColdRestartTime key, which no IbConfig cmdlet writes'
        MaintenanceWindow   = 'it only reports the planned downtime: it never fails or warns'
        GatewayRunning      = 'live: starting and logging in to the gateway'
        PortListening       = 'live: the gateway must run with the API enabled'
        PortLoopbackOnly    = 'live: a GUI checkbox or a firewall rule (Test-IbFirewallRule)'
        ApiHandshake        = 'live: depends on the running gateway'
        ServerTime          = 'live: the machine clock (w32tm, chronyc)'
        AccountsTradingMode = 'live: logging in with another account'
        HealthClientIdFree  = 'live: another client id for the checklist'
        DataFarms           = 'live: IBC''s RECONNECTDATA (Repair-IbApiConfiguration -IncludeLive)'
    }
}

AfterAll { Exit-IsolatedDiscovery }

Describe 'Remedies' {
    It 'covers every check of the checklist, each either with a failing fixture or a reason' {
        $checkIds = @([IbConfig.Core.Checks.Checklist]::All.Id)
        $covered = @($script:Failing.Keys) + @($script:NotACommand.Keys)
        $checkIds | Where-Object { $_ -notin $covered } | Should -BeNullOrEmpty -Because 'a new check needs a failing fixture here (or a reason)'
        $covered | Where-Object { $_ -notin $checkIds } | Should -BeNullOrEmpty
        $script:Failing.Keys | Where-Object { $_ -in $script:NotACommand.Keys } | Should -BeNullOrEmpty
    }

    It '<_> passes after its remedy runs on the settings that made it fail' -ForEach $checkIds {
        $id = $_
        if (-not $script:Failing.ContainsKey($id)) {
            Set-ItResult -Skipped -Because $script:NotACommand[$id]
            return
        }
        $savedSettingsPath = $env:TWS_SETTINGS_PATH
        try {
            $fixture = & $script:Failing[$id]
            $before = Test-IbApiConfiguration @fixture 6>$null | Where-Object Id -eq $id
            $before.Status | Should -BeIn 'Warn', 'Fail' -Because "the fixture must make $id fail ($($before.Actual))"
            $before.Remedy | Should -Not -BeNullOrEmpty
            $ConfirmPreference = 'None'
            $null = Invoke-Expression $before.Remedy 3>$null
            $after = Test-IbApiConfiguration @fixture 6>$null | Where-Object Id -eq $id
            $after.Status | Should -Be 'Pass' -Because "'$($before.Remedy)' should fix $id ($($after.Actual))"
        } finally {
            [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $savedSettingsPath)
        }
    }

    It 'the remedy of <_> names every store the checklist read' -ForEach @('ApiEnabled', 'LocalhostTrusted', 'AutoRestart') {
        $fixture = Copy-NeedsRepairSample
        $result = Test-IbApiConfiguration @fixture 6>$null | Where-Object Id -eq $_
        $result.Remedy | Should -BeLike "* -Path '$($fixture.Path)' -Profile '*ibg.xml' -IbcConfigPath '$($fixture.IbcConfigPath)'*"
    }
}
