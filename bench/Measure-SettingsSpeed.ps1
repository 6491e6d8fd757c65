<#
.SYNOPSIS
    Times Get-IbApiSetting and Set-IbApiSetting on a 10,000-line jts.ini against the yardsticks of issue 11.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1 on the machine you care about.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-SettingsSpeed.ps1 [-Lines 10000] [-Iterations 50]
    Yardsticks, measured in the same process:
      - Get-IbApiSetting should take at most twice `Get-Content -Raw` plus a split of the same file;
      - Set-IbApiSetting should take at most 10 ms plus the running-gateway scan (which every write pays).
    Prints the median and 95th percentile per operation and the two ratios. Writes only to a temporary folder, which it removes.
#>
[CmdletBinding()]
param(
    [ValidateRange(100, 1000000)] [int] $Lines = 10000,
    [ValidateRange(5, 10000)] [int] $Iterations = 50,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/IbConfig/IbConfig.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

. (Join-Path $PSScriptRoot 'Measure-Operation.ps1')
$PSDefaultParameterValues['Measure-Operation:Iterations'] = $Iterations

$folder = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-speed-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory $folder
try {
    $path = Join-Path $folder 'jts.ini'
    # The settings IB Gateway keeps, then enough per-user sections to reach the line count (CRLF, as on Windows).
    $text = [System.Text.StringBuilder]::new("[IBGateway]`r`nApiOnly=true`r`ns.SocketPort=4002`r`ns.ApiEnabled=true`r`nMasterClientId=1`r`nTrustedIPs=127.0.0.1`r`n`r`n[Logon]`r`ntradingMode=p`r`nLocale=en`r`n")
    $written = 10
    for ($section = 0; $written -lt $Lines; $section++) {
        $null = $text.Append("`r`n[Section$section]`r`n"); $written += 2
        for ($key = 0; $key -lt 98 -and $written -lt $Lines; $key++, $written++) { $null = $text.Append("Key$key=value-$section-$key-some-text`r`n") }
    }
    [System.IO.File]::WriteAllText($path, $text.ToString())
    $ibc = Join-Path $folder 'no-ibc.ini'  # IBC's usual places are not searched: only jts.ini and the profiles beside it
    $env:IBC_INI = $ibc

    $finder = [IbConfig.Core.Processes.GatewayProcessFinder]::new([IbConfig.Core.Processes.SystemProcessSource]::Instance)
    $noProcesses = [IbConfig.Core.Machine.IbMachine]::Local.WithProcesses([IbConfig.Core.Processes.StaticProcessSource]::Empty)
    $script:client = 1
    $results = @(
        Measure-Operation 'Get-Content -Raw + split (yardstick)' { $null = (Get-Content -LiteralPath $path -Raw) -split "`r?`n" }
        Measure-Operation 'Get-IbApiSetting' { $null = Get-IbApiSetting -Path $path }
        Measure-Operation 'Gateway scan (real process list)' { $null = $finder.Find() }
        Measure-Operation 'Set-IbApiSetting (one value, backup, atomic replace)' {
            $script:client = 3 - $script:client
            Set-IbApiSetting -Path $path -MasterClientId $script:client -KeepBackups 5 -Confirm:$false | Out-Null
        }
        # The scan varies with every process on the machine: the same write against an empty process list (the module's
        # machine seam) is the figure the 10 ms budget is about.
        Measure-Operation 'Set-IbApiSetting, empty process list (scan excluded)' {
            $script:client = 3 - $script:client
            $global:IbConfigTestMachine = $noProcesses
            try { Set-IbApiSetting -Path $path -MasterClientId $script:client -KeepBackups 5 -Confirm:$false | Out-Null }
            finally { Remove-Variable -Scope Global IbConfigTestMachine }
        }
    )
    $results | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    $get = $results[1].MedianMs / $results[0].MedianMs
    $set = $results[3].MedianMs - $results[2].MedianMs
    Write-Host ("jts.ini: {0:N0} lines, {1:N0} bytes; iterations: {2}" -f $Lines, (Get-Item $path).Length, $Iterations)
    Write-Host ("Get-IbApiSetting / (Get-Content -Raw + split): {0:N2}x (target: at most 2x)" -f $get)
    Write-Host ("Set-IbApiSetting - gateway scan: {0:N2} ms median (noisy: two noisy figures subtracted)" -f $set)
    Write-Host ("Set-IbApiSetting, scan excluded: {0:N2} ms median, {1:N2} ms best run (target: at most 10 ms)" -f $results[4].MedianMs, $results[4].MinMs)
    Write-Host ("Get-IbApiSetting / (Get-Content -Raw + split), best runs: {0:N2}x" -f ($results[1].MinMs / $results[0].MinMs))
    Write-Host ("load average: {0}" -f ((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0])
}
finally {
    Remove-Item Env:IBC_INI -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force
}
