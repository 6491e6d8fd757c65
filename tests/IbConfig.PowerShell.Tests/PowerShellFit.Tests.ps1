# Issue 15, items 1-5: objects that survive serialisation, views that fit 120 columns, one name and type per concept,
# pipes and errors as a user expects, and help that describes outputs and inputs. Types are enumerated from the module
# itself, so an output type added later is covered without editing this file.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Get-ReachableType([type[]] $Roots) {
        # Every IbConfig type an output can hold: the [OutputType]s and, recursively, the types of their public properties.
        $seen = @{}
        $queue = New-Object System.Collections.Generic.Queue[type]
        foreach ($t in $Roots) { $queue.Enqueue($t) }
        while ($queue.Count) {
            $t = $queue.Dequeue()
            $inner = [Nullable]::GetUnderlyingType($t); if ($inner) { $t = $inner }
            if ($t.IsArray) { $queue.Enqueue($t.GetElementType()); continue }
            if ($t.IsGenericType) { foreach ($a in $t.GetGenericArguments()) { $queue.Enqueue($a) }; continue }
            if ($t.Namespace -notlike 'IbConfig*' -or $seen.ContainsKey($t.FullName)) { continue }
            $seen[$t.FullName] = $t
            if (-not $t.IsEnum) { foreach ($p in $t.GetProperties([System.Reflection.BindingFlags]'Public, Instance')) { $queue.Enqueue($p.PropertyType) } }
        }
        $seen.Values
    }

    $outputTypes = @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ } | Sort-Object FullName -Unique)
    $script:ReachableEnums = @(Get-ReachableType $outputTypes | Where-Object IsEnum | ForEach-Object FullName | Sort-Object)
    $script:OutputTypeCount = $outputTypes.Count
    $script:CmdletNames = @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    $script:RealLayout = Join-Path $script:SamplesPath 'real-layout/jts.ini'

    function Get-TextToken([string] $Text) { @($Text -split '\s+' | Where-Object { $_ }) }
}

AfterAll {
    Set-TestMachine $null
}

Describe 'Objects survive serialisation (Export-Clixml, remoting)' {
    It 'lets no output reach an enum: the module ships no type data, so an enum would serialise as its number' -ForEach @(@{ Enums = $script:ReachableEnums; Outputs = $script:OutputTypeCount }) {
        $Outputs | Should -BeGreaterThan 20 -Because 'the walk starts from every cmdlet''s [OutputType]'
        $Enums | Should -BeNullOrEmpty
    }

    It 'filters the checklist by status name after an Export-Clixml/Import-Clixml round-trip' {
        $checks = Test-IbApiConfiguration -Path $script:RealLayout
        $file = Join-Path TestDrive: 'checks.xml'
        $checks | Export-Clixml $file
        $back = Import-Clixml $file

        $failing = @($checks | Where-Object Status -eq Fail)
        $failing.Count | Should -BeGreaterThan 0 -Because 'the sample has no running gateway'
        @($back | Where-Object Status -eq Fail).Id | Should -Be $failing.Id
        @($back | Where-Object Status -ne Pass).Count | Should -Be @($checks | Where-Object Status -ne Pass).Count
        @($back | Where-Object Category -eq Live).Count | Should -Be @($checks | Where-Object Category -eq Live).Count
    }

    It 'keeps nested enums as names at remoting depth (a settings object''s values and their sources)' {
        $settings = Get-IbApiSetting -Path $script:RealLayout
        $back = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($settings, 3))
        $back.Layout | Should -Be 'Real'
        @($back.Values | Where-Object { $_.Source.Store -eq 'ProfileXml' }).Count | Should -Be @($settings.Values | Where-Object { $_.Source.Store -eq 'ProfileXml' }).Count
        @($back.Values)[0].Source.Store | Should -BeOfType [string]
    }
}

Describe 'Default views fit 120 columns' {
    It 'shows every remedy whole, no token cut, and no line over 120 columns' {
        $checks = @(Test-IbApiConfiguration -Path $script:RealLayout | Where-Object Remedy)
        $checks.Count | Should -BeGreaterThan 2
        $text = $checks | Out-String -Width 120
        $lines = $text -split '\r?\n'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $outputTokens = @{}; foreach ($token in Get-TextToken $text) { $outputTokens[$token] = $true }
        $flat = ($text -replace '\s+', ' ')
        foreach ($check in $checks) {
            foreach ($token in Get-TextToken $check.Remedy) { $outputTokens.ContainsKey($token) | Should -BeTrue -Because "'$token' of the $($check.Id) remedy must not be cut" }
            $flat | Should -BeLike "*Remedy: $(($check.Remedy -replace '\s+', ' ') -replace '([\[\]\*\?])', '`$1')*"
            if ($check.Remedy.Length -le 100) { @($lines | Where-Object { $_.Contains("Remedy: $($check.Remedy)") }).Count | Should -Be 1 -Because 'a short remedy is on one line' }
        }
    }

    It 'shows a remedy too long for one line across lines broken only between words' {
        $check = Test-IbApiConfiguration -Path $script:RealLayout | Where-Object { $_.Remedy.Length -gt 120 } | Select-Object -First 1
        $check | Should -Not -BeNullOrEmpty -Because 'the handshake remedy of a stopped gateway is long'
        $text = $check | Out-String -Width 120
        $remedyLines = @(($text -split '\r?\n') | Where-Object { $_ -match '^\s{8}\S' } | ForEach-Object Trim)
        ($remedyLines -join ' ') | Should -BeLike "*$($check.Remedy)*"
    }

    It 'shows Get-IbTrustedIp''s Path and sources whole' {
        $ips = Get-IbTrustedIp -Path $script:RealLayout
        $text = $ips | Out-String -Width 120
        foreach ($ip in $ips) {
            $text.Contains($ip.Path) | Should -BeTrue -Because "the path $($ip.Path) is shown whole"
            foreach ($source in $ip.Sources) { $text.Contains($source) | Should -BeTrue -Because "the source $source is shown whole" }
        }
    }

    It 'shows a long -Name TrustedIps list whole' {
        $addresses = 1..9 | ForEach-Object { "192.168.100.$_" }
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1,$($addresses -join ',')`n"
        $text = Get-IbApiSetting -Path $path -Name TrustedIps | Out-String -Width 120
        foreach ($address in $addresses) { (Get-TextToken $text) -replace ',$' | Should -Contain $address }
        $text | Should -BeLike "*$path*"
    }

    It 'shows what a value beat as a table of whole tokens within 120 columns' {
        $addresses = 1..9 | ForEach-Object { "192.168.100.$_" }
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1`ns.TrustedIPs=127.0.0.1,$($addresses -join ',')`n"
        $overridden = (Get-IbApiSetting -Path $path -WarningAction SilentlyContinue).Get('TrustedIps').Overridden
        $overridden.Location | Should -Be '[IBGateway] s.TrustedIPs'
        $text = $overridden | Out-String -Width 120
        @($text -split '\r?\n' | Where-Object Length -gt 120) | Should -BeNullOrEmpty
        foreach ($address in $addresses) { (Get-TextToken $text) -replace ',$' | Should -Contain $address }
        $text | Should -Match 'JtsIni +127\.0\.0\.1, 192\.168\.100\.1, .* +jts\.ini +3 \[IBGateway\] s\.TrustedIPs'
    }
}

Describe 'One name and one type per concept' {
    BeforeAll {
        $script:Commands = @(Get-Command -Module IbConfig -CommandType Cmdlet)
        function Get-ParameterElementType($Parameter) {
            $t = $Parameter.ParameterType
            if ($t.IsArray) { $t = $t.GetElementType() }
            $inner = [Nullable]::GetUnderlyingType($t); if ($inner) { $t = $inner }
            $t
        }
    }

    It 'names every time-out -TimeoutMs (an [int]); -TimeoutSec only beside it' {
        foreach ($cmd in $script:Commands) {
            $timeouts = @($cmd.Parameters.Keys | Where-Object { $_ -like 'Timeout*' })
            if (-not $timeouts) { continue }
            $timeouts | Should -Contain 'TimeoutMs' -Because "$($cmd.Name) has a time-out"
            $cmd.Parameters['TimeoutMs'].ParameterType | Should -Be ([int])
            $timeouts | Where-Object { $_ -notin 'TimeoutMs', 'TimeoutSec' } | Should -BeNullOrEmpty
        }
    }

    It 'gives <Concept> one type across every cmdlet' -ForEach @(
        @{ Concept = 'ReadOnlyApi'; Names = @('ReadOnlyApi'); Expected = [bool] }
        @{ Concept = 'Product'; Names = @('Product'); Expected = [IbConfig.Core.Settings.IbProduct] }
        @{ Concept = 'TradingMode'; Names = @('TradingMode', 'ExpectTradingMode'); Expected = [IbConfig.Core.Settings.TradingMode] }
        @{ Concept = 'Port'; Names = @('Port'); Expected = [int] }
        @{ Concept = 'ComputerName'; Names = @('ComputerName'); Expected = [string] }
    ) {
        $found = foreach ($cmd in $script:Commands) { foreach ($name in $Names) { if ($cmd.Parameters[$name]) { Get-ParameterElementType $cmd.Parameters[$name] } } }
        @($found).Count | Should -BeGreaterThan 1
        @($found | Sort-Object FullName -Unique) | Should -Be @($Expected)
    }

    It 'takes several ports and computers where the command probes or sends to each' -ForEach @(
        @{ Command = 'Test-IbPort' }, @{ Command = 'Test-IbConnection' }, @{ Command = 'Send-IbcCommand' }
    ) {
        $cmd = Get-Command $Command
        $cmd.Parameters['ComputerName'].ParameterType | Should -Be ([string[]])
        if ($Command -ne 'Send-IbcCommand') { $cmd.Parameters['Port'].ParameterType | Should -Be ([int[]]) }
    }

    It 'converts -TimeoutSec to the same time-out as -TimeoutMs, and refuses both at once' {
        $port = Get-FreeLoopbackPort
        $ms = Test-IbConnection -Port $port -TimeoutMs 1500 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $sec = Test-IbConnection -Port $port -TimeoutSec 2 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $ms | Should -Match 'time-out 1500 ms'
        $sec | Should -Match 'time-out 2000 ms'
        { Test-IbConnection -Port $port -TimeoutMs 1000 -TimeoutSec 1 } | Should -Throw -ErrorId 'AmbiguousParameterSet,IbConfig.PowerShell.Commands.TestIbConnectionCommand'
    }

    It 'tries several -Port values of Test-IbConnection in turn' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        try {
            $closed = Get-FreeLoopbackPort
            $result = Test-IbConnection -Port $closed, $sim.Port -SkipAccountData -TimeoutMs 5000
            $result.Success | Should -BeTrue
            $result.Port | Should -Be $sim.Port
        }
        finally { $sim | Stop-IbGatewaySimulator }
    }

    It 'still takes Any for -Product and -TradingMode of Test-IbPort' {
        $cmd = Get-Command Test-IbPort
        $cmd.Parameters['Product'].ParameterType | Should -Be ([IbConfig.Core.Settings.IbProduct[]])
        (Test-IbPort -Product Any -TradingMode Live -TimeoutMs 200 -ComputerName 127.0.0.1).Port | Should -Be @(7496, 4001)
        (Test-IbPort -Product Tws -TradingMode Paper, Live -TimeoutMs 200).Port | Should -Be @(7497, 7496)
    }

    It 'completes the ids of running simulators for -Id' {
        $sim = Start-IbGatewaySimulator -Port 0 -PassThru
        try {
            foreach ($command in 'Get-IbGatewaySimulator', 'Stop-IbGatewaySimulator') {
                $line = "$command -Id "
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain ([string]$sim.Id)
            }
        }
        finally { $sim | Stop-IbGatewaySimulator }
    }

    It 'completes the addresses trusted now for Remove-IbTrustedIp -IPAddress, and none for Add-IbTrustedIp' {
        $path = New-TestIni "[IBGateway]`nTrustedIPs=127.0.0.1,10.20.30.40`n"
        $line = "Remove-IbTrustedIp -Path '$path' -IPAddress 10."
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('10.20.30.40')
        $line = "Add-IbTrustedIp -Path '$path' -IPAddress 10."
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Where-Object { $_ -eq '10.20.30.40' } | Should -BeNullOrEmpty
    }

    It 'completes and accepts AllowOnlyLocalhost for -Name' {
        $line = 'Get-IbApiSetting -Name AllowOn'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('AllowOnlyLocalhost')
        $profileDir = Join-Path TestDrive: 'allow-profile/Jts/abcdefgh'
        $null = New-Item $profileDir -ItemType Directory -Force
        $ini = Join-Path (Split-Path $profileDir) 'jts.ini'
        Set-Content $ini "[IBGateway]`nSocketPort=4002`n[Logon]`nUserNameToDirectory=user,abcdefgh`n"
        Set-Content (Join-Path $profileDir 'ibg.xml') '<?xml version="1.0"?><SystemSettings><ApiSettings allowOnlyLocalhost="true" port="4002"/></SystemSettings>'
        Get-IbApiSetting -Path $ini -Name AllowOnlyLocalhost -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err | Should -BeNullOrEmpty
    }
}

Describe 'Pipes and errors' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'FakeIbcCommandServer.ps1')
        Set-FakeGatewayProcess @()
    }

    It 'gives one settings object per set-up for Find-IbConfig | Get-IbApiSetting' {
        $found = @(Find-IbConfig -Root (Split-Path $script:RealLayout) | Where-Object { $_ -is [IbConfig.Core.Discovery.IbConfigLocation] })
        $found.Count | Should -Be 2 -Because 'the sample has a jts.ini and a profile file'
        $settings = @(Find-IbConfig -Root (Split-Path $script:RealLayout) | Get-IbApiSetting)
        $settings.Count | Should -Be 1
        $settings[0].Path | Should -Be (Resolve-Path $script:RealLayout).Path
        $settings[0].ProfilePath | Should -Not -BeNullOrEmpty
    }

    It 'binds a command name piped to Send-IbcCommand by value' {
        $server = Start-FakeIbcCommandServer -Reply 'OK'
        try {
            $result = 'ReconnectData' | Send-IbcCommand -Port $server.Port -Confirm:$false
            $result.Command | Should -Be 'ReconnectData'
            @($server.Received) | Should -Be @('RECONNECTDATA')
        }
        finally { Stop-FakeIbcCommandServer $server }
    }

    It 'refuses several backups of one file piped into Restore-IbConfig, and restores the one picked' {
        $path = New-TestIni "[IBGateway]`ns.SocketPort=7497`n"
        $null = Backup-IbConfig -Path $path
        Set-Content $path "[IBGateway]`ns.SocketPort=4002`n" -NoNewline
        $null = Backup-IbConfig -Path $path
        Set-Content $path "[IBGateway]`ns.SocketPort=4001`n" -NoNewline
        $before = Get-FileBytesHex $path

        Get-IbConfigBackup -Path $path | Restore-IbConfig -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'SeveralBackupsForOneFile,IbConfig.PowerShell.Commands.RestoreIbConfigCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-FileBytesHex $path | Should -Be $before

        Get-IbConfigBackup -Path $path | Select-Object -First 1 | Restore-IbConfig -Confirm:$false
        Get-Content $path -Raw | Should -Match 's.SocketPort=4002'
    }

    It 'gives a typed error for <Case>' -ForEach @(
        @{ Case = 'Get-IbConfigBackup of a missing folder'; Command = { param($nope) Get-IbConfigBackup -Path (Join-Path $nope 'jts.ini') }; Id = 'ConfigBackupFolderNotFound,IbConfig.PowerShell.Commands.GetIbConfigBackupCommand' }
        @{ Case = 'Find-IbConfig -Root of a missing folder'; Command = { param($nope) Find-IbConfig -Root $nope }; Id = 'ConfigRootNotFound,IbConfig.PowerShell.Commands.FindIbConfigCommand' }
        @{ Case = 'Backup-IbConfig -WhatIf of a missing file'; Command = { param($nope) Backup-IbConfig -Path (Join-Path $nope 'jts.ini') -WhatIf }; Id = 'ConfigFileNotFound,IbConfig.PowerShell.Commands.BackupIbConfigCommand' }
    ) {
        $nope = Join-Path (Get-PSDrive TestDrive).Root 'nope'
        $ErrorActionPreference = 'Continue' # the test runner stops on errors; here the error is what is looked at
        $all = @(& $Command $nope 2>&1)
        $err = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be $Id
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($nope))
        $output | Should -BeNullOrEmpty -Because 'nothing exists, so nothing is listed or would be done'
    }

    It 'takes the time <Given> for -AutoRestartTime as <Expected>' -ForEach @(
        @{ Given = '23:55'; Expected = '23:55:00' }
        @{ Given = '23:55:30'; Expected = '23:55:30' }
        @{ Given = '11:55 PM'; Expected = '23:55:00' }
        @{ Given = [timespan]'23:40'; Expected = '23:40:00' }
        @{ Given = [datetime]'2026-01-02 23:45'; Expected = '23:45:00' }
    ) {
        $path = New-TestIni "[IBGateway]`ns.SocketPort=7497`n"
        Set-IbApiSetting -Path $path -AutoRestartTime $Given -Confirm:$false -WarningAction SilentlyContinue
        (Get-IbApiSetting -Path $path).AutoRestartTime | Should -Be ([timespan]$Expected)
    }

    It 'takes a time of day for Register-IbHealthCheckTask -At: today at that time' {
        $attribute = (Get-Command Register-IbHealthCheckTask).Parameters['At'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentTransformationAttribute] }
        $attribute.Transform($ExecutionContext, '6:30 PM') | Should -Be ([datetime]::Today.AddHours(18.5))
        $attribute.Transform($ExecutionContext, [timespan]'06:05') | Should -Be ([datetime]::Today.AddMinutes(365))
        $attribute.Transform($ExecutionContext, [datetime]'2026-03-01 07:00') | Should -Be ([datetime]'2026-03-01 07:00')
    }
}

Describe 'Help of <_> describes its outputs and inputs' -ForEach $script:CmdletNames {
    BeforeAll {
        $script:Command = Get-Command $_
        $script:Help = Get-Help $_ -Full
    }

    It 'describes every property of each output type' {
        foreach ($type in $script:Command.OutputType.Type | Where-Object { $_.Namespace -like 'IbConfig*' }) {
            $entry = @($script:Help.returnValues.returnValue) | Where-Object { $_.type.name -eq $type.FullName }
            $entry | Should -Not -BeNullOrEmpty -Because "$($type.FullName) is an output"
            $text = $entry.description | Out-String
            foreach ($property in $type.GetProperties([System.Reflection.BindingFlags]'Public, Instance')) {
                $text | Should -Match "(?m)^\s*$($property.Name) \[.+\]: \S" -Because "$($type.Name).$($property.Name) needs a meaning"
            }
        }
    }

    It 'describes each input with text, naming the module objects that bind' {
        foreach ($entry in @($script:Help.inputTypes.inputType)) {
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
            ($entry.description | Out-String) | Should -Not -Match 'Values bind by the parameters marked'
        }
    }
}

Describe 'The cmdlet reference in docs/cmdlets' {
    It 'names the real objects that bind: <Command> takes <Type>' -ForEach @(
        @{ Command = 'Restore-IbConfig'; Type = 'IbConfig.Core.Files.ConfigBackupInfo' }
        @{ Command = 'Get-IbApiSetting'; Type = 'IbConfig.Core.Discovery.IbConfigLocation' }
        @{ Command = 'Test-IbConnection'; Type = 'IbConfig.Core.Settings.IbApiSettings' }
        @{ Command = 'Send-IbcCommand'; Type = 'IbConfig.Core.Ibc.IbcCommand' }
    ) {
        @((Get-Help $Command -Full).inputTypes.inputType.type.name) | Should -Contain $Type
    }

    It 'has one page per cmdlet, identical to what the build generates from module/help' {
        $committed = Join-Path $script:RepoRoot 'docs/cmdlets'
        $generated = Join-Path $script:RepoRoot 'out/docs/cmdlets'
        $generated | Should -Exist
        $names = @(Get-ChildItem $generated -Filter *.md | ForEach-Object Name | Sort-Object)
        $names | Should -Be @(@(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object { "$($_.Name).md" }) + 'README.md' | Sort-Object)
        @(Get-ChildItem $committed -Filter *.md | ForEach-Object Name | Sort-Object) | Should -Be $names -Because 'run ./build.ps1 -UpdateDocs and commit docs/cmdlets'
        foreach ($name in $names) {
            [System.IO.File]::ReadAllText((Join-Path $committed $name)) | Should -BeExactly ([System.IO.File]::ReadAllText((Join-Path $generated $name))) -Because "docs/cmdlets/$name must match module/help (run ./build.ps1 -UpdateDocs)"
        }
    }
}
