<#
.SYNOPSIS
    Times Import-Module IbConfig: the median of N fresh processes, each timing its own in-process import.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1 on the machine you care about.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-ImportTime.ps1 [-Processes 21] [-Breakdown]
    Each process starts clean (a loaded binary module cannot unload), so every run pays the first import a user pays.
    Import is the wall-clock time; ImportCpu the processor time the import used (all threads), which varies far less
    on a loaded machine. Target (issue 15): a median Import of 80 ms or less.
    -Breakdown also imports, in alternating processes, the same module without its format and type files, the bare
    cmdlet assembly (no manifest), and an empty manifest (PowerShell's own cost of any Import-Module), so the
    differences show what each part costs.
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

# Runs in each child with the path to import; prints "wall cpu" in milliseconds.
$probe = @'
$p = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $p.TotalProcessorTime
$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module $args[0]; $wall = $w.Elapsed.TotalMilliseconds
$p.Refresh(); '{0} {1}' -f $wall.ToString([cultureinfo]::InvariantCulture), ($p.TotalProcessorTime - $cpu).TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)
'@

$layouts = [ordered]@{ 'IbConfig' = $ModulePath }
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-import-$([guid]::NewGuid().ToString('N'))"
try {
    if ($Breakdown) {
        $stripped = Join-Path $scratch 'IbConfig'
        $null = New-Item -ItemType Directory $stripped -Force
        Copy-Item (Join-Path (Split-Path $ModulePath) '*') $stripped -Recurse
        $manifest = Get-Content (Join-Path $stripped 'IbConfig.psd1') -Raw
        $manifest = $manifest -replace '(?s)FormatsToProcess\s*=\s*@\([^)]*\)', 'FormatsToProcess = @()' -replace '(?s)TypesToProcess\s*=\s*@\([^)]*\)', 'TypesToProcess = @()'
        Set-Content (Join-Path $stripped 'IbConfig.psd1') $manifest
        $empty = Join-Path $scratch 'Empty'
        $null = New-Item -ItemType Directory $empty
        Set-Content (Join-Path $empty 'Empty.psd1') "@{ ModuleVersion = '1.0' }"
        $layouts['WithoutFormatAndTypeFiles'] = Join-Path $stripped 'IbConfig.psd1'
        $layouts['AssemblyOnly'] = Join-Path $stripped 'IbConfig.PowerShell.dll'
        $layouts['EmptyManifest'] = Join-Path $empty 'Empty.psd1'
    }
    $wall = @{}; $cpu = @{}
    foreach ($name in $layouts.Keys) { $wall[$name] = @(); $cpu[$name] = @() }
    foreach ($i in 1..$Processes) {
        foreach ($name in $layouts.Keys) {  # alternating, so a burst of load on the machine hits every layout alike
            $child = Invoke-ChildPwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', "& { $probe } '$($layouts[$name])'")
            $line = @($child.Output -split "`n" | Where-Object { $_ -match '^[0-9.]+ [0-9.]+\s*$' })[-1]
            if ($child.ExitCode -ne 0 -or -not $line) { throw "Run $i of $name failed: $($child.Error)" }
            $w, $c = $line.Trim() -split ' '
            $wall[$name] += [double]::Parse($w, [cultureinfo]::InvariantCulture)
            $cpu[$name] += [double]::Parse($c, [cultureinfo]::InvariantCulture)
        }
    }
}
finally {
    if (Test-Path $scratch) { Remove-Item $scratch -Recurse -Force }
}

function Get-Median([double[]] $Values) { $sorted = @($Values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }

foreach ($name in $layouts.Keys) {
    [pscustomobject]@{
        Import          = $name
        MedianMs        = [math]::Round((Get-Median $wall[$name]), 1)
        MinMs           = [math]::Round(($wall[$name] | Measure-Object -Minimum).Minimum, 1)
        MedianCpuMs     = [math]::Round((Get-Median $cpu[$name]), 1)
        Processes       = $Processes
    }
}
