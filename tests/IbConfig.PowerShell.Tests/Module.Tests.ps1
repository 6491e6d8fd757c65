BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:CmdletNames = @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Manifest = Import-PowerShellDataFile $script:ModuleManifestPath
}

Describe 'The IbConfig module layout' {
    It 'has a valid manifest for Desktop and Core editions on PowerShell 5.1 and later' {
        $info = Test-ModuleManifest $script:ModuleManifestPath
        $info.PowerShellVersion | Should -Be ([version]'5.1')
        $script:Manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $script:Manifest.Description.Length | Should -BeGreaterThan 40
    }

    It 'exports exactly the cmdlets the assembly defines, listed without wildcards' {
        $assembly = (Get-Module IbConfig).ImplementingAssembly
        $defined = @($assembly.GetExportedTypes() |
            Where-Object { -not $_.IsAbstract -and $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
            Sort-Object)
        $listed = @($script:Manifest.CmdletsToExport | Sort-Object)
        $listed | Where-Object { $_ -match '\*' } | Should -BeNullOrEmpty
        $listed | Should -Be $defined
        @(Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object Name | Sort-Object) | Should -Be $defined
    }

    It 'ships only its own assemblies (the host owns PowerShell and the BCL)' {
        $dir = Split-Path $script:ModuleManifestPath
        @(Get-ChildItem $dir -Filter *.dll | ForEach-Object Name | Sort-Object) | Should -Be @('IbConfig.Core.dll', 'IbConfig.PowerShell.dll')
    }

    It 'loads every format file it lists' {
        foreach ($file in $script:Manifest.FormatsToProcess) {
            Join-Path (Split-Path $script:ModuleManifestPath) $file | Should -Exist
        }
    }

    It 'ships one format file and no types file, as Import-Module pays for each file it loads' {
        @($script:Manifest.FormatsToProcess) | Should -Be @('IbConfig.format.ps1xml')
        $script:Manifest.ContainsKey('TypesToProcess') | Should -BeFalse
        $dir = Split-Path $script:ModuleManifestPath
        @(Get-ChildItem $dir -Filter *.ps1xml | ForEach-Object Name) | Should -Be @('IbConfig.format.ps1xml')
    }

    It 'loads every view of module/*.format.ps1xml, for the type it was written for' {
        $sources = @(Get-ChildItem (Join-Path $script:RepoRoot 'module') -Filter *.format.ps1xml)
        $sources.Count | Should -BeGreaterThan 1
        $written = foreach ($file in $sources) {
            foreach ($view in ([xml](Get-Content $file.FullName -Raw)).Configuration.ViewDefinitions.View) {
                foreach ($type in $view.ViewSelectedBy.TypeName) { "$type/$($view.Name)" }
            }
        }
        $loaded = foreach ($data in Get-FormatData -TypeName 'IbConfig.*', 'Deserialized.IbConfig.*') {
            foreach ($type in $data.TypeNames) { foreach ($view in $data.FormatViewDefinition) { "$type/$($view.Name)" } }
        }
        @($written).Count | Should -BeGreaterThan 20
        @($written | Where-Object { $_ -notin @($loaded) }) | Should -BeNullOrEmpty
    }

    It 'keeps no hand-written type data in module/: the module ships no types file' {
        @(Get-ChildItem (Join-Path $script:RepoRoot 'module') -Filter *.types.ps1xml) | Should -BeNullOrEmpty
    }

    It 'ships the about_IbConfig topic' {
        Get-Help about_IbConfig -ErrorAction Stop | Out-String | Should -Match 'IbConfig'
    }
}

Describe 'Cmdlet <_> follows the module conventions' -ForEach $script:CmdletNames {
    BeforeAll {
        $script:Command = Get-Command $_
        $script:Help = Get-Help $_ -Full
    }

    It 'uses an approved verb and an Ib noun' {
        (Get-Verb).Verb | Should -Contain $script:Command.Verb
        $script:Command.Noun | Should -Match '^Ib'
    }

    It 'declares its output type' {
        $script:Command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'has a synopsis and a description' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Synopsis | Should -Not -Match '^\s*Get-|^\s*Set-'
        ($script:Help.description | Out-String).Trim().Length | Should -BeGreaterThan 40
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in $script:Command.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $p = $script:Help.parameters.parameter | Where-Object name -eq $name
            ($p.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has at least two examples that name the cmdlet' {
        @($script:Help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $script:Help.examples.example) { $example.code | Should -Match $script:Command.Name }
    }

    It 'supports -WhatIf and -Confirm when it writes' {
        if ($script:Command.Verb -in 'Set', 'Add', 'Remove', 'Restore', 'Backup', 'Start', 'Stop', 'Register', 'Unregister', 'Send') {
            $script:Command.Parameters.Keys | Should -Contain 'WhatIf'
            $script:Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}
