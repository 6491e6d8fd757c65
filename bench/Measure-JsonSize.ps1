<#
.SYNOPSIS
    Measures `Get-IbApiSetting | ConvertTo-Json -Depth 4` in six shapes of settings: characters and depth warnings.
.DESCRIPTION
    A measuring script, not a test: run it after ./build.ps1, and against another build's module to compare.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-JsonSize.ps1 [-ModulePath <other>/out/IbConfig/IbConfig.psd1] [-Depth 2]
    Runs in a fresh pwsh per module (a loaded binary module cannot unload). The cases are the Pester tests' own
    (tests/IbConfig.PowerShell.Tests/SerialisationTestHelpers.ps1), written to a temporary folder whose path is removed
    from the counts, so figures compare across machines. docs/serialisation.md records them.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1'),
    [ValidateRange(1, 100)] [int] $Depth = 4
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path
. (Join-Path $PSScriptRoot '../tests/IbConfig.PowerShell.Tests/SerialisationTestHelpers.ps1')
$env:IBC_INI = Join-Path ([IO.Path]::GetTempPath()) 'ibconfig-bench-no-ibc/config.ini'  # never a real IBC installation
$root = Join-Path ([IO.Path]::GetTempPath()) "ibconfig-json-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Path $root
try {
    $cases = New-SettingsJsonCase -Root $root -SamplesPath (Resolve-Path (Join-Path $PSScriptRoot '../samples')).Path
    foreach ($name in $cases.Keys) {
        $arguments = $cases[$name]
        $settings = Get-IbApiSetting @arguments -WarningAction SilentlyContinue
        $json = $settings | ConvertTo-Json -Depth $Depth -WarningVariable depthWarnings -WarningAction SilentlyContinue
        $compressed = $settings | ConvertTo-Json -Depth $Depth -Compress -WarningAction SilentlyContinue
        [pscustomobject]@{ Input = $name; Characters = $json.Replace($root, '').Length; Compressed = $compressed.Replace($root, '').Length; DepthWarnings = @($depthWarnings).Count }
    }
}
finally {
    Remove-Item -LiteralPath $root -Recurse -Force
}
