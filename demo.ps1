<#
.SYNOPSIS
    The module's main job, end to end, on the built-in samples: what `./build.ps1 -Demo` runs after building.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$module = Get-Module IbConfig
Write-Host "IbConfig $($module.Version) loaded from $($module.ModuleBase)" -ForegroundColor Cyan
Get-Command -Module IbConfig | Sort-Object Noun, Verb | Format-Table Name, Noun -AutoSize | Out-String | Write-Host
