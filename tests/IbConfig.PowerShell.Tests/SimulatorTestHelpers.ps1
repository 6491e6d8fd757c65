# Dot-sourced by the gateway simulator tests (after TestHelpers.ps1): a bare TWS API client on the module's own framing
# (IbConfig.Core.Protocol), with a guard on every read so a broken simulator fails a test instead of hanging it.

function Install-InteropClient {
    # Installs @stoqey/ib into tests/interop exactly as locked (npm ci) unless the pinned version is there already;
    # returns the folder of the interop drivers. CI installs the client itself this way.
    $interop = Join-Path $script:RepoRoot 'tests/interop'
    $installed = Join-Path $interop 'node_modules/@stoqey/ib/package.json'
    $pinned = (Get-Content (Join-Path $interop 'package.json') -Raw | ConvertFrom-Json).dependencies.'@stoqey/ib'
    if (-not (Test-Path $installed) -or (Get-Content $installed -Raw | ConvertFrom-Json).version -ne $pinned) {
        Push-Location $interop
        try { $log = & npm ci --no-audit --no-fund 2>&1; if ($LASTEXITCODE -ne 0) { throw "npm ci failed: $log" } } finally { Pop-Location }
    }
    $interop
}

function New-GuardToken([int] $Milliseconds = 10000) {
    [System.Threading.CancellationTokenSource]::new($Milliseconds).Token
}

function Connect-RawTws {
    # Connects over loopback and sends "API\0" + the version range; returns the connection (call Read-RawTwsMessage next).
    param([Parameter(Mandatory)] [int] $Port, [string] $Range = 'v100..193', [string] $Address = '127.0.0.1')
    $tcp = [System.Net.Sockets.TcpClient]::new()
    if (-not $tcp.ConnectAsync($Address, $Port).Wait(10000)) { throw "No connection to ${Address}:$Port within 10 s." }
    $stream = $tcp.GetStream()
    $text = [System.Text.Encoding]::ASCII.GetBytes($Range)
    [byte[]] $bytes = @(0x41, 0x50, 0x49, 0, 0, 0, 0, $text.Length) + $text
    $stream.Write($bytes, 0, $bytes.Length)
    [pscustomobject]@{ Tcp = $tcp; Stream = $stream; Reader = [IbConfig.Core.Protocol.FrameReader]::new($stream) }
}

function Read-RawTwsMessage($Connection) {
    # One framed message's fields, as strings.
    , @($Connection.Reader.ReadMessageAsync((New-GuardToken)).GetAwaiter().GetResult().Fields)
}

function Send-RawTwsMessage($Connection, [object[]] $Field) {
    $builder = [IbConfig.Core.Protocol.MessageBuilder]::new()
    foreach ($f in $Field) { $null = $builder.Add([string]$f) }
    $frame = $builder.ToFrame()
    $Connection.Stream.Write($frame, 0, $frame.Length)
}

function Start-RawTwsSession {
    # Handshake + START_API; returns the connection with the server version and the five welcome messages.
    param([Parameter(Mandatory)] [int] $Port, [int] $ClientId = 1)
    $connection = Connect-RawTws -Port $Port
    $version = Read-RawTwsMessage $connection
    Send-RawTwsMessage $connection @(71, 2, $ClientId, '')
    $welcome = @(1..5 | ForEach-Object { , (Read-RawTwsMessage $connection) })
    $connection | Add-Member -PassThru -NotePropertyMembers @{ Version = [int]$version[0]; ConnectionTime = $version[1]; Welcome = $welcome }
}

function Test-RawTwsClosed($Connection) {
    # True when the server closed the connection (EOF or reset) without sending anything more.
    $buffer = [byte[]]::new(256)
    try {
        return $Connection.Stream.ReadAsync($buffer, 0, $buffer.Length, (New-GuardToken)).GetAwaiter().GetResult() -eq 0
    } catch [System.IO.IOException] {
        return $true
    }
}
