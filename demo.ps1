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

# --- Gateway simulator: a stand-in IB Gateway from a sample configuration, answering a real TWS API client. ---
& {
    # The guide's jts.ini decides the API settings; -Port 0 keeps clear of a real gateway on 7497.
    $settings = Join-Path $PSScriptRoot 'samples/guide-layout/jts.ini'
    $data = Join-Path $PSScriptRoot 'samples/simulator/paper-accounts.txt'
    $sim = Start-IbGatewaySimulator -Path $settings -Port 0 -DataPath $data -PassThru
    try {
        Write-Host "Gateway simulator $($sim.Id) listening on $($sim.ComputerName):$($sim.Port) for $($sim.Accounts -join ', ')" -ForegroundColor Cyan
        $sim | Test-IbConnection | Format-List | Out-String | Write-Host
        Get-IbGatewaySimulator -Id $sim.Id | Format-Table | Out-String | Write-Host
        Get-IbGatewaySimulator -Id $sim.Id -Event | Format-Table | Out-String | Write-Host
    } finally {
        Stop-IbGatewaySimulator -Id $sim.Id -Confirm:$false
    }
}
