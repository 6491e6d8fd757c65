BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    $script:ModuleDir = Split-Path $script:ModuleManifestPath
    $script:Version = (Import-PowerShellDataFile $script:ModuleManifestPath).ModuleVersion
}

Describe 'The module folder as it ships' {
    It 'holds the MIT LICENSE and a manifest that names it, with release notes and tags' {
        Join-Path $script:ModuleDir 'LICENSE' | Should -FileContentMatch 'MIT License'
        Join-Path $script:ModuleDir 'LICENSE' | Should -FileContentMatch 'IbConfig contributors'
        $manifest = Import-PowerShellDataFile $script:ModuleManifestPath
        $manifest.Copyright | Should -Match 'MIT'
        $manifest.Copyright | Should -Not -Match 'All rights reserved'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Match "^$([regex]::Escape($script:Version)):"
        $manifest.PrivateData.PSData.Tags | Should -Contain 'InteractiveBrokers'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
    }
}

# Installing for the current user must not touch the real user's modules or repositories: the children get their own
# HOME (where pwsh and PSResourceGet keep both on Linux and macOS). Windows takes those folders from the
# shell, not the environment, so there the install test would change the real user's state: it runs off Windows only.
Describe 'The IbConfig package' -Skip:($env:OS -eq 'Windows_NT') {
    BeforeAll {
        $root = (Get-PSDrive TestDrive).Root
        $script:Packages = Join-Path $root 'packages'
        $script:IsolatedHome = $isolatedHome = Join-Path $root 'home'
        # .NET reports no ApplicationData folder until $HOME/.config exists, and NuGet (inside PSResourceGet) then writes
        # its NuGet.Config relative to the current directory: create the folders a real home has.
        $null = New-Item -ItemType Directory -Force (Join-Path $isolatedHome '.config'), (Join-Path $isolatedHome '.local/share')
        # PSResourceGet installs under $HOME whatever XDG_DATA_HOME says, so the XDG variables are dropped, not redirected.
        $script:Isolated = @{ HOME = $isolatedHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }
        # The same script ./build.ps1 -Package runs, on the module under test.
        $script:Publish = Invoke-ChildPwsh -Environment $script:Isolated -TimeoutSeconds 300 -ArgumentList @('-NoProfile', '-NonInteractive',
            '-File', (Join-Path $script:RepoRoot 'build/Publish-IbConfigPackage.ps1'), '-ModulePath', $script:ModuleDir, '-OutputPath', $script:Packages)
        $script:Nupkg = Join-Path $script:Packages "IbConfig.$($script:Version).nupkg"
    }

    It 'is written as IbConfig.<version>.nupkg by Publish-PSResource, with the module, its LICENSE and help, and nothing else' {
        $script:Publish.ExitCode | Should -Be 0 -Because $script:Publish.Error
        $script:Nupkg | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try {
            $entries = @($zip.Entries.FullName)
            $nuspec = [System.IO.StreamReader]::new($zip.GetEntry('IbConfig.nuspec').Open()).ReadToEnd()
        }
        finally { $zip.Dispose() }
        foreach ($file in 'IbConfig.psd1', 'IbConfig.Core.dll', 'IbConfig.PowerShell.dll', 'LICENSE', 'en-US/about_IbConfig.help.txt', 'en-US/IbConfig.PowerShell.dll-Help.xml') {
            $entries | Should -Contain $file
        }
        @($entries | Where-Object { $_ -like '*.dll' }) | Should -HaveCount 2
        $nuspec | Should -Match "<version>$([regex]::Escape($script:Version))</version>"
        $nuspec | Should -Match '<releaseNotes>'
        $nuspec | Should -Match '<tags>[^<]*InteractiveBrokers'
    }

    It 'installs by name from a file repository and imports by name in a fresh pwsh' {
        $repository = 'IbConfigTest-' + [guid]::NewGuid().ToString('N')
        $install = Invoke-ChildPwsh -Environment $script:Isolated -TimeoutSeconds 300 -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name '$repository' -Uri '$($script:Packages)' -Trusted
try { Install-PSResource -Name IbConfig -Repository '$repository' -TrustRepository -Scope CurrentUser -Quiet }
finally { Unregister-PSResourceRepository -Name '$repository' }
'Installed=' + (Get-InstalledPSResource -Name IbConfig).InstalledLocation
'Repositories=' + ((Get-PSResourceRepository).Name -join ',')
"@)
        $install.ExitCode | Should -Be 0 -Because $install.Error
        $install.Output | Should -Match ([regex]::Escape("Installed=$($script:IsolatedHome)"))
        $install.Output | Should -Not -Match $repository -Because 'the test repository is unregistered again'

        $sample = Join-Path $script:SamplesPath 'guide-layout/jts.ini'
        $use = Invoke-ChildPwsh -Environment $script:Isolated -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', @"
`$ErrorActionPreference = 'Stop'
Import-Module IbConfig
'Base=' + (Get-Module IbConfig).ModuleBase
'Version=' + (Get-Module IbConfig).Version
'Port=' + (Get-IbApiSetting -Path '$sample').SocketPort
"@)
        $use.ExitCode | Should -Be 0 -Because $use.Error
        $use.Output | Should -Match ([regex]::Escape("Base=$($script:IsolatedHome)"))
        $use.Output | Should -Match "Version=$([regex]::Escape($script:Version))"
        $use.Output | Should -Match 'Port=7497'
    }
}
