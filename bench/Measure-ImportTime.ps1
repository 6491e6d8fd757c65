<#
.SYNOPSIS
    Times Import-Module IbConfig: the median of N fresh processes, each timing its own in-process import.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1 on the machine you care about.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-ImportTime.ps1 [-Processes 21] [-Breakdown]
    Each process starts clean (a loaded binary module cannot unload), so every run pays the first import a user pays.
    -Breakdown also times the parts one by one in each process (assemblies, then the manifest's format and type files),
    to show what costs the time. Target (issue 15): a median of 80 ms or less. ImportCpu is the processor time the
    import used (all threads): on a loaded machine it varies far less than the wall-clock Import.
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 1000)] [int] $Processes = 21,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1'),
    [switch] $Breakdown
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
. (Join-Path $PSScriptRoot '../tests/IbConfig.PowerShell.Tests/ChildPwsh.ps1')

# Runs in each child; prints one line of "name=milliseconds" pairs.
$probe = if ($Breakdown) {
    @'
$dir = Split-Path $args[0]
$w = [Diagnostics.Stopwatch]::StartNew()
$null = [Reflection.Assembly]::LoadFrom((Join-Path $dir 'IbConfig.Core.dll')); $null = [Reflection.Assembly]::LoadFrom((Join-Path $dir 'IbConfig.PowerShell.dll'))
$assemblies = $w.Elapsed.TotalMilliseconds
$w.Restart(); Import-Module $args[0]; $import = $w.Elapsed.TotalMilliseconds
$w.Restart(); $null = Get-Command -Module IbConfig; $commands = $w.Elapsed.TotalMilliseconds
"Assemblies=$assemblies ImportAfterAssemblies=$import GetCommand=$commands"
'@
} else {
    @'
$p = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $p.TotalProcessorTime
$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module $args[0]; $wall = $w.Elapsed.TotalMilliseconds
$p.Refresh(); "Import=$wall ImportCpu=$(($p.TotalProcessorTime - $cpu).TotalMilliseconds)"
'@
}

$runs = foreach ($i in 1..$Processes) {
    $child = Invoke-ChildPwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', "& { $probe } '$ModulePath'")
    if ($child.ExitCode -ne 0) { throw "Run $i failed: $($child.Error)" }
    $line = @($child.Output -split "`n" | Where-Object { $_ -match '=' })[-1]
    $fields = [ordered]@{}
    foreach ($pair in $line.Trim() -split ' ') { $name, $value = $pair -split '='; $fields[$name] = [double]::Parse($value, [cultureinfo]::InvariantCulture) }
    [pscustomobject]$fields
}

foreach ($name in $runs[0].PSObject.Properties.Name) {
    $sorted = @($runs.$name | Sort-Object)
    [pscustomobject]@{
        Measure   = $name
        MedianMs  = [math]::Round($sorted[[int]($sorted.Count / 2)], 1)
        MinMs     = [math]::Round($sorted[0], 1)
        MaxMs     = [math]::Round($sorted[-1], 1)
        Processes = $sorted.Count
    }
}
