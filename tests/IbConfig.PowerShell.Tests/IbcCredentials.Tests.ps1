# IBC's config.ini holds the login (IbLoginId, IbPassword, ...): no IbConfig command may show, log or copy those values.
# Every command that touches the file runs with every stream on (-Verbose, $DebugPreference = 'Continue' (-Debug would
# prompt in a non-interactive host), -InformationAction Continue, warnings and errors) and all six streams merged (*>&1); the captured records, the output objects serialised, every file name and
# every file the command wrote (backups included) must be free of the credential values.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SettingsTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'StoreTestHelpers.ps1')
    Set-FakeGatewayProcess

    function Invoke-Captured([scriptblock] $Run) {
        # Runs $Run with every stream switched on and returns all six streams' records, in order.
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
        $WarningPreference = 'Continue'; $ErrorActionPreference = 'Continue'; $ConfirmPreference = 'None'
        @(& $Run *>&1)
    }

    function Get-CapturedText([object[]] $Records) {
        # Everything a user or a log could see: each record's text, and each object in full (formatted and as JSON).
        $texts = foreach ($record in $Records) {
            if ($record -is [System.Management.Automation.ErrorRecord]) { "$record"; "$($record.Exception.Message)"; "$($record.TargetObject)"; "$($record.ErrorDetails)" }
            elseif ($record -is [System.Management.Automation.InformationalRecord]) { $record.Message }
            elseif ($record -is [System.Management.Automation.InformationRecord]) { "$($record.MessageData)" }
            else { $record | Out-String -Width 4096; $record | Format-List * -Force | Out-String -Width 4096; $record | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue }
        }
        $texts -join "`n"
    }

    function Assert-NoSecret([string] $Text, [string] $Because) {
        foreach ($secret in $script:IbcSecrets) { $Text | Should -Not -Match ([regex]::Escape($secret)) -Because $Because }
    }
}

AfterAll { Reset-GatewayProcess }

Describe 'IBC credentials never leave config.ini' {
    It '<Name> shows no credential in any stream, object, file name or written file' -ForEach @(
        @{ Name = 'Get-IbApiSetting (effective)'; Command = { param($f) Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Verbose -InformationAction Continue } }
        @{ Name = 'Get-IbApiSetting -Source Ibc'; Command = { param($f) Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Source Ibc -Verbose -InformationAction Continue } }
        @{ Name = 'Get-IbApiSetting -Name *'; Command = { param($f) Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Name * -Verbose -InformationAction Continue } }
        @{ Name = 'Get-IbApiSetting -Conflicts'; Command = { param($f) Get-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Conflicts -Verbose -InformationAction Continue } }
        @{ Name = 'Get-IbApiSetting with config.ini as -Path'; Command = { param($f) Get-IbApiSetting -Path $f.Ibc -Verbose -InformationAction Continue } }
        @{ Name = 'Set-IbApiSetting -Target Ibc'; Command = { param($f) Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc -SocketPort 4012 -ReadOnlyApi $true -AutoRestartTime 23:45 -Verbose -InformationAction Continue } }
        @{ Name = 'Set-IbApiSetting -WhatIf'; Command = { param($f) Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target All -SocketPort 4012 -WhatIf -Verbose -InformationAction Continue } }
        @{ Name = 'Set-IbApiSetting with bad values'; Command = { param($f) Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc -SocketPort 4001 -AutoLogoffTime 25:00 -Verbose -InformationAction Continue } }
        @{ Name = 'Set-IbApiSetting -PassThru'; Command = { param($f) Set-IbApiSetting -Path $f.JtsIni -IbcConfigPath $f.Ibc -MasterClientId 3 -Target All -PassThru -Verbose -InformationAction Continue } }
        @{ Name = 'Add-IbTrustedIp -Target Ibc'; Command = { param($f) Add-IbTrustedIp 192.168.1.50, 'not-an-ip' -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target Ibc -PassThru -Verbose -InformationAction Continue } }
        @{ Name = 'Set-IbTrustedIp -Target All'; Command = { param($f) Set-IbTrustedIp 127.0.0.1, 10.0.0.9 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Target All -Verbose -InformationAction Continue } }
        @{ Name = 'Remove-IbTrustedIp'; Command = { param($f) Remove-IbTrustedIp 10.0.0.7 -Path $f.JtsIni -IbcConfigPath $f.Ibc -Verbose -InformationAction Continue } }
        @{ Name = 'Find-IbConfig'; Command = { param($f) $env:IBC_INI = $f.Ibc; Find-IbConfig -Root $f.Jts -IncludeMissing -Verbose -InformationAction Continue } }
        @{ Name = 'Backup-IbConfig and Get-IbConfigBackup'; Command = { param($f) Backup-IbConfig -Path $f.Ibc -Verbose -InformationAction Continue; Get-IbConfigBackup -Path $f.Ibc -Verbose -InformationAction Continue } }
        @{ Name = 'Restore-IbConfig'; Command = { param($f) Set-IbApiSetting -IbcConfigPath $f.Ibc -Path $f.JtsIni -Target Ibc -SocketPort 4012; Restore-IbConfig -Path $f.Ibc -Latest -Confirm:$false -PassThru -Verbose -InformationAction Continue } }
    ) {
        $f = New-StoreFixture
        $before = Get-FileHashes $f.Root
        $savedIbcIni = $env:IBC_INI
        try { $records = Invoke-Captured { & $Command $f } }
        finally { $env:IBC_INI = $savedIbcIni }

        $records | Should -Not -BeNullOrEmpty -Because 'every command here reports something (objects, verbose or errors)'
        Assert-NoSecret (Get-CapturedText $records) 'no stream may carry a credential'
        $after = Get-FileHashes $f.Root
        foreach ($path in $after.Keys) {
            Assert-NoSecret (Split-Path $path -Leaf) 'no file name may carry a credential'
            if ($before[$path] -eq $after[$path]) { continue }
            if ($path -eq (Get-Item $f.Ibc).FullName) {
                # config.ini itself must still hold its credentials, byte for byte on their lines.
                $lines = (Get-Text $path) -split "`n"
                $lines | Should -Contain 'IbLoginId=edemo4821'
                $lines | Should -Contain 'IbPassword=s3cr3t-Pa55word!'
                $lines | Should -Contain 'PaperTradingIbPassword=pap3r-Pa55word!'
                continue
            }
            Assert-NoSecret (Get-Text $path) "IbConfig wrote '$path'"
        }
    }

    It 'really captures all six streams (the check above cannot pass by seeing nothing)' {
        $records = Invoke-Captured {
            Write-Output 'o'; Write-Error 'e'; Write-Warning 'w'; Write-Verbose 'v'; Write-Debug 'd'; Write-Information 'i'
        }
        Get-CapturedText $records | Should -Match '(?s)o.*e.*w.*v.*d.*i'
    }

    It 'would catch a credential in a written file' {
        $f = New-StoreFixture
        Copy-Item $f.Ibc (Join-Path $f.Root 'copy.ini')
        { Assert-NoSecret (Get-Text (Join-Path $f.Root 'copy.ini')) 'a plain copy holds the password' } | Should -Throw
    }
}
