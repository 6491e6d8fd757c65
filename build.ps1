<#
.SYNOPSIS
    Builds IbConfig, lays out the loadable module in out/IbConfig, and optionally tests it or runs the demo.
.DESCRIPTION
    ./build.ps1           Release build; out/IbConfig holds the manifest, the assemblies, format files and help.
    ./build.ps1 -Test     Also runs the xunit tests and the Pester tests (in a fresh pwsh, against out/IbConfig).
    ./build.ps1 -Demo     Also runs the module's main job (see demo.ps1) against the built-in samples.
    ./build.ps1 -Package  Also writes out/packages/IbConfig.<version>.nupkg with PSResourceGet (needs pwsh 7.4+ on PATH or the local tool).
    ./build.ps1 -Clean    Removes out/ and every bin/obj folder first.
    ./build.ps1 -UpdateDocs  Also copies the generated cmdlet reference (out/docs/cmdlets) into docs/cmdlets to commit;
                          the tests fail while the checked-in pages differ from what the help source gives.
    Works in Windows PowerShell 5.1 and in pwsh 7 on Windows, Linux and macOS.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Demo,
    [switch] $Package,
    [switch] $Clean,
    [switch] $UpdateDocs
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'IbConfig'

function Invoke-Native {
    # Runs a native command and stops the build when it fails ($ErrorActionPreference does not cover exit codes).
    param([string] $FilePath, [string[]] $Arguments)
    Write-Host "> $FilePath $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$FilePath exited with code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The tests run in a fresh process: the current one may have the module loaded, and a binary module cannot unload.
    # Returns the command line prefix that starts pwsh: this same pwsh when we run in one, else one on PATH, else the local tool.
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $self = (Get-Process -Id $PID).Path
        if ((Split-Path $self -Leaf) -notmatch '^dotnet(\.exe)?$') { return , @($self) }
        return , @($self, (Join-Path $PSHOME 'pwsh.dll'))  # started as `dotnet tool run pwsh`
    }
    $pwsh = Get-Command pwsh -ErrorAction SilentlyContinue
    if ($pwsh) { return , @($pwsh.Source) }
    Invoke-Native dotnet @('tool', 'restore', '--tool-manifest', (Join-Path $root '.config/dotnet-tools.json'))
    return , @('dotnet', 'tool', 'run', 'pwsh')
}

if ($Clean) {
    Write-Host 'Cleaning out/, bin/ and obj/' -ForegroundColor Cyan
    foreach ($dir in @($out) + @(Get-ChildItem $root -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue | ForEach-Object FullName)) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
}

Write-Host "Building IbConfig ($Configuration)" -ForegroundColor Cyan
Invoke-Native dotnet @('build', (Join-Path $root 'IbConfig.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet')

# Lay out the module exactly as it ships: manifest, our two assemblies (nothing else: the host owns PowerShell's), module/ files.
if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
$null = New-Item $moduleOut -ItemType Directory -Force
$binDir = Join-Path $root "src/IbConfig.PowerShell/bin/$Configuration/netstandard2.0"
foreach ($name in 'IbConfig.Core.dll', 'IbConfig.PowerShell.dll') {
    Copy-Item (Join-Path $binDir $name) $moduleOut
}
# The views ship as one format file and there is no types file: every such file costs Import-Module time (docs/import-time.md).
Get-ChildItem (Join-Path $root 'module') -File | Where-Object { $_.Name -notmatch '\.format\.ps1xml$' } | Copy-Item -Destination $moduleOut
& (Join-Path $root 'build/Merge-IbConfigFormats.ps1') -SourcePath (Join-Path $root 'module') -Destination (Join-Path $moduleOut 'IbConfig.format.ps1xml')
Copy-Item (Join-Path $root 'LICENSE') $moduleOut

# Stamp the one version (Directory.Build.props) into the shipped manifest.
$version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
$manifest = Get-Content (Join-Path $root 'IbConfig.psd1') -Raw
$manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$version'"
[System.IO.File]::WriteAllText((Join-Path $moduleOut 'IbConfig.psd1'), $manifest, (New-Object System.Text.UTF8Encoding $true))

$pwshCommand = Get-PwshCommand

# Help: MAML generated from module/help/*.psd1 (one source per cmdlet) plus what the compiled cmdlets declare.
$helpScript = Join-Path $root 'build/New-IbConfigHelp.ps1'
$docsOut = Join-Path $out 'docs/cmdlets'
$pwshArgs = @($pwshCommand | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $helpScript, '-ModulePath', $moduleOut, '-SourcePath', (Join-Path $root 'module/help'), '-DocsPath', $docsOut)
Invoke-Native $pwshCommand[0] $pwshArgs
if ($UpdateDocs) {
    $docsDir = Join-Path $root 'docs/cmdlets'
    if (Test-Path $docsDir) { Remove-Item $docsDir -Recurse -Force }
    $null = New-Item $docsDir -ItemType Directory -Force
    Copy-Item (Join-Path $docsOut '*') $docsDir
    Write-Host "Cmdlet reference copied to $docsDir" -ForegroundColor Green
}
Write-Host "Module laid out in $moduleOut" -ForegroundColor Green

if ($Package) {
    $packageArgs = @($pwshCommand | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/Publish-IbConfigPackage.ps1'),
        '-ModulePath', $moduleOut, '-OutputPath', (Join-Path $out 'packages'))
    Invoke-Native $pwshCommand[0] $packageArgs
}

if ($Test) {
    Write-Host 'Running xunit tests' -ForegroundColor Cyan
    $trx = Join-Path $out 'xunit'
    Invoke-Native dotnet @('test', (Join-Path $root 'IbConfig.PowerShell.sln'), '-c', $Configuration, '--no-build', '--nologo',
        '--logger', 'trx;LogFileName=xunit.trx', '--results-directory', $trx)
    $counters = ([xml](Get-Content (Join-Path $trx 'xunit.trx') -Raw)).TestRun.ResultSummary.Counters

    Write-Host 'Running Pester tests against out/IbConfig in a fresh pwsh' -ForegroundColor Cyan
    Invoke-Native dotnet @('restore', (Join-Path $root 'build/tools.csproj'), '--nologo', '-v', 'quiet')
    $pesterArgs = @($pwshCommand | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/Invoke-PesterTests.ps1'),
        '-ModulePath', (Join-Path $moduleOut 'IbConfig.psd1'), '-TestPath', (Join-Path $root 'tests/IbConfig.PowerShell.Tests'),
        '-ResultPath', (Join-Path $out 'pester.json'))
    & $pwshCommand[0] @pesterArgs
    $pesterExit = $LASTEXITCODE
    $pester = Get-Content (Join-Path $out 'pester.json') -Raw | ConvertFrom-Json

    $passed = [int]$counters.passed + [int]$pester.Passed
    $failed = [int]$counters.failed + [int]$pester.Failed
    $skipped = [int]$counters.notExecuted + [int]$pester.Skipped
    Write-Host "xunit: $($counters.passed) passed, $($counters.failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $pesterExit -ne 0 -or $passed -eq 0) { throw 'Tests failed.' }
}

if ($Demo) {
    $demoArgs = @($pwshCommand | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'demo.ps1'), '-ModulePath', (Join-Path $moduleOut 'IbConfig.psd1'))
    Invoke-Native $pwshCommand[0] $demoArgs
}
