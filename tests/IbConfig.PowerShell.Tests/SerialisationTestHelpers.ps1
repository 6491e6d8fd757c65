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
