<#
.SYNOPSIS
    Times each step of Set-IbApiSetting's write path on a 10,000-line jts.ini: where the 10 ms budget of issue 11 goes.
.DESCRIPTION
    A timing script, not a test: run it after ./build.ps1.
        dotnet tool run pwsh -NoProfile -File ./bench/Measure-WriteSteps.ps1 [-Lines 10000] [-Iterations 50]
    Each step runs through the module's own Core types, in the order a write runs them: read, parse, open the stores,
    plan, render, lock, the re-read under the lock, the backup (written from memory and flushed), the temporary file
    (written and flushed), the replace, the pruning, and the cmdlet as a whole (with ShouldProcess and the result object).
    fsync is timed on its own, so its cost on this disk can be told from the rest. Writes only to a temporary folder.
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

# Wall time says what a user waits; on a machine shared with other work the process's CPU time per run says what the
# step itself costs (it excludes time spent waiting for a core or for the disk).
function Measure-Step([string] $Name, [scriptblock] $Action) {
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $cpu = $process.TotalProcessorTime
    $row = Measure-Operation $Name $Action
    $process.Refresh()
    $row | Add-Member -PassThru CpuMs ([math]::Round(($process.TotalProcessorTime - $cpu).TotalMilliseconds / ($Iterations + 1), 2))
}

$folder = Join-Path ([System.IO.Path]::GetTempPath()) "ibconfig-steps-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory $folder
try {
    $path = Join-Path $folder 'jts.ini'
    $text = [System.Text.StringBuilder]::new("[IBGateway]`r`nApiOnly=true`r`ns.SocketPort=4002`r`ns.ApiEnabled=true`r`nMasterClientId=1`r`nTrustedIPs=127.0.0.1`r`n`r`n[Logon]`r`ntradingMode=p`r`nLocale=en`r`n")
    $written = 10
    for ($section = 0; $written -lt $Lines; $section++) {
        $null = $text.Append("`r`n[Section$section]`r`n"); $written += 2
        for ($key = 0; $key -lt 98 -and $written -lt $Lines; $key++, $written++) { $null = $text.Append("Key$key=value-$section-$key-some-text`r`n") }
    }
    [System.IO.File]::WriteAllText($path, $text.ToString())
    $env:IBC_INI = Join-Path $folder 'no-ibc.ini'
    $bytes = [System.IO.File]::ReadAllBytes($path)
    $request = [IbConfig.Core.Settings.SettingRequest[]]@([IbConfig.Core.Settings.SettingRequest]::new([IbConfig.Core.Settings.SettingDefinition]::MasterClientId, '2'))
    $none = [string[]]@()
    $backup = [IbConfig.Core.Files.ConfigBackup]::WithSystemClock()
    $scratch = Join-Path $folder 'scratch.ini'
    [System.IO.File]::WriteAllBytes($scratch, $bytes)
    $global:IbConfigTestMachine = [IbConfig.Core.Machine.IbMachine]::Local.WithProcesses([IbConfig.Core.Processes.StaticProcessSource]::new(@()))
    $script:client = 1

    $results = @(
        Measure-Step 'read (ConfigFileReader)' { $null = [IbConfig.Core.Files.ConfigFileReader]::ReadAllBytes($path) }
        Measure-Step 'parse (IniDocument.Parse)' { $null = [IbConfig.Core.Ini.IniDocument]::Parse($bytes, $path) }
        Measure-Step 'open the stores (read + parse + profile search)' { $null = [IbConfig.Core.Stores.SettingsStoreSet]::Open($path, [NullString]::Value, [NullString]::Value, $none) }
        Measure-Step 'plan one value' {
            $set = [IbConfig.Core.Stores.SettingsStoreSet]::Open($path, [NullString]::Value, [NullString]::Value, $none)
            $null = [IbConfig.Core.Stores.StoreEditPlanner]::new($set).PlanSettings($request, [IbConfig.Core.Stores.StoreTargets]::WhereRead, $false)
        }
        Measure-Step 'render (ToBytes after one edit)' {
            $document = [IbConfig.Core.Ini.IniDocument]::Parse($bytes, $path)
            $null = $document.SetValue('IBGateway', 'MasterClientId', '2')
            $null = $document.ToBytes()
        }
        Measure-Step 'lock (take + release)' { ([IbConfig.Core.Files.ConfigFileLock]::Acquire($path, [timespan]::FromSeconds(5))).Dispose() }
        Measure-Step 'backup (from memory, flushed) + delete' { $b = $backup.Create($path, [NullString]::Value, $bytes); [System.IO.File]::Delete($b.BackupPath) }
        Measure-Step 'fsync alone (280 KB, FileStream.Flush(true))' {
            $s = [System.IO.FileStream]::new($scratch, 'Open', 'Write', 'None', 1)
            try { $s.Write($bytes, 0, 1); $s.Flush($true) } finally { $s.Dispose() }
        }
        Measure-Step 'temp write + flush + replace (AtomicFileWriter)' { [IbConfig.Core.Files.AtomicFileWriter]::Write($scratch, $bytes) }
        Measure-Step 'prune (20 kept, none over)' { $null = $backup.Prune($path, [NullString]::Value, 20) }
        Measure-Step 'Set-IbApiSetting (whole cmdlet, no process scan)' {
            $script:client = 3 - $script:client
            Set-IbApiSetting -Path $path -MasterClientId $script:client -KeepBackups 5 -Confirm:$false | Out-Null
        }
    )
    $results | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host ("jts.ini: {0:N0} lines, {1:N0} bytes; iterations: {2}; load: {3}" -f $Lines, $bytes.Length, $Iterations, ((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0])
}
finally {
    Remove-Variable -Scope Global IbConfigTestMachine -ErrorAction SilentlyContinue
    Remove-Item Env:IBC_INI -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force
}
