# Dot-sourced (after TestHelpers.ps1) by the tests of the three stores: a private copy of tests/fixtures/stores (a settings
# folder with jts.ini and three profile folders — Gateway ibg.xml, TWS tws.xml, an encrypted ibg.xml — and an IBC
# config.ini with credentials in it) in TestDrive, and the credential values that must never leave config.ini.

$script:StoreFixtureSource = Join-Path $script:RepoRoot 'tests/fixtures/stores'
$script:IbcSecrets = @('edemo4821', 's3cr3t-Pa55word!', 'pap3r-Pa55word!')

function New-StoreFixture {
    # Returns the paths of a fresh copy: Root, Jts (folder), JtsIni, GatewayXml, TwsXml, EncryptedXml, Ibc.
    $root = Join-Path (Get-PSDrive TestDrive).Root ([guid]::NewGuid().ToString('N'))
    Copy-Item -LiteralPath $script:StoreFixtureSource -Destination $root -Recurse
    [pscustomobject]@{
        Root         = $root
        Jts          = Join-Path $root 'Jts'
        JtsIni       = Join-Path $root 'Jts/jts.ini'
        GatewayXml   = Join-Path $root 'Jts/darykqabcdef/ibg.xml'
        TwsXml       = Join-Path $root 'Jts/qvzkdmwnrtsa/tws.xml'
        EncryptedXml = Join-Path $root 'Jts/xkcdpqrsmnbv/ibg.xml'
        Ibc          = Join-Path $root 'IBC/config.ini'
    }
}

function Get-Text([string] $Path) { [System.Text.Encoding]::UTF8.GetString([System.IO.File]::ReadAllBytes($Path)) }

function Get-FileHashes([string] $Root) {
    # Path -> SHA256 of every file under $Root: shows exactly which files a command created or changed.
    $hashes = @{}
    Get-ChildItem -LiteralPath $Root -Recurse -File | ForEach-Object { $hashes[$_.FullName] = (Get-FileHash -Algorithm SHA256 -LiteralPath $_.FullName).Hash }
    $hashes
}
