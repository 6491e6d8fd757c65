<#
.SYNOPSIS
    The module's main job, end to end, on the built-in samples: what `./build.ps1 -Demo` runs after building.
.DESCRIPTION
    A list of steps; each prints a heading and runs real cmdlets. Samples are copied to a temporary folder before anything
    is changed, so the repository's files are never written.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$module = Get-Module IbConfig
$samples = Join-Path $PSScriptRoot 'samples'

function Step([string] $Title, [scriptblock] $Action) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
    Write-Host ("   " + $Action.ToString().Trim()) -ForegroundColor DarkGray
    & $Action | Out-String -Width 160 | Write-Host
}

Write-Host "IbConfig $($module.Version) loaded from $($module.ModuleBase)" -ForegroundColor Cyan
Get-Command -Module IbConfig | Sort-Object Noun, Verb | Format-Table Name, Noun -AutoSize | Out-String | Write-Host

# Work on copies: the demo changes files.
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("ibconfig-demo-" + [guid]::NewGuid().ToString('N'))
Copy-Item $samples $work -Recurse
$guide = Join-Path $work 'guide-layout/jts.ini'
$real = Join-Path $work 'real-layout/jts.ini'
$windows = Join-Path $work 'windows-crlf-bom/jts.ini'
# The demo must not depend on what runs on this machine: no gateway is running, as far as the write guard knows.
# (the module's machine seam, IbConfig.PowerShell.IbCmdlet.TestMachineVariable: this machine with an empty process list)
$global:IbConfigTestMachine = [IbConfig.Core.Machine.IbMachine]::Local.WithProcesses([IbConfig.Core.Processes.StaticProcessSource]::Empty)

try {
    Step 'The guide''s API settings, each with its key and line' { Get-IbApiSetting -Path $guide }
    Step 'IB''s own layout: trusted IPs, API-only mode, last trading mode, profile folders' { Get-IbApiSetting -Path $real }
    Step 'Where the port and trusted IPs of a Windows file (CRLF, BOM, both layouts) come from' { Get-IbApiSetting -Path $windows -Name SocketPort, TrustedIps }
    Step 'The trusted IP addresses, one per row' { Get-IbTrustedIp -Path $windows }
    Step 'Preview moving to the IB Gateway paper port: the exact key changes, nothing written' { Set-IbApiSetting -Path $guide -SocketPort 4002 -WhatIf }
    Step 'A live port is refused without -AllowLivePort' { Set-IbApiSetting -Path $guide -SocketPort 7496 -ErrorAction Continue 2>&1 | ForEach-Object { "refused: $_" } }
    Step 'Trust the bot machine on the LAN (both layouts'' keys, backup kept)' { Add-IbTrustedIp 192.168.1.50 -Path $windows -PassThru }
    Step 'Bad addresses are refused one by one' { Add-IbTrustedIp 10.0.0.0/8, host.example -Path $windows -ErrorAction Continue 2>&1 | ForEach-Object { "refused: $_" } }
}
finally {
    Remove-Variable -Name IbConfigTestMachine -Scope Global -ErrorAction SilentlyContinue
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

# --- Gateway simulator: a stand-in IB Gateway from a sample configuration, answering a real TWS API client. ---
& {
    # The guide's jts.ini decides the API settings; -Port 0 keeps clear of a real gateway on 7497.
    $settings = Join-Path $PSScriptRoot 'samples/guide-layout/jts.ini'
    $data = Join-Path $PSScriptRoot 'samples/simulator/paper-accounts.txt'
    $sim = Start-IbGatewaySimulator -Path $settings -Port 0 -DataPath $data -PassThru
    try {
        Write-Host "Gateway simulator $($sim.Id) listening on $($sim.ComputerName):$($sim.Port) for $($sim.Accounts -join ', ')" -ForegroundColor Cyan
        Step 'The guide''s verification script as one command: every stage of the TWS API, against the simulator' { $sim | Test-IbConnection }
        Step 'A port where nothing listens: the failed stage, the diagnosis and the remedy' { Test-IbConnection -Port ($sim.Port + 1) | Format-List Status, FailedStage, Diagnosis, Remedy }
        Step 'The essential settings checklist: the guide''s file, this machine and the simulator, each check with its fix' {
            Test-IbApiConfiguration -Path $settings -Port $sim.Port -TradingMode Paper
        }
        Step 'The same for a scheduler: exit code 0/1/2/3 and a JSON log line' {
            $log = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-demo-health-$PID.log"
            Invoke-IbHealthCheck -Path $settings -Port $sim.Port -LogPath $log -Quiet
            "exit code $LASTEXITCODE; log: $((Get-Content $log | ConvertFrom-Json).message)"
            Remove-Item $log -ErrorAction SilentlyContinue
        }
        Step 'Ready lines for Task Scheduler and cron' { Get-IbHealthCheckCommand -Kind TaskScheduler, Cron -Port 4002 -TradingMode Paper }
        Get-IbGatewaySimulator -Id $sim.Id | Format-Table | Out-String | Write-Host
        Get-IbGatewaySimulator -Id $sim.Id -Event | Format-Table | Out-String | Write-Host
    } finally {
        Stop-IbGatewaySimulator -Id $sim.Id -Confirm:$false
    }
}

# Invoke-IbHealthCheck sets the exit code of a pwsh -File run (that is its job for schedulers); the demo itself succeeded.
exit 0
