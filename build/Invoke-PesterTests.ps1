<#
.SYNOPSIS
    Runs the Pester tests against the laid-out module; started by build.ps1 in a fresh pwsh process.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
$pesterVersion = '5.7.1'  # pinned: keep equal to build/tools.csproj
$pesterManifest = Join-Path $packages.Trim() "pester/$pesterVersion/tools/Pester.psd1"
if (-not (Test-Path $pesterManifest)) { throw "Pester $pesterVersion not found at $pesterManifest; run 'dotnet restore build/tools.csproj'." }
Import-Module $pesterManifest -Force

# The tests import the module from this path (tests/IbConfig.PowerShell.Tests/TestHelpers.ps1 reads it).
$env:IBCONFIG_MODULE_PATH = $ModulePath

$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config

@{ Passed = $result.PassedCount; Failed = $result.FailedCount; Skipped = $result.SkippedCount; NotRun = $result.NotRunCount } |
    ConvertTo-Json | Set-Content -Path $ResultPath -Encoding UTF8
if ($result.Result -ne 'Passed') { exit 1 }
exit 0
