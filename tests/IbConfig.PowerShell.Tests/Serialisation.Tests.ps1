# Issue 15, item 1: outputs read the same in JSON, after Export-Clixml/Import-Clixml and live. Statuses, kinds and
# categories are names, times are text, and filters by name or by enum value keep working (docs/serialisation.md).
# The property list comes from the module itself, so a property added later is covered without editing this file.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SerialisationTestHelpers.ps1')
    $script:OutputTypes = @(Get-ReachableOutputType | ForEach-Object { @{ Type = $_; Name = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SerialisationTestHelpers.ps1')

    function Copy-Sample([string] $Name) {
        # A sample settings folder in a fresh TestDrive folder; returns the folder.
        $root = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
        Copy-Item -LiteralPath (Join-Path $script:SamplesPath $Name) -Destination $root -Recurse
        $root
    }

    function Round-Trip($InputObject) {
        # Export-Clixml then Import-Clixml, as a scheduled job's log or a remoting session would.
        $file = Join-Path (Get-PSDrive TestDrive).Root "$([guid]::NewGuid().ToString('N')).xml"
        $InputObject | Export-Clixml -LiteralPath $file
        Import-Clixml -LiteralPath $file
    }
}

AfterAll { Set-TestMachine $null }

Describe 'Output properties JSON can write by name' {
    It 'no public property of <Name> is an enum or a TimeSpan' -ForEach $script:OutputTypes {
        $offending = @($Type.GetProperties([System.Reflection.BindingFlags]'Public, Instance') | Where-Object { Test-JsonUnfriendlyType $_.PropertyType } |
            ForEach-Object { "$($_.Name) ($($_.PropertyType))" })
        $offending | Should -BeNullOrEmpty -Because 'ConvertTo-Json writes an enum as its number and a TimeSpan as 15 fields: expose the name or the text (docs/serialisation.md)'
    }

    It 'the type check catches an enum, a nullable TimeSpan and a list of enums' {
        # Guards the check above.
        Test-JsonUnfriendlyType ([IbConfig.Core.Checks.IbCheckStatus]) | Should -BeTrue
        Test-JsonUnfriendlyType ([Nullable[TimeSpan]]) | Should -BeTrue
        Test-JsonUnfriendlyType ([System.Collections.Generic.List[IbConfig.Core.Settings.SettingStore]]) | Should -BeTrue
        Test-JsonUnfriendlyType ([string[]]) | Should -BeFalse
    }
}

Describe 'Get-IbApiSetting | ConvertTo-Json -Depth 4' {
    BeforeAll {
        $script:GuideDir = Copy-Sample 'guide-layout'
        $script:Settings = Get-IbApiSetting -Path (Join-Path $script:GuideDir 'jts.ini')
        $script:Json = $script:Settings | ConvertTo-Json -Depth 4 -Compress -WarningVariable jsonWarnings -WarningAction SilentlyContinue
        $script:JsonWarnings = $jsonWarnings
    }

    It 'writes the layout by name and the times as text, the typed properties and the values alike' {
        $script:Json | Should -Match '"Layout":"Guide"'
        $script:Json | Should -Match '"AutoRestartTime":"23:55:00"'
        $script:Json | Should -Match '"AutoLogoffTime":"23:50:00"'
        $script:Json | Should -Match '"Name":"AutoRestartTime","Text":"23:55:00","Value":"23:55:00"'
        $script:Json | Should -Match '"Store":"JtsIni"'
        $script:Json | Should -Not -Match '"Ticks":' -Because 'a TimeSpan expands into Ticks, Days, ... TotalSeconds'
        @(Find-JsonUnfriendlyValue $script:Settings) | Should -BeNullOrEmpty
    }

    It 'warns of no truncation and stays compact' {
        $script:JsonWarnings | Should -BeNullOrEmpty
        # Without the folder's path (its length depends on the machine), the settings of one jts.ini take 5,050 characters;
        # with each time expanded into 15 fields and the layout and stores as numbers they took 6,210 (main before issue 15).
        $script:Json.Replace($script:GuideDir, '').Length | Should -BeLessThan 5500
    }

    It 'still pipes into Set-IbApiSetting: the text times bind to its time parameters and change nothing' {
        $path = Join-Path (Copy-Sample 'guide-layout') 'jts.ini'
        $before = Get-FileBytesHex $path
        $results = @(Get-IbApiSetting -Path $path | Set-IbApiSetting)
        $results.Status | Should -Be 'Unchanged'
        Get-FileBytesHex $path | Should -Be $before
        $changed = @([pscustomobject]@{ Path = $path; AutoRestartTime = '23:57:00' } | Set-IbApiSetting)
        $changed.Status | Should -Be 'Changed' -Because 'a time as text binds by property name'
        (Get-IbApiSetting -Path $path).AutoRestartTime | Should -Be '23:57:00'
    }

    It 'reads back from JSON with names that filter and times that convert' {
        $back = $script:Json | ConvertFrom-Json
        $back.Layout | Should -Be 'Guide'
        [TimeSpan]$back.AutoRestartTime | Should -Be ([TimeSpan]'23:55')
        @($back.Values | Where-Object { $_.Source.Store -eq 'JtsIni' }).Count | Should -Be @($script:Settings.Values).Count
    }
}

Describe 'Get-IbApiSetting | ConvertTo-Json -Depth 4 in every shape of settings' {
    # Issue 15: what a value beat and what a conflict lists are flat records, so -Depth 4 writes every case whole.
    # Bounds: the size measured for this change (docs/serialisation.md, paths removed) plus about 10 %; nesting full values
    # again, as before, costs 2,600 to 7,800 more characters in the cases with overrides and fails them.
    BeforeDiscovery {
        $script:Shapes = @(
            @{ Case = 'one store'; Bound = 8000 }
            @{ Case = 'profile-only values'; Bound = 7500 }
            @{ Case = 'three stores agreeing'; Bound = 8300 }
            @{ Case = 'three stores differing'; Bound = 14700 }
            @{ Case = 'IBC overriding'; Bound = 5500 }
            @{ Case = 'warnings'; Bound = 4000 }
        )
    }

    BeforeAll {
        $script:CaseRoot = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:CaseRoot
        $script:Cases = New-SettingsJsonCase -Root $script:CaseRoot -SamplesPath $script:SamplesPath
        $script:Read = @{}
        foreach ($name in $script:Cases.Keys) {
            $arguments = $script:Cases[$name]
            $settings = Get-IbApiSetting @arguments -WarningAction SilentlyContinue
            $json = $settings | ConvertTo-Json -Depth 4 -WarningVariable depthWarnings -WarningAction SilentlyContinue
            $script:Read[$name] = @{ Settings = $settings; Json = $json; DepthWarnings = @($depthWarnings) }
        }
    }

    It 'writes <Case> without a depth warning' -ForEach $script:Shapes {
        $script:Read[$Case].DepthWarnings | Should -BeNullOrEmpty
        $script:Read[$Case].Json | Should -Not -Match '"IbConfig\.Core\.' -Because 'a truncated object would be written as its type name'
    }

    It 'reads <Case> back from JSON with the values, sources, losers, conflicts and warnings a user filters on' -ForEach $script:Shapes {
        $live = $script:Read[$Case].Settings
        $back = $script:Read[$Case].Json | ConvertFrom-Json
        Get-SettingsFingerprint $back | Should -Be @(Get-SettingsFingerprint $live)
    }

    It 'keeps <Case> within <Bound> characters' -ForEach $script:Shapes {
        $script:Read[$Case].Json.Replace($script:CaseRoot, '').Length | Should -BeLessThan $Bound
    }

    It 'has what each case is about' {
        # Guards the cases above: each shape really is there.
        $r = $script:Read
        $r['one store'].Settings.Values.Source.Store | Select-Object -Unique | Should -Be 'JtsIni'
        $r['profile-only values'].Settings.Get('AllowOnlyLocalhost').Source.Store | Should -Be 'ProfileXml'
        $agree = $r['three stores agreeing'].Settings
        @($agree.Conflicts) | Should -HaveCount 0
        @($agree.Get('TrustedIps').Overridden.Store) | Should -Be @('ProfileXml', 'JtsIni')
        @($r['three stores differing'].Settings.Conflicts.Setting) | Should -Be @('TrustedIps', 'BypassOrderPrecautions')
        @($r['warnings'].Settings.Warnings.Code | Sort-Object) | Should -Be @('IniMissingEquals', 'InvalidValue', 'InvalidValue', 'TrustedIpsDisagree')
    }

    It 'lists a loser''s own losers flat: IBC beat jts.ini''s TrustedIPs, which beat the guide''s s.TrustedIPs' {
        $back = $script:Read['IBC overriding'].Json | ConvertFrom-Json
        $trusted = $back.Values | Where-Object Name -eq TrustedIps
        $trusted.Source.Store | Should -Be 'Ibc'
        @($trusted.Overridden | ForEach-Object { "$($_.Location)=$($_.Value)" }) | Should -Be @('[IBGateway] TrustedIPs=127.0.0.1,10.0.0.5', '[IBGateway] s.TrustedIPs=127.0.0.1')
        @($trusted.Overridden[0].psobject.Properties.Name) | Should -Be @('Store', 'Value', 'Path', 'Location', 'LineNumber', 'Problem')
        ($back.Conflicts | Where-Object Setting -eq SocketPort).Values.Store | Should -Be @('Ibc', 'JtsIni')
    }

    It 'filters by store name after Export-Clixml/Import-Clixml' {
        $arguments = $script:Cases['three stores differing']
        $live = Get-IbApiSetting @arguments -WarningAction SilentlyContinue
        $back = Round-Trip $live
        Get-SettingsFingerprint $back | Should -Be @(Get-SettingsFingerprint $live)
        @($back.Values | Where-Object { $_.Source.Store -eq 'Ibc' }).Name | Should -Be @($live.Values | Where-Object { $_.Source.Store -eq 'Ibc' }).Name
        @($back.Values.Overridden | Where-Object Store -eq ProfileXml).Location | Should -Be @('ApiSettings/String', 'ApiSettings/@port', 'ApiSettings/@readOnlyApi', 'ApiSettings/@overridePrecautionaryConstraints')
        $conflicts = Round-Trip (Get-IbApiSetting @arguments -Conflicts -WarningAction SilentlyContinue)
        @($conflicts | Where-Object EffectiveStore -eq Ibc).Setting | Should -Be @('TrustedIps', 'BypassOrderPrecautions')
        @($conflicts.Values | Where-Object Store -eq ProfileXml).Value | Should -Be @('127.0.0.1,10.0.0.5', 'false')
        ($conflicts | Out-String -Width 120) | Should -Match 'ProfileXml=false \(' -Because 'the view shows each record as its line after a round trip too'
    }

    It 'writes readable text, not type names, where the default depth (2) cuts' {
        $settings = $script:Read['three stores differing'].Settings
        $json = $settings | ConvertTo-Json -WarningVariable depthWarnings -WarningAction SilentlyContinue
        @($depthWarnings) | Should -HaveCount 1 -Because 'PowerShell 7 warns whenever -Depth cuts (docs/serialisation.md)'
        $json | Should -Not -Match '"IbConfig\.Core\.'
        $back = $json | ConvertFrom-Json
        $back.SocketPort | Should -Be 4002
        ($back.Values | Where-Object Name -eq SocketPort).Overridden | Should -Match '^ProfileXml=4002 \(.*ibg\.xml:5 ApiSettings/@port\)$'
        ($back.Conflicts | Where-Object Setting -eq BypassOrderPrecautions).Values | Should -Match '^Ibc=true \(.*config\.ini:36 BypassOrderPrecautions\) ProfileXml=false \('
    }

    It 'writes one -Name value whole at the default depth, and a list of them or of -Conflicts at -Depth 3' {
        # Several objects piped into ConvertTo-Json become one JSON array: one level more.
        $arguments = $script:Cases['three stores differing']
        $port = Get-IbApiSetting @arguments -Name SocketPort -WarningAction SilentlyContinue | ConvertTo-Json -WarningVariable oneWarnings -WarningAction SilentlyContinue
        $names = Get-IbApiSetting @arguments -Name SocketPort, TrustedIps -WarningAction SilentlyContinue | ConvertTo-Json -Depth 3 -WarningVariable nameWarnings -WarningAction SilentlyContinue
        $conflicts = Get-IbApiSetting @arguments -Conflicts -WarningAction SilentlyContinue | ConvertTo-Json -Depth 3 -WarningVariable conflictWarnings -WarningAction SilentlyContinue
        @($oneWarnings) + @($nameWarnings) + @($conflictWarnings) | Should -BeNullOrEmpty
        ($port | ConvertFrom-Json).Overridden.Store | Should -Be 'ProfileXml'
        ($names | ConvertFrom-Json).Source.Store | Should -Be @('Ibc', 'Ibc')
        @(($conflicts | ConvertFrom-Json).Values.Store) | Should -Be @('Ibc', 'ProfileXml', 'JtsIni', 'Ibc', 'ProfileXml')
    }
}

Describe 'Filters by name and by type, live and after Export-Clixml/Import-Clixml' {
    BeforeAll {
        $script:Checks = @(Test-IbApiConfiguration -Path (Join-Path (Copy-Sample 'real-layout') 'jts.ini') -Offline)
        $script:Back = @(Round-Trip $script:Checks)
        $script:FailIds = @($script:Checks | Where-Object { "$($_.Status)" -ceq 'Fail' } | ForEach-Object Id)
    }

    It 'has failures to find (the sample trusts no gateway that runs)' {
        $script:FailIds.Count | Should -BeGreaterThan 0
        $script:FailIds.Count | Should -BeLessThan $script:Checks.Count
    }

    It 'finds the failures by name in <Label>' -ForEach @(@{ Label = 'the live objects'; Live = $true }, @{ Label = 'the round-tripped objects'; Live = $false }) {
        $set = if ($Live) { $script:Checks } else { $script:Back }
        @($set | Where-Object Status -eq Fail).Id | Should -Be $script:FailIds
        @($set | Where-Object Status -ne Pass).Count | Should -Be @($script:Checks | Where-Object { "$($_.Status)" -cne 'Pass' }).Count
        @($set | Where-Object Status -in 'Fail', 'Warn').Count | Should -Be @($script:Checks | Where-Object { "$($_.Status)" -cin 'Fail', 'Warn' }).Count
        @($set | Where-Object Category -eq Live).Count | Should -Be @($script:Checks | Where-Object { "$($_.Category)" -ceq 'Live' }).Count
    }

    It 'finds the failures by enum value in <Label>' -ForEach @(@{ Label = 'the live objects'; Live = $true }, @{ Label = 'the round-tripped objects'; Live = $false }) {
        $set = if ($Live) { $script:Checks } else { $script:Back }
        @($set | Where-Object Status -eq ([IbConfig.Core.Checks.IbCheckStatus]::Fail)).Id | Should -Be $script:FailIds
        @($set | Where-Object { $_.Status -eq [IbConfig.Core.Checks.IbCheckStatus]::Fail }).Id | Should -Be $script:FailIds
        @($set | Where-Object { [IbConfig.Core.Checks.IbCheckStatus]::Fail -eq $_.Status }).Id | Should -Be $script:FailIds
        @($set | Where-Object { $_.Status -eq 'fail' }).Id | Should -Be $script:FailIds -Because 'PowerShell compares names without case'
    }

    It 'sorts by name, and by severity through the enum, in <Label>' -ForEach @(@{ Label = 'the live objects'; Live = $true }, @{ Label = 'the round-tripped objects'; Live = $false }) {
        $set = if ($Live) { $script:Checks } else { $script:Back }
        $names = @($set | Sort-Object Status | ForEach-Object { "$($_.Status)" })
        $names | Should -Be @($names | Sort-Object) -Because 'Status is text now: Sort-Object Status is alphabetical'
        $order = @($set | Sort-Object { [IbConfig.Core.Checks.IbCheckStatus]$_.Status } | ForEach-Object { [int][IbConfig.Core.Checks.IbCheckStatus]$_.Status })
        $order | Should -Be @($order | Sort-Object) -Because 'the enum cast sorts in the enum''s order'
        ($order | Select-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'keeps times convertible and exit codes numeric after a round-trip' {
        $settings = Get-IbApiSetting -Path (Join-Path (Copy-Sample 'guide-layout') 'jts.ini')
        $back = Round-Trip $settings
        [TimeSpan]$back.AutoRestartTime | Should -Be ([TimeSpan]'23:55')
        $back.Layout | Should -Be 'Guide'
        $record = Invoke-IbHealthCheck -Path (Join-Path (Copy-Sample 'real-layout') 'jts.ini') -Offline
        $record.ExitCode | Should -BeOfType [int]
        (Round-Trip $record).ExitCode | Should -Be $record.ExitCode
        $record.ExitCode | Should -Be ([int][IbConfig.Core.Checks.IbCheckExitCode]::Failures)
    }
}
