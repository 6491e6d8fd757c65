<#
.SYNOPSIS
    Times Test-IbPort against pwsh 7's Test-Connection -TcpPort on the same loopback targets, in the same process and run.
.DESCRIPTION
    Opens half the targets as loopback listeners and leaves the other half closed, then times one Test-IbPort call over all
    of them and Test-Connection -TcpPort over the same ports (one call per port: it takes one port at a time), checks that
    both agree, and does the same for a silent target (a listener with a full backlog; not on Windows, which resets instead).
    Run after ./build.ps1:  pwsh -NoProfile -File bench/Compare-TestConnection.ps1 [-Targets 1000]
#>
param(
    [int] $Targets = 1000,
    [int] $Runs = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1')
)
$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSVersion.Major -lt 7) { throw 'Test-Connection -TcpPort needs PowerShell 7.' }
Import-Module $ModulePath -Force

$listeners = 1..($Targets / 2) | ForEach-Object { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start($Targets); $l }
$held = 1..($Targets / 2) | ForEach-Object { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $l }
$closed = @($held | ForEach-Object { $_.LocalEndpoint.Port }); $held | ForEach-Object Stop
$ports = for ($i = 0; $i -lt $Targets / 2; $i++) { $listeners[$i].LocalEndpoint.Port; $closed[$i] }

$null = Test-IbPort -Port $ports[0], $ports[1]; $null = Test-Connection 127.0.0.1 -TcpPort $ports[0] -Quiet  # warm-up

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }
$ib = Get-Median @(1..$Runs | ForEach-Object { (Measure-Command { $script:ibResults = Test-IbPort -Port $ports }).TotalMilliseconds })
$tc = Get-Median @(1..$Runs | ForEach-Object { (Measure-Command { $script:tcResults = foreach ($p in $ports) { Test-Connection 127.0.0.1 -TcpPort $p -Quiet -TimeoutSeconds 1 } }).TotalMilliseconds })
$agree = @(Compare-Object @($ibResults.TcpTestSucceeded) @($tcResults) -SyncWindow 0).Count -eq 0
'{0} loopback targets ({1} open, {2} refused), median of {3} runs:' -f $Targets, ($Targets / 2), ($Targets / 2), $Runs
'  Test-IbPort (one call)          {0,8:0.0} ms' -f $ib
'  Test-Connection -TcpPort        {0,8:0.0} ms' -f $tc
'  ratio                           {0,8:0.0}x faster; results agree: {1}' -f ($tc / $ib), $agree
$listeners | ForEach-Object Stop

if (-not $IsWindows) {
    $silent = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
    $silent.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0)); $silent.Listen(0)
    $queued = [System.Collections.Generic.List[System.Net.Sockets.Socket]]::new()
    for ($i = 0; $i -lt 64; $i++) {
        $c = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
        if ($c.ConnectAsync($silent.LocalEndPoint).Wait(300)) { $queued.Add($c) } else { $c.Dispose(); break }
    }
    $port = $silent.LocalEndPoint.Port
    $ibSilent = Measure-Command { $script:ibS = Test-IbPort -Port $port -TimeoutMs 1000 }
    $tcSilent = Measure-Command { $script:tcS = Test-Connection 127.0.0.1 -TcpPort $port -Quiet -TimeoutSeconds 1 }
    'Silent target (full backlog), 1 s time-out:'
    '  Test-IbPort                     {0,8:0.0} ms ({1})' -f $ibSilent.TotalMilliseconds, $ibS.Status
    '  Test-Connection -TcpPort        {0,8:0.0} ms ({1})' -f $tcSilent.TotalMilliseconds, $tcS
    $queued | ForEach-Object Dispose; $silent.Dispose()
}
