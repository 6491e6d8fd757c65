# Dot-sourced (after TestHelpers.ps1) by the tests of the file cmdlets: fake settings files, a fake process list through
# the test machine's process seam (Set-TestProcess, TestHelpers.ps1), and a fake environment for the default -Path.

$script:JtsIniCrLfBom = [byte[]](0xEF, 0xBB, 0xBF) + [System.Text.Encoding]::UTF8.GetBytes("[IBGateway]`r`ns.SocketPort=7497`r`ns.ApiEnabled=true`r`ns.TrustedIPs=127.0.0.1`r`n`r`n[Startup]`r`ns.AutoRestartTime=23:55:00`r`n")
$script:JtsIniLf = [System.Text.Encoding]::UTF8.GetBytes("[IBGateway]`nTrustedIPs=127.0.0.1`nApiOnly=true`n`n[Logon]`ntradingMode=p`n")

function New-JtsIni([string] $Folder = 'Jts', [byte[]] $Content = $script:JtsIniCrLfBom) {
    # Writes a jts.ini under TestDrive: and returns its file-system path.
    $dir = New-Item -ItemType Directory -Force (Join-Path TestDrive: $Folder)
    $path = Join-Path $dir.FullName 'jts.ini'
    [System.IO.File]::WriteAllBytes($path, $Content)
    $path
}

function Set-FakeGatewayProcess([IbConfig.Core.Processes.ProcessSnapshot[]] $Snapshot = @()) { Set-TestProcess $Snapshot }

function Restore-RealGatewayProcess { Set-TestMachine $null }

function Invoke-WithSettingsRoot([string] $Root, [scriptblock] $Script) {
    # Runs $Script with the default settings roots pointing at $Root only (TWS_SETTINGS_PATH) and at an empty home.
    $names = 'TWS_SETTINGS_PATH', 'HOME', 'USERPROFILE', 'SYSTEMDRIVE'
    $saved = @{}
    foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $empty = (New-Item -ItemType Directory -Force (Join-Path TestDrive: "empty-home-$([guid]::NewGuid().ToString('N'))")).FullName
    try {
        [Environment]::SetEnvironmentVariable('TWS_SETTINGS_PATH', $Root)
        foreach ($name in 'HOME', 'USERPROFILE', 'SYSTEMDRIVE') { [Environment]::SetEnvironmentVariable($name, $empty) }
        & $Script
    }
    finally {
        foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}
