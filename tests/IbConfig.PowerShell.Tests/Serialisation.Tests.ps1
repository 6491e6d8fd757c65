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
