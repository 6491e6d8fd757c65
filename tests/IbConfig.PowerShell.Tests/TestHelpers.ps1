# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the module as laid out in out/IbConfig (a missing file in the
# layout must fail the tests) and offers small shared helpers.
$script:ModuleManifestPath = if ($env:IBCONFIG_MODULE_PATH) { $env:IBCONFIG_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/IbConfig/IbConfig.psd1' }
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:SamplesPath = Join-Path $script:RepoRoot 'samples'
Import-Module $script:ModuleManifestPath -Force -ErrorAction Stop

function Get-FreeLoopbackPort {
    # Lets the OS pick a free port: bind to 0, read it, release it.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Get-FileBytesHex([string] $Path) {
    [System.BitConverter]::ToString([System.IO.File]::ReadAllBytes($Path))
}

# IBC's config.ini is found through $env:IBC_INI or IBC's usual places in the user's home: point the variable at a file
# that does not exist so no test reads (or writes) a real IBC installation on the machine running the tests.
$env:IBC_INI = Join-Path ([System.IO.Path]::GetTempPath()) 'ibconfig-tests-no-ibc/config.ini'
