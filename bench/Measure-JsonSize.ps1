<#
.SYNOPSIS
    Measures `Get-IbApiSetting | ConvertTo-Json -Depth 4` on the samples: characters and depth warnings.
.DESCRIPTION
    A measuring script, not a test: run it after ./build.ps1, and against another build's module to compare.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-JsonSize.ps1 [-ModulePath <other>/out/IbConfig/IbConfig.psd1]
    Runs in a fresh pwsh per module (a loaded binary module cannot unload). Sizes include the samples' paths, so compare
    runs made from the same folder. docs/serialisation.md records the figures.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1'),
    [ValidateRange(1, 100)] [int] $Depth = 4
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path
$samples = (Resolve-Path (Join-Path $PSScriptRoot '../samples')).Path
$cases = [ordered]@{
    'guide-layout (one store)'            = @{ Path = "$samples/guide-layout/jts.ini" }
    'real-layout + profile'               = @{ Path = "$samples/real-layout/jts.ini" }
    'real-layout + profile + IBC (differ)' = @{ Path = "$samples/real-layout/jts.ini"; IbcConfigPath = "$samples/ibc/config.ini" }
}
foreach ($name in $cases.Keys) {
    $arguments = $cases[$name]
    $settings = Get-IbApiSetting @arguments -WarningAction SilentlyContinue
    $json = $settings | ConvertTo-Json -Depth $Depth -WarningVariable depthWarnings -WarningAction SilentlyContinue
    [pscustomobject]@{ Input = $name; Characters = $json.Length; Compressed = ($settings | ConvertTo-Json -Depth $Depth -Compress -WarningAction SilentlyContinue).Length; DepthWarnings = @($depthWarnings).Count }
}
