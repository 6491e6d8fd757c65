<#
.SYNOPSIS
    Makes a ReadyToRun copy of the pwsh running this script, to time Import-Module as users' pwsh runs it.
.DESCRIPTION
    The pwsh this repository uses is the `PowerShell` .NET tool from NuGet, whose assemblies are IL only: the first
    Import-Module in a process JIT-compiles PowerShell's own module, manifest and format loaders. The pwsh users install
    (MSI, winget, the Microsoft Store, the deb/rpm packages) ships those assemblies precompiled (ReadyToRun), so its first
    import is much cheaper (docs/import-time.md). This script copies $PSHOME to -Destination and compiles PowerShell's
    main assemblies there with crossgen2 (restored from NuGet for the running .NET version by ReadyToRunPwsh/), so
    bench/Measure-ImportTime.ps1 can run under both:
        dotnet tool run pwsh -NoProfile -File ./bench/New-ReadyToRunPwsh.ps1
        dotnet out/pwsh-r2r/pwsh.dll -NoProfile -File ./bench/Measure-ImportTime.ps1 -Processes 21
    A timing aid only: nothing ships or tests with it.
#>
[CmdletBinding()]
param(
    [string] $Destination = (Join-Path $PSScriptRoot '../out/pwsh-r2r')
)

$ErrorActionPreference = 'Stop'
$runtime = [Environment]::Version.ToString(3)
$rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$framework = [System.IO.Path]::GetDirectoryName([object].Assembly.Location)

& dotnet restore (Join-Path $PSScriptRoot 'ReadyToRunPwsh/ReadyToRunPwsh.proj') "-p:Crossgen2Version=$runtime" "-p:Crossgen2Rid=$rid" --nologo -v quiet
if ($LASTEXITCODE) { throw "Could not restore Microsoft.NETCore.App.Crossgen2.$rid $runtime from NuGet." }
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$crossgen = Get-ChildItem (Join-Path $packages "microsoft.netcore.app.crossgen2.$rid/$runtime/tools") -Filter 'crossgen2*' |
    Where-Object { $_.Name -in 'crossgen2', 'crossgen2.exe' } | Select-Object -First 1
if (-not $crossgen) { throw "crossgen2 is not in the restored package under $packages." }

$Destination = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Destination)
if (Test-Path $Destination) { Remove-Item $Destination -Recurse -Force }
Copy-Item $PSHOME $Destination -Recurse
# What a first Import-Module runs: the engine, the host, and the modules every session loads.
$assemblies = 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'Microsoft.PowerShell.SDK', 'Newtonsoft.Json', 'pwsh'
foreach ($name in $assemblies) {
    $output = & $crossgen.FullName (Join-Path $PSHOME "$name.dll") -o (Join-Path $Destination "$name.dll") -r "$framework/*.dll" -r "$PSHOME/*.dll" --targetos ([System.Runtime.InteropServices.RuntimeInformation]::OSDescription -match 'Windows' ? 'windows' : ($IsMacOS ? 'osx' : 'linux')) --targetarch ([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()) -O 2>&1
    if ($LASTEXITCODE) { throw "crossgen2 failed on $name.dll: $output" }
    Write-Verbose "$name.dll compiled ReadyToRun"
}
Write-Host "ReadyToRun pwsh in $Destination; run: dotnet $(Join-Path $Destination 'pwsh.dll') -NoProfile -File ./bench/Measure-ImportTime.ps1"
