BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Get-AssemblyReferenceName([string] $Path) {
        # Reads the referenced assembly names from metadata, without loading the assembly into this process.
        $stream = [System.IO.File]::OpenRead($Path)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            foreach ($handle in $reader.AssemblyReferences) { $reader.GetString($reader.GetAssemblyReference($handle).Name) }
        }
        finally { $stream.Dispose() }
    }

    # The configuration that built the shipped assemblies: the one whose netstandard2.0 output has the same bytes.
    $shipped = Join-Path (Split-Path $script:ModuleManifestPath) 'IbConfig.PowerShell.dll'
    $script:BinRoot = foreach ($configuration in 'Release', 'Debug') {
        $candidate = Join-Path $script:RepoRoot "src/IbConfig.PowerShell/bin/$configuration/netstandard2.0/IbConfig.PowerShell.dll"
        if ((Test-Path $candidate) -and (Get-FileHash $candidate).Hash -eq (Get-FileHash $shipped).Hash) { $configuration; break }
    }
}

Describe 'The Windows PowerShell 5.1 (.NET Framework 4.7.2) compile check' {
    It 'is part of every build of the core and the cmdlets' {
        foreach ($project in 'IbConfig.Core', 'IbConfig.PowerShell') {
            $xml = [xml](Get-Content (Join-Path $script:RepoRoot "src/$project/$project.csproj") -Raw)
            @($xml.Project.PropertyGroup.TargetFrameworks | Where-Object { $_ }) -split ';' | Should -Contain 'net472'
        }
        $pins = [xml](Get-Content (Join-Path $script:RepoRoot 'Directory.Packages.props') -Raw)
        ($pins.Project.ItemGroup.PackageVersion | Where-Object Include -eq 'Microsoft.NETFramework.ReferenceAssemblies').Version | Should -Be '1.0.3'
    }

    It 'compiled the current sources against .NET Framework (mscorlib), in the build that made the shipped module' {
        $script:BinRoot | Should -Not -BeNullOrEmpty -Because 'the shipped IbConfig.PowerShell.dll comes from src/IbConfig.PowerShell/bin/<configuration>/netstandard2.0'
        $newestSource = Get-ChildItem (Join-Path $script:RepoRoot 'src/IbConfig.Core'), (Join-Path $script:RepoRoot 'src/IbConfig.PowerShell') -Recurse -Filter *.cs |
            Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]' | Sort-Object LastWriteTimeUtc | Select-Object -Last 1
        foreach ($project in 'IbConfig.Core', 'IbConfig.PowerShell') {
            $net472 = Join-Path $script:RepoRoot "src/$project/bin/$($script:BinRoot)/net472/$project.dll"
            $net472 | Should -Exist
            (Get-Item $net472).LastWriteTimeUtc | Should -BeGreaterOrEqual $newestSource.LastWriteTimeUtc -Because "$project must compile for net472 from the sources as they are"
            Get-AssemblyReferenceName $net472 | Should -Contain 'mscorlib'
            Get-AssemblyReferenceName $net472 | Should -Not -Contain 'netstandard'
        }
    }

    It 'ships only the netstandard2.0 assemblies' {
        $dir = Split-Path $script:ModuleManifestPath
        foreach ($name in 'IbConfig.Core.dll', 'IbConfig.PowerShell.dll') {
            Get-AssemblyReferenceName (Join-Path $dir $name) | Should -Contain 'netstandard'
        }
    }
}
