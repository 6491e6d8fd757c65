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

function Set-TestMachine([IbConfig.Core.Machine.IbMachine] $Machine) {
    # TEST SEAM ONLY (IbConfig.PowerShell.IbCmdlet.TestMachineVariable): every IbConfig cmdlet of this session uses $Machine
    # instead of this computer's processes, sockets, clock and default ports; $null restores the real machine.
    if ($null -eq $Machine) { Remove-Variable -Name IbConfigTestMachine -Scope Global -ErrorAction SilentlyContinue }
    else { $global:IbConfigTestMachine = $Machine }
}

function Get-TestMachine {
    # The fake machine installed for this session, or the real one.
    $installed = Get-Variable -Name IbConfigTestMachine -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if ($installed) { $installed } else { [IbConfig.Core.Machine.IbMachine]::Local }
}

function Set-TestProcess([IbConfig.Core.Processes.ProcessSnapshot[]] $Snapshot = @()) {
    # These processes "run" for the write guard, Get-IbGatewayProcess and the checklist (the other fake seams are kept).
    Set-TestMachine ((Get-TestMachine).WithProcesses([IbConfig.Core.Processes.StaticProcessSource]::new($Snapshot)))
}
