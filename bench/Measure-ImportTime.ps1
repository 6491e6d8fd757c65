<#
.SYNOPSIS
    Times Import-Module IbConfig: cold (the first import in a fresh process), in a session (after another module was
    imported) and warm (fresh runspaces in a process that has imported it once), as medians over N fresh processes.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1 on the machine you care about.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-ImportTime.ps1 [-Processes 21] [-Runspaces 20] [-Breakdown] [-After <module>]
    Each process starts clean (a loaded binary module cannot unload) and imports once: that is the Cold import a bare
    `pwsh -File script.ps1` pays, PowerShell's own first-use work (JIT of its module and format loaders) included.
    -After <module> imports that module first, untimed: `-After PSReadLine` is what an interactive console has loaded
    before the user types, `-After Microsoft.PowerShell.Utility` what any script has once it used Measure-Command,
    Write-Host, Select-Object or ConvertTo-Json. The same process then imports the module into -Runspaces fresh
    runspaces: that Warm import is the module's own work (manifest, cmdlets, format data) with the JIT and the assembly
    loads already paid. Target (issue 15): 80 ms or less, in-process.
    Which pwsh runs matters most: the .NET tool this repository uses is IL only, while the pwsh users install is
    ReadyToRun. bench/New-ReadyToRunPwsh.ps1 makes a ReadyToRun copy; run this script under it to time what users get.
    On a shared machine, run it as root under `chrt -f 50` (Linux): the children then preempt other work, and wall
    times stop swinging with the load.
    Wall-clock times swing with the machine's load, so the script also reports what load does not change much: the
    processor time (all threads), the methods the JIT compiled and the bytes allocated during the cold import, and the
    1-minute load average (Linux) at the start and the end. See docs/import-time.md for measured figures.
    -CompareWith <manifest> also imports another build of the module (say, one laid out from main) in alternating
    processes: an A/B on the same load.
    -Breakdown also imports, in alternating processes, the module without its format file, the module exporting
    CmdletsToExport = '*' instead of its list of names, the bare cmdlet assembly (no manifest), a manifest with one tiny
    format file (what any module with a format file pays: PowerShell rebuilds its whole format table, built-in views
    included), a binary module of one cmdlet with that format file (the floor any binary module with views pays) and an
    empty manifest (PowerShell's own cost of any Import-Module), so the differences show what each part costs.
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 1000)] [int] $Processes = 21,
    [ValidateRange(0, 1000)] [int] $Runspaces = 20,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1'),
    [string] $CompareWith,
    [switch] $Breakdown,
    [string] $After
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
. (Join-Path $PSScriptRoot '../tests/IbConfig.PowerShell.Tests/ChildPwsh.ps1')

# Runs in each child with the path to import and the number of warm runspaces; prints one "RESULT ..." line:
# cold wall ms, cold cpu ms, JIT-compiled methods, allocated KB, warm median wall ms, warm mean cpu ms.
$probe = @'
$path = $args[0]; $runspaces = [int]$args[1]; $after = $args[2]; $inv = [cultureinfo]::InvariantCulture
if ($after) { Import-Module $after }
$p = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $p.TotalProcessorTime
$jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false); $alloc = [GC]::GetTotalAllocatedBytes($true)
$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module $path; $wall = $w.Elapsed.TotalMilliseconds
$p.Refresh(); $coldCpu = ($p.TotalProcessorTime - $cpu).TotalMilliseconds
$jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jit; $alloc = ([GC]::GetTotalAllocatedBytes($true) - $alloc) / 1KB
$warm = [Collections.Generic.List[double]]::new(); $warmCpu = [TimeSpan]::Zero
foreach ($i in 1..$runspaces) {
    if ($runspaces -eq 0) { break }
    $ps = [powershell]::Create()
    $null = $ps.AddScript('$null').Invoke()  # opens the runspace outside the timing
    $ps.Commands.Clear(); $null = $ps.AddCommand('Import-Module').AddArgument($path)
    $p.Refresh(); $before = $p.TotalProcessorTime; $w.Restart()
    $null = $ps.Invoke()
    $warm.Add($w.Elapsed.TotalMilliseconds); $p.Refresh(); $warmCpu += $p.TotalProcessorTime - $before
    if ($ps.HadErrors) { throw "Warm import $i failed: $($ps.Streams.Error[0])" }
    $ps.Runspace.Dispose(); $ps.Dispose()
}
$warm.Sort(); $warmMedian = if ($warm.Count) { $warm[[int][math]::Floor($warm.Count / 2)] } else { 0 }
$warmCpuMean = if ($warm.Count) { $warmCpu.TotalMilliseconds / $warm.Count } else { 0 }
'RESULT ' + (($wall, $coldCpu, $jit, $alloc, $warmMedian, $warmCpuMean | ForEach-Object { ([double]$_).ToString('0.0', $inv) }) -join ' ')
'@

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { [double]::Parse((Get-Content /proc/loadavg -Raw).Split(' ')[0], [cultureinfo]::InvariantCulture) }
}

$layouts = [ordered]@{ 'IbConfig' = $ModulePath }
if ($CompareWith) { $layouts['CompareWith'] = (Resolve-Path $CompareWith).Path }
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-import-$([guid]::NewGuid().ToString('N'))"
try {
    if ($Breakdown) {
        $formats = '(?s)FormatsToProcess\s*=\s*@\([^)]*\)'
        $cmdlets = '(?s)CmdletsToExport\s*=\s*@\([^)]*\)'
        $variants = [ordered]@{
            'WithoutFormatFile' = { param($m) $m -replace $formats, 'FormatsToProcess = @()' }
            'WildcardExports'   = { param($m) $m -replace $cmdlets, "CmdletsToExport = '*'" }
        }
        foreach ($name in $variants.Keys) {
            $copy = Join-Path $scratch "$name/IbConfig"
            $null = New-Item -ItemType Directory $copy -Force
            Copy-Item (Join-Path (Split-Path $ModulePath) '*') $copy -Recurse
            $manifest = & $variants[$name] (Get-Content (Join-Path $copy 'IbConfig.psd1') -Raw)
            Set-Content (Join-Path $copy 'IbConfig.psd1') $manifest
            $layouts[$name] = Join-Path $copy 'IbConfig.psd1'
        }
        $layouts['AssemblyOnly'] = Join-Path $scratch 'WithoutFormatFile/IbConfig/IbConfig.PowerShell.dll'
        $tiny = Join-Path $scratch 'Tiny'
        $null = New-Item -ItemType Directory $tiny
        Set-Content (Join-Path $tiny 'Tiny.format.ps1xml') @'
<Configuration><ViewDefinitions><View><Name>Tiny</Name><ViewSelectedBy><TypeName>Tiny.Thing</TypeName></ViewSelectedBy>
<TableControl><TableHeaders><TableColumnHeader /></TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems>
<TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries>
</TableControl></View></ViewDefinitions></Configuration>
'@
        Set-Content (Join-Path $tiny 'Tiny.psd1') "@{ ModuleVersion = '1.0'; FormatsToProcess = @('Tiny.format.ps1xml') }"
        $layouts['OneTinyFormatFile'] = Join-Path $tiny 'Tiny.psd1'
        # The reference floor: a binary module of one cmdlet with that one tiny format file.
        $trivial = Join-Path $scratch 'Trivial'
        $null = New-Item -ItemType Directory $trivial
        Add-Type -OutputAssembly (Join-Path $trivial 'Trivial.dll') -TypeDefinition @'
[System.Management.Automation.Cmdlet("Get", "TinyThing")]
public sealed class GetTinyThingCommand : System.Management.Automation.PSCmdlet
{
    protected override void ProcessRecord() => WriteObject("tiny");
}
'@
        Copy-Item (Join-Path $tiny 'Tiny.format.ps1xml') $trivial
        Set-Content (Join-Path $trivial 'Trivial.psd1') "@{ ModuleVersion = '1.0'; RootModule = 'Trivial.dll'; CmdletsToExport = @('Get-TinyThing'); FormatsToProcess = @('Tiny.format.ps1xml') }"
        $layouts['TrivialBinaryModule'] = Join-Path $trivial 'Trivial.psd1'
        $empty = Join-Path $scratch 'Empty'
        $null = New-Item -ItemType Directory $empty
        Set-Content (Join-Path $empty 'Empty.psd1') "@{ ModuleVersion = '1.0' }"
        $layouts['EmptyManifest'] = Join-Path $empty 'Empty.psd1'
    }
    $loadBefore = Get-LoadAverage
    $results = @{}
    foreach ($name in $layouts.Keys) { $results[$name] = [Collections.Generic.List[double[]]]::new() }
    foreach ($i in 1..$Processes) {
        foreach ($name in $layouts.Keys) {  # alternating, so a burst of load on the machine hits every layout alike
            $child = Invoke-ChildPwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', "& { $probe } '$($layouts[$name])' $Runspaces '$After'") -TimeoutSeconds 600
            $line = @($child.Output -split "`n" | Where-Object { $_ -match '^RESULT ' })[-1]
            if ($child.ExitCode -ne 0 -or -not $line) { throw "Run $i of $name failed: $($child.Error)" }
            $results[$name].Add([double[]]@($line.Trim().Split(' ') | Select-Object -Skip 1 | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }))
        }
    }
    $loadAfter = Get-LoadAverage
}
finally {
    if (Test-Path $scratch) { Remove-Item $scratch -Recurse -Force }
}

function Get-Median([double[]] $Values) { $sorted = @($Values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }

foreach ($name in $layouts.Keys) {
    $runs = $results[$name]
    $column = { param($index) [double[]]@($runs | ForEach-Object { $_[$index] }) }
    [pscustomobject]@{
        Import         = $name
        After          = $After
        ColdMedianMs   = [math]::Round((Get-Median (& $column 0)), 1)
        ColdMinMs      = [math]::Round((& $column 0 | Measure-Object -Minimum).Minimum, 1)
        ColdCpuMs      = [math]::Round((Get-Median (& $column 1)), 1)
        ColdJitMethods = [int](Get-Median (& $column 2))
        ColdAllocKB    = [int](Get-Median (& $column 3))
        WarmMedianMs   = [math]::Round((Get-Median (& $column 4)), 1)
        WarmCpuMs      = [math]::Round((Get-Median (& $column 5)), 1)
        Processes      = $Processes
        LoadAverage    = if ($null -ne $loadBefore) { '{0:0.0} -> {1:0.0}' -f $loadBefore, $loadAfter }
    }
}
