<#
.SYNOPSIS
    Writes the sample bar series (aapl-1min.csv, spy-1min.csv): two regular sessions of 1-minute bars, deterministic.
.DESCRIPTION
    Each day is a random walk pinned at both ends (a Brownian bridge) from a chosen open to a chosen close, so the series
    agree with the quotes of paper-accounts.txt's [Contracts]: day one closes at the contract's Close, day two passes its
    Last. Volume follows the usual U shape of a US session. The same seed always writes the same files.
    Run from anywhere: pwsh samples/simulator/New-SampleBars.ps1
#>
param([int] $Seed = 13)

$ErrorActionPreference = 'Stop'
$inv = [Globalization.CultureInfo]::InvariantCulture

function Write-Series([string] $Path, [object[]] $Days, [double] $DailyVolume, [double] $Noise, [System.Random] $Random) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('Time,Open,High,Low,Close,Volume,WAP,Count')
    foreach ($day in $Days) {
        # 09:30-16:00 US/Eastern in November is 14:30-21:00 UTC.
        $start = [DateTimeOffset]::new([DateTime]::ParseExact($day.Date, 'yyyy-MM-dd', $inv).AddHours(14.5), [TimeSpan]::Zero)
        $n = 390
        $walk = [double[]]::new($n + 1)
        for ($i = 1; $i -le $n; $i++) { $walk[$i] = $walk[$i - 1] + ($Random.NextDouble() - 0.5) * $Noise }
        $previous = $day.Open
        for ($i = 1; $i -le $n; $i++) {
            # The bridge: the walk, bent so that it starts at Open and ends exactly at Close.
            $close = [Math]::Round($day.Open + ($day.Close - $day.Open) * $i / $n + $walk[$i] - $walk[$n] * $i / $n, 2)
            $open = [Math]::Round($previous, 2)
            $high = [Math]::Round([Math]::Max($open, $close) + $Random.Next(0, 4) * 0.01, 2)
            $low = [Math]::Round([Math]::Min($open, $close) - $Random.Next(0, 4) * 0.01, 2)
            $u = ($i - 195.5) / 195.5
            $volume = [long]([Math]::Round($DailyVolume / $n * (0.55 + 1.35 * $u * $u) * (0.8 + 0.4 * $Random.NextDouble()) / 100) * 100)
            $wap = [Math]::Round(($high + $low + $close) / 3, 4)
            $count = [long][Math]::Max(1, $volume / 120)
            $time = $start.AddMinutes($i - 1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $inv)
            $lines.Add(('{0},{1},{2},{3},{4},{5},{6},{7}' -f $time, $open.ToString('0.00', $inv), $high.ToString('0.00', $inv),
                    $low.ToString('0.00', $inv), $close.ToString('0.00', $inv), $volume, $wap.ToString('0.0000', $inv), $count))
            $previous = $close
        }
    }
    [IO.File]::WriteAllLines((Join-Path $PSScriptRoot $Path), $lines)
}

$random = [System.Random]::new($Seed)
Write-Series 'aapl-1min.csv' @(
    @{ Date = '2025-11-17'; Open = 187.20; Close = 188.50 },
    @{ Date = '2025-11-18'; Open = 188.90; Close = 190.00 }) 41000000 0.06 $random
Write-Series 'spy-1min.csv' @(
    @{ Date = '2025-11-17'; Open = 585.40; Close = 587.10 },
    @{ Date = '2025-11-18'; Open = 587.60; Close = 590.00 }) 52000000 0.12 $random
