# Dot-sourced by the timing scripts in bench/: the minimum, median and 95th percentile of a script block, after a warm-up run.
function Measure-Operation {
    [CmdletBinding()]  # advanced, so the calling script's $PSDefaultParameterValues sets -Iterations
    param([string] $Name, [scriptblock] $Action, [int] $Iterations = 100)
    & $Action  # warm-up (JIT, file-system caches)
    $times = foreach ($i in 1..$Iterations) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $Action
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    $sorted = @($times | Sort-Object)
    [pscustomobject]@{
        Operation = $Name
        MinMs     = [math]::Round($sorted[0], 3)  # the best run: closest to the cost on an idle machine
        MedianMs  = [math]::Round($sorted[[int]($sorted.Count / 2)], 3)
        P95Ms     = [math]::Round($sorted[[math]::Max(0, [int]($sorted.Count * 0.95) - 1)], 3)
        Runs      = $sorted.Count
    }
}
