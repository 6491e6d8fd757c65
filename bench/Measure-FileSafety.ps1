<#
.SYNOPSIS
    Times the safety machinery every IbConfig write pays for: the running-gateway scan, the atomic replace, and the whole
    guarded write (scan + backup + atomic replace) of a realistic jts.ini.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1 on the machine you care about.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-FileSafety.ps1 [-Iterations 200]
    Prints the median and 95th percentile per operation. Writes only to a temporary folder, which it removes.
#>
[CmdletBinding()]
param(
    [ValidateRange(10, 100000)] [int] $Iterations = 200,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

. (Join-Path $PSScriptRoot 'Measure-Operation.ps1')
$PSDefaultParameterValues['Measure-Operation:Iterations'] = $Iterations

$folder = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-bench-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory $folder
try {
    $path = Join-Path $folder 'jts.ini'
    # About the size of a real jts.ini: a few sections, a few dozen keys, CRLF.
    $lines = @('[IBGateway]', 's.SocketPort=7497', 's.ApiEnabled=true', 'TrustedIPs=127.0.0.1', '', '[Logon]', 'tradingMode=p') +
        (1..60 | ForEach-Object { "Key$_=value-$_-$('x' * 20)" })
    $a = [System.Text.Encoding]::UTF8.GetBytes(($lines -join "`r`n") + "`r`n")
    $b = [System.Text.Encoding]::UTF8.GetBytes(($lines -join "`r`n").Replace('7497', '4002') + "`r`n")
    [System.IO.File]::WriteAllBytes($path, $a)

    $finder = [IbConfig.Core.Processes.GatewayProcessFinder]::new([IbConfig.Core.Processes.SystemProcessSource]::Instance)
    $quiet = [IbConfig.Core.Processes.GatewayProcessFinder]::new([IbConfig.Core.Processes.StaticProcessSource]::Empty)
    $writer = [IbConfig.Core.Files.ConfigFileWriter]::new($quiet, [Func[DateTimeOffset]] { [DateTimeOffset]::Now })
    $script:flip = $false

    @(
        Measure-Operation 'Gateway scan (real process list)' { $null = $finder.Find() }
        Measure-Operation "Atomic replace ($($a.Length) bytes)" { $script:flip = -not $script:flip; [IbConfig.Core.Files.AtomicFileWriter]::Write($path, $(if ($script:flip) { $b } else { $a })) }
        Measure-Operation 'Guarded write (compare + backup + replace)' { $script:flip = -not $script:flip; $null = $writer.Write($path, $(if ($script:flip) { $b } else { $a }), $false, $null) }
    ) | Format-Table -AutoSize
    Write-Host "Processes on this machine: $(@(Get-Process).Count); iterations: $Iterations"
}
finally {
    Remove-Item $folder -Recurse -Force
}
