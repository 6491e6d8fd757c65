# Dot-sourced by the settings and trusted-IP tests (after TestHelpers.ps1): sample files in every encoding and line-ending
# variant, the fake process list for the running-gateway guard, and byte-exact line comparison.

function Get-SampleVariant {
    # Copies samples/<Sample>/jts.ini to TestDrive in the requested line endings and BOM, and returns its file-system path.
    param(
        [Parameter(Mandatory)] [string] $Sample,
        [ValidateSet('LF', 'CRLF', 'AsIs')] [string] $LineEnding = 'AsIs',
        [Nullable[bool]] $Bom = $null
    )
    $bytes = [System.IO.File]::ReadAllBytes((Join-Path $script:SamplesPath "$Sample/jts.ini"))
    $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
    $text = [System.Text.Encoding]::UTF8.GetString($bytes, $(if ($hasBom) { 3 } else { 0 }), $bytes.Length - $(if ($hasBom) { 3 } else { 0 }))
    if ($LineEnding -eq 'LF') { $text = $text -replace "`r`n", "`n" }
    if ($LineEnding -eq 'CRLF') { $text = ($text -replace "`r`n", "`n") -replace "`n", "`r`n" }
    $withBom = if ($null -eq $Bom) { $hasBom } else { $Bom }
    $folder = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
    $null = New-Item $folder -ItemType Directory
    $path = Join-Path $folder 'jts.ini'
    [System.IO.File]::WriteAllText($path, $text, (New-Object System.Text.UTF8Encoding $withBom))
    $path
}

function New-TestIni([string] $Text, [switch] $Bom) {
    # Writes exactly $Text (UTF-8) to a fresh jts.ini in TestDrive and returns its path.
    $folder = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
    $null = New-Item $folder -ItemType Directory
    $path = Join-Path $folder 'jts.ini'
    [System.IO.File]::WriteAllText($path, $Text, (New-Object System.Text.UTF8Encoding ([bool]$Bom)))
    $path
}

function Get-LineBytes([string] $Path) {
    # The file's lines as hex strings, each WITH its line ending (and the BOM on the first), so any byte change shows.
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $lines = New-Object System.Collections.Generic.List[string]
    $start = 0
    for ($i = 0; $i -lt $bytes.Length; $i++) {
        if ($bytes[$i] -eq 10) { $lines.Add([System.BitConverter]::ToString($bytes, $start, $i - $start + 1)); $start = $i + 1 }
    }
    if ($start -lt $bytes.Length) { $lines.Add([System.BitConverter]::ToString($bytes, $start, $bytes.Length - $start)) }
    , $lines.ToArray()
}

function Get-ChangedLineNumbers([string[]] $Before, [string[]] $After) {
    # 1-based numbers of the lines whose bytes differ (same line count expected: edits in place).
    if ($Before.Count -ne $After.Count) { throw "Line count changed from $($Before.Count) to $($After.Count)." }
    @(for ($i = 0; $i -lt $Before.Count; $i++) { if ($Before[$i] -ne $After[$i]) { $i + 1 } })
}

function Get-Sha256([string] $Path) { (Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash }

function Get-BackupFile([string] $Path) {
    @(Get-ChildItem -LiteralPath (Split-Path $Path) -File | Where-Object { $_.Name -ne (Split-Path $Path -Leaf) })
}

function Set-FakeGatewayProcess([IbConfig.Core.Processes.ProcessSnapshot[]] $Snapshot = @()) {
    # Every write guard asks the test machine's process list (Set-TestProcess, TestHelpers.ps1).
    Set-TestProcess $Snapshot
}

function Reset-GatewayProcess { Set-TestMachine $null }

$script:SampleVariants = @(
    foreach ($sample in 'guide-layout', 'real-layout', 'windows-crlf-bom') {
        foreach ($ending in 'LF', 'CRLF') {
            foreach ($bom in $false, $true) { @{ Sample = $sample; LineEnding = $ending; Bom = $bom } }
        }
    }
)
