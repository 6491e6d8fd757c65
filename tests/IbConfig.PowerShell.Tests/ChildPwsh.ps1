# Dot-sourced by tests that start a fresh PowerShell (to see a process exit code). Starts the pwsh under test itself:
# when pwsh runs as `dotnet pwsh.dll` (the local tool), the process path is dotnet and pwsh.dll must come first.

function Get-PwshCommandLine {
    $self = if ([System.Environment]::ProcessPath) { [System.Environment]::ProcessPath } else { [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName }
    if ((Split-Path $self -Leaf) -match '^dotnet(\.exe)?$') { return , @($self, (Join-Path $PSHOME 'pwsh.dll')) }
    , @($self)
}

function Invoke-ChildPwsh {
    # Runs pwsh with the arguments given (with -Environment variables set, or removed when $null, for it alone), waits (bounded), returns the exit code and the output text.
    param([Parameter(Mandatory)] [string[]] $ArgumentList, [int] $TimeoutSeconds = 120, [hashtable] $Environment = @{})
    $command = Get-PwshCommandLine
    $psi = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($a in @($command | Select-Object -Skip 1) + $ArgumentList) { $psi.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) { if ($null -eq $Environment[$name]) { $null = $psi.Environment.Remove($name) } else { $psi.Environment[$name] = $Environment[$name] } }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill(); throw "pwsh did not finish within $TimeoutSeconds s" }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}
