<#
.SYNOPSIS
    Writes IbConfig.<version>.nupkg from the laid-out module with PSResourceGet; started by build.ps1 -Package in pwsh.
.DESCRIPTION
    Publish-PSResource only publishes to a registered repository, so this registers the output folder as a file
    repository under a unique name for the length of the call and unregisters it again, whatever happens: the user's
    own repositories are left as they were. Nothing goes to the network.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
$null = New-Item -ItemType Directory -Path $OutputPath -Force
$OutputPath = (Resolve-Path $OutputPath).Path
$version = (Import-PowerShellDataFile (Join-Path $ModulePath 'IbConfig.psd1')).ModuleVersion
$package = Join-Path $OutputPath "IbConfig.$version.nupkg"
if (Test-Path $package) { Remove-Item $package }  # a file repository refuses to publish a version it already holds

$repository = 'IbConfigBuild-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $repository -Uri $OutputPath -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $repository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
if (-not (Test-Path $package)) { throw "Publish-PSResource did not write $package." }
Write-Host "Package written: $package" -ForegroundColor Green
