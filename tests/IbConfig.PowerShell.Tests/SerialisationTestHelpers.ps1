# Dot-sourced by the tests that check what outputs look like in JSON (docs/serialisation.md).

function Find-JsonUnfriendlyValue {
    # Walks an output the way ConvertTo-Json does (properties, lists, dictionaries; IbConfig objects only, to -Depth) and
    # returns the path of every value JSON would write as a number (an enum) or expand into fields (a TimeSpan).
    param($Value, [string] $Path = '$_', [int] $Depth = 4)
    if ($null -eq $Value -or $Value -is [string]) { return }
    if ($Value -is [Enum] -or $Value -is [TimeSpan]) { return "$Path ($($Value.GetType().Name) $Value)" }
    if ($Value -is [ValueType]) { return }
    if ($Depth -lt 0) { return }
    if ($Value -is [System.Collections.IDictionary]) {
        foreach ($key in $Value.Keys) { Find-JsonUnfriendlyValue $Value[$key] "$Path[$key]" ($Depth - 1) }
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        $i = 0
        foreach ($item in $Value) { Find-JsonUnfriendlyValue $item "$Path[$i]" ($Depth - 1); $i++ }
        return
    }
    $base = if ($Value -is [psobject]) { $Value.psobject.BaseObject } else { $Value }
    if ($base.GetType().Namespace -notlike 'IbConfig*') { return }
    foreach ($property in $Value.psobject.Properties) {
        $inner = try { $property.Value } catch { $null }
        Find-JsonUnfriendlyValue $inner "$Path.$($property.Name)" ($Depth - 1)
    }
}

function Get-ReachableOutputType {
    # Every IbConfig type a cmdlet's output can hold: the [OutputType]s and, recursively, the types of their public properties.
    $seen = @{}
    $queue = New-Object System.Collections.Generic.Queue[type]
    Get-Command -Module IbConfig -CommandType Cmdlet | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ } | ForEach-Object { $queue.Enqueue($_) }
    while ($queue.Count) {
        $t = $queue.Dequeue()
        $inner = [Nullable]::GetUnderlyingType($t); if ($inner) { $t = $inner }
        if ($t.IsArray) { $queue.Enqueue($t.GetElementType()); continue }
        if ($t.IsGenericType) { foreach ($a in $t.GetGenericArguments()) { $queue.Enqueue($a) }; continue }
        if ($t.Namespace -notlike 'IbConfig*' -or $t.IsEnum -or $seen.ContainsKey($t.FullName)) { continue }
        $seen[$t.FullName] = $t
        foreach ($p in $t.GetProperties([System.Reflection.BindingFlags]'Public, Instance')) { $queue.Enqueue($p.PropertyType) }
    }
    $seen.Values | Sort-Object FullName
}

function Test-JsonUnfriendlyType([type] $Type) {
    # True for a property type JSON writes as a number or expands: an enum or a TimeSpan, also nullable, in an array or a list.
    $inner = [Nullable]::GetUnderlyingType($Type); if ($inner) { $Type = $inner }
    if ($Type.IsArray) { return Test-JsonUnfriendlyType $Type.GetElementType() }
    if ($Type.IsGenericType) { return [bool]@($Type.GetGenericArguments() | Where-Object { Test-JsonUnfriendlyType $_ }).Count }
    $Type.IsEnum -or $Type -eq [TimeSpan]
}

function New-SettingsJsonCase {
    # The shapes of settings that docs/serialisation.md measures in JSON, each written under $Root from the samples:
    # returns name => Get-IbApiSetting's arguments. bench/Measure-JsonSize.ps1 measures the same cases.
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $SamplesPath)
    function Add-Folder([string] $Name, [string] $Sample) {
        $folder = Join-Path $Root $Name
        if ($Sample) { Copy-Item -LiteralPath (Join-Path $SamplesPath $Sample) -Destination $folder -Recurse }
        else { $null = New-Item -ItemType Directory -Path $folder }
        $folder
    }
    function Set-Text([string] $Path, [string] $Text) { [IO.File]::WriteAllText($Path, $Text) }

    $one = Add-Folder 'one-store' 'guide-layout'
    $profileOnly = Add-Folder 'profile' 'real-layout'
    # IBC's list gains 127.0.0.1, so all three stores trust 127.0.0.1,10.0.0.5 and agree on the port and read-only flag.
    $agree = Add-Folder 'three-agree' 'real-layout'
    Set-Text "$agree/config.ini" "OverrideTwsApiPort=4002`nReadOnlyApi=no`nTrustedTwsApiClientIPs=10.0.0.5`n"
    $differ = Add-Folder 'three-differ' 'real-layout'
    Copy-Item -LiteralPath (Join-Path $SamplesPath 'ibc/config.ini') -Destination "$differ/config.ini"
    # IBC beats jts.ini's TrustedIPs, which beat the guide's s.TrustedIPs: the deepest nesting the old model had.
    $ibc = Add-Folder 'ibc-overrides' ''
    Set-Text "$ibc/jts.ini" "[IBGateway]`nTrustedIPs=127.0.0.1,10.0.0.5`ns.TrustedIPs=127.0.0.1`ns.SocketPort=7497`n"
    Set-Text "$ibc/config.ini" "OverrideTwsApiPort=4002`nTrustedTwsApiClientIPs=10.0.0.9`n"
    # A port out of range, a flag that is no bool, a line that is no key, and guide and real trusted lists that disagree.
    $warn = Add-Folder 'warnings' ''
    Set-Text "$warn/jts.ini" "[IBGateway]`ns.SocketPort=70000`ns.ReadOnlyApi=maybe`nnot a key`nTrustedIPs=127.0.0.1`ns.TrustedIPs=127.0.0.1,10.0.0.9`n"

    [ordered]@{
        'one store'              = @{ Path = "$one/jts.ini" }
        'profile-only values'    = @{ Path = "$profileOnly/jts.ini" }
        'three stores agreeing'  = @{ Path = "$agree/jts.ini"; IbcConfigPath = "$agree/config.ini" }
        'three stores differing' = @{ Path = "$differ/jts.ini"; IbcConfigPath = "$differ/config.ini" }
        'IBC overriding'         = @{ Path = "$ibc/jts.ini"; IbcConfigPath = "$ibc/config.ini" }
        'warnings'               = @{ Path = "$warn/jts.ini" }
    }
}

function Get-SettingsFingerprint($Settings) {
    # What a user filters on, as lines that read the same from live objects, ConvertFrom-Json and Import-Clixml.
    foreach ($v in $Settings.Values) {
        $beaten = @($v.Overridden | ForEach-Object { "$($_.Store)=$($_.Value)@$($_.Location):$($_.LineNumber)" }) -join '; '
        "value $($v.Name)=$($v.DisplayValue) from $($v.Source.Store) $($v.Source.Location):$($v.Source.LineNumber) beat [$beaten]"
    }
    foreach ($c in $Settings.Conflicts) {
        "conflict $($c.Setting)=$($c.EffectiveValue) from $($c.EffectiveStore): $(@($c.Values | ForEach-Object { "$($_.Store)=$($_.Value)" }) -join ', ')"
    }
    foreach ($w in $Settings.Warnings) { "warning $($w.Code) $($w.Setting) $($w.Store)" }
    "port $($Settings.SocketPort) trusted $($Settings.TrustedIps -join ',')"
}
