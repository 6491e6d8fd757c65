<#
.SYNOPSIS
    Generates the module's MAML help (en-US/IbConfig.PowerShell.dll-Help.xml) from one source per cmdlet.
.DESCRIPTION
    platyPS is not reachable from the build machines, so help has one source of our own: module/help/<Cmdlet>.psd1 holds the
    prose (synopsis, description, a description per parameter, examples, notes, links); everything the compiled cmdlet
    declares (parameter sets, types, positions, pipeline input, aliases, output types) is read from the cmdlet itself.
    Output types have one source each, module/help/types/<Type full name>.psd1: a description and one line per property
    (enum properties get their values appended from the type itself). Inputs name the objects users pipe in; what each
    binds (by value, by property name) and which cmdlets emit it is read from the cmdlets, and one that binds nothing fails.
    A cmdlet without a source file, a parameter or output property without a description, an output type without a
    source, or fewer than two examples fails the build.
    The same source also gives the browsable reference: one markdown page per cmdlet in -DocsPath.
    Runs in its own pwsh process because it imports the freshly built module.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [string] $DocsPath,
    [string] $MamlPath = (Join-Path $ModulePath 'en-US')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$module = Import-Module (Join-Path $ModulePath 'IbConfig.psd1') -PassThru -Force
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$problems = New-Object System.Collections.Generic.List[string]

$settings = New-Object System.Xml.XmlWriterSettings
$settings.Indent = $true
$settings.Encoding = New-Object System.Text.UTF8Encoding $false
$helpDir = $MamlPath
$null = New-Item $helpDir -ItemType Directory -Force
$writer = [System.Xml.XmlWriter]::Create((Join-Path $helpDir 'IbConfig.PowerShell.dll-Help.xml'), $settings)

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Para([string] $Text) {
    foreach ($para in ($Text.Trim() -split '(\r?\n){2,}')) {
        if ($para.Trim()) { $writer.WriteElementString('maml', 'para', $ns.maml, ($para.Trim() -replace '\s*\r?\n\s*', ' ')) }
    }
}

function Write-Description([string] $Text) {
    $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Para $Text; $writer.WriteEndElement()
}

function Get-PipelineText($attr) {
    $kinds = @()
    if ($attr.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($attr.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($Parameter, $SetParameter, [string] $Text, $Default) {
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $writer.WriteStartElement('command', 'parameter', $ns.command)
    # $SetParameter is a CommandParameterInfo (syntax) or a ParameterAttribute (parameter list): they name "mandatory" differently.
    $mandatory = if ($SetParameter.PSObject.Properties['IsMandatory']) { $SetParameter.IsMandatory } else { $SetParameter.Mandatory }
    $writer.WriteAttributeString('required', ([bool]$mandatory).ToString().ToLowerInvariant())
    $writer.WriteAttributeString('globbing', 'false')
    $writer.WriteAttributeString('pipelineInput', (Get-PipelineText $SetParameter))
    $position = if ($SetParameter.Position -ge 0) { [string]($SetParameter.Position + 1) } else { 'named' }
    $writer.WriteAttributeString('position', $position)
    $writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Description $Text
    $typeName = $Parameter.ParameterType.Name
    if (-not $isSwitch) {
        $writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteString($typeName)
        $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.ParameterType.FullName); $writer.WriteEndElement()
    $writer.WriteElementString('dev', 'defaultValue', $ns.dev, $(if ($null -ne $Default) { [string]$Default } elseif ($isSwitch) { 'False' } else { 'None' }))
    $writer.WriteEndElement()
}

function Test-OwnType([type] $Type) { $null -ne $Type -and $Type.Namespace -like 'IbConfig*' }

function Get-TypeLabel([type] $Type) {
    # Short, stable type names for the reference: Nullable<T> as T?, arrays as T[].
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { return (Get-TypeLabel $inner) + '?' }
    if ($Type.IsArray) { return (Get-TypeLabel $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) { return ($Type.Name -replace '`.*$') + '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-TypeLabel $_ }) -join ', ') + ']' }
    $Type.Name
}

$typesPath = Join-Path $SourcePath 'types'
$typeHelp = @{}
foreach ($file in Get-ChildItem $typesPath -Filter '*.psd1' -ErrorAction SilentlyContinue) { $typeHelp[$file.BaseName] = Import-PowerShellDataFile $file.FullName }

function Get-OutputHelp([type] $Type) {
    # The description and one line per public property, in declaration order, from module/help/types; problems are collected.
    $source = $typeHelp[$Type.FullName]
    if (-not $source) { $problems.Add("$($Type.FullName): output type has no help source at $(Join-Path $typesPath "$($Type.FullName).psd1")"); return $null }
    $properties = foreach ($p in $Type.GetProperties([System.Reflection.BindingFlags]'Public, Instance')) {
        $text = $source.Properties[$p.Name]
        if (-not $text) { $problems.Add("$($Type.FullName): property $($p.Name) has no description") }
        # A name shown as a string (docs/serialisation.md) lists the values of the internal typed twin <Name>Value behind it.
        $typed = if ($p.PropertyType -in [string], [string[]]) { $Type.GetProperty("$($p.Name)Value", [System.Reflection.BindingFlags]'NonPublic, Instance') }
        $enum = if ($typed) { $typed.PropertyType } else { $p.PropertyType }
        if ($enum.IsArray) { $enum = $enum.GetElementType() }
        $inner = [Nullable]::GetUnderlyingType($enum); if ($inner) { $enum = $inner }
        if ($enum.IsEnum) { $text = "$text Values: $([Enum]::GetNames($enum) -join ', ')." }
        [pscustomobject]@{ Name = $p.Name; Type = Get-TypeLabel $p.PropertyType; Text = $text }
    }
    foreach ($name in $source.Properties.Keys) { if (-not $Type.GetProperty($name)) { $problems.Add("$($Type.FullName): help describes property $name, which the type does not have") } }
    [pscustomobject]@{ Description = $source.Description; Properties = @($properties) }
}

$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$producers = @{}
foreach ($cmd in $cmdlets) {
    foreach ($t in $cmd.OutputType.Type) { if (Test-OwnType $t) { $producers[$t.FullName] = @($producers[$t.FullName]) + $cmd.Name | Where-Object { $_ } | Select-Object -Unique } }
}
$ownOutputTypes = @($cmdlets | ForEach-Object { $_.OutputType.Type } | Where-Object { Test-OwnType $_ } | Sort-Object FullName -Unique)
foreach ($name in $typeHelp.Keys) { if (-not ($ownOutputTypes.FullName -contains $name)) { $problems.Add("types/$name.psd1: help source for a type no cmdlet outputs") } }

function Get-InputHelp($Cmd, $OwnParameters, $Help) {
    # The objects the help source names as inputs, each with what really binds (checked against the cmdlet: a named input
    # that binds nothing fails the build), and the cmdlets of this module that emit it.
    $pipelineAttr = { param($p) $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } }
    $byValue = @($OwnParameters | Where-Object { & $pipelineAttr $_ | Where-Object ValueFromPipeline })
    $byName = @($OwnParameters | Where-Object { & $pipelineAttr $_ | Where-Object ValueFromPipelineByPropertyName } | Sort-Object Name)
    $declared = @(if ($Help.ContainsKey('Inputs')) { $Help.Inputs })
    if (-not $byValue -and -not $byName) {
        if ($declared) { $problems.Add("$($Cmd.Name): help names Inputs, but nothing binds from the pipeline") }
        return [pscustomobject]@{ Type = 'None'; Text = 'Nothing binds from the pipeline.' }
    }
    if (-not $declared) { $problems.Add("$($Cmd.Name): help source lacks Inputs (the objects users pipe in)") }
    foreach ($name in $declared) {
        $type = $name -as [type]
        if (-not $type) { $problems.Add("$($Cmd.Name): input type $name is not a type"); continue }
        $parts = @()
        $valueTargets = foreach ($p in $byValue) {
            $target = $p.ParameterType; if ($target.IsArray) { $target = $target.GetElementType() }
            if ($target.IsAssignableFrom($type) -or ($type -eq [string] -and $target.IsEnum)) { "-$($p.Name)" }
        }
        if ($valueTargets) { $parts += "binds $($valueTargets -join ', ') by value" }
        $nameTargets = foreach ($p in $byName) {
            $property = @($p.Name) + @($p.Aliases) | Where-Object { $type.GetProperty($_) } | Select-Object -First 1
            if ($property) { if ($property -eq $p.Name) { "-$($p.Name)" } else { "-$($p.Name) (from $property)" } }
        }
        if ($nameTargets) { $parts += "binds $($nameTargets -join ', ') by property name" }
        if (-not $parts) { $problems.Add("$($Cmd.Name): input $name binds no parameter"); continue }
        $from = if ($producers[$type.FullName]) { "From $($producers[$type.FullName] -join ', '): " } else { '' }
        $text = $from + ($parts -join '; ') + '.'
        [pscustomobject]@{ Type = $type.FullName; Text = $text.Substring(0, 1).ToUpperInvariant() + $text.Substring(1) }
    }
}

function Get-ReturnHelp($Cmd, $Help) {
    $declared = if ($Help.ContainsKey('Outputs')) { $Help.Outputs } else { @{} }
    foreach ($t in @($Cmd.OutputType.Type | Where-Object { $_ } | Sort-Object FullName -Unique)) {
        if (Test-OwnType $t) {
            $output = Get-OutputHelp $t
            if ($output) { [pscustomobject]@{ Type = $t.FullName; Text = $output.Description; Properties = $output.Properties } }
        }
        elseif ($t -eq [void]) { [pscustomobject]@{ Type = 'None'; Text = 'Nothing is written to the pipeline.'; Properties = @() } }
        else {
            if (-not $declared[$t.FullName]) { $problems.Add("$($Cmd.Name): output $($t.FullName) needs a description in the help source's Outputs") }
            [pscustomobject]@{ Type = $t.FullName; Text = $declared[$t.FullName]; Properties = @() }
        }
    }
}

$docs = [ordered]@{}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems'); $writer.WriteAttributeString('schema', 'maml')

foreach ($cmd in $cmdlets) {
    $sourceFile = Join-Path $SourcePath "$($cmd.Name).psd1"
    if (-not (Test-Path $sourceFile)) { $problems.Add("$($cmd.Name): no help source at $sourceFile"); continue }
    $help = Import-PowerShellDataFile $sourceFile
    foreach ($key in 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $help.ContainsKey($key) -or -not $help[$key]) { $problems.Add("$($cmd.Name): help source lacks $key") }
    }
    if (-not $help.ContainsKey('Parameters') -or -not $help.ContainsKey('Examples')) { continue }
    $ownParameters = @($cmd.Parameters.Values | Where-Object { $common -notcontains $_.Name })
    foreach ($p in $ownParameters) { if (-not $help.Parameters[$p.Name]) { $problems.Add("$($cmd.Name): parameter -$($p.Name) has no description") } }
    foreach ($name in $help.Parameters.Keys) { if (-not $cmd.Parameters.ContainsKey($name)) { $problems.Add("$($cmd.Name): help describes -$name, which the cmdlet does not have") } }
    if (@($help.Examples).Count -lt 2) { $problems.Add("$($cmd.Name): needs at least two examples") }
    $defaults = if ($help.ContainsKey('DefaultValues')) { $help.DefaultValues } else { @{} }

    $writer.WriteStartElement('command', 'command', $ns.command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $writer.WriteStartElement('command', 'details', $ns.command)
    $writer.WriteElementString('command', 'name', $ns.command, $cmd.Name)
    $writer.WriteElementString('command', 'verb', $ns.command, $cmd.Verb)
    $writer.WriteElementString('command', 'noun', $ns.command, $cmd.Noun)
    Write-Description $help.Synopsis
    $writer.WriteEndElement()
    Write-Description $help.Description

    $writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $writer.WriteElementString('maml', 'name', $ns.maml, $cmd.Name)
        foreach ($sp in ($set.Parameters | Where-Object { $common -notcontains $_.Name } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } })) {
            Write-Parameter $cmd.Parameters[$sp.Name] $sp $help.Parameters[$sp.Name] $defaults[$sp.Name]
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in ($ownParameters | Sort-Object Name)) {
        $attr = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        Write-Parameter $p $attr $help.Parameters[$p.Name] $defaults[$p.Name]
    }
    $writer.WriteEndElement()

    $inputs = @(Get-InputHelp $cmd $ownParameters $help)
    $writer.WriteStartElement('command', 'inputTypes', $ns.command)
    foreach ($entry in $inputs) {
        $writer.WriteStartElement('command', 'inputType', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $entry.Type); $writer.WriteEndElement()
        Write-Description $entry.Text
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $returns = @(Get-ReturnHelp $cmd $help)
    $writer.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($entry in $returns) {
        $writer.WriteStartElement('command', 'returnValue', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $entry.Type); $writer.WriteEndElement()
        Write-Description ((@($entry.Text) + @($entry.Properties | ForEach-Object { "$($_.Name) [$($_.Type)]: $($_.Text)" })) -join "`n`n")
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $docs[$cmd.Name] = [pscustomobject]@{ Command = $cmd; Help = $help; Parameters = $ownParameters; Inputs = $inputs; Returns = $returns; Defaults = $defaults }

    if ($help.ContainsKey('Notes') -and $help.Notes) {
        $writer.WriteStartElement('maml', 'alertSet', $ns.maml); $writer.WriteStartElement('maml', 'alert', $ns.maml); Write-Para $help.Notes; $writer.WriteEndElement(); $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $ns.command)
    $i = 0
    foreach ($example in @($help.Examples)) {
        $i++
        $writer.WriteStartElement('command', 'example', $ns.command)
        $writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- Example ${i}: $($example.Title) --------------------------")
        $writer.WriteElementString('dev', 'code', $ns.dev, $example.Code.Trim())
        $writer.WriteStartElement('dev', 'remarks', $ns.dev); Write-Para $example.Remarks; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in @($(if ($help.ContainsKey('RelatedLinks')) { $help.RelatedLinks } else { @() }) + 'about_IbConfig')) {
        $writer.WriteStartElement('maml', 'navigationLink', $ns.maml); $writer.WriteElementString('maml', 'linkText', $ns.maml, $link); $writer.WriteElementString('maml', 'uri', $ns.maml, ''); $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Close()

foreach ($file in Get-ChildItem $SourcePath -Filter '*.psd1') {
    if (-not ($cmdlets.Name -contains $file.BaseName)) { $problems.Add("$($file.Name): help source for a cmdlet the module does not export") }
}
Get-ChildItem $SourcePath -Filter 'about_*.help.txt' | Copy-Item -Destination $helpDir

if ($DocsPath -and -not $problems.Count) {
    . (Join-Path $PSScriptRoot 'IbConfigMarkdown.ps1')
    Write-IbConfigMarkdown -Docs $docs -Path $DocsPath -Common $common
}

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    throw "Help is incomplete ($($problems.Count) problem(s)); fix module/help."
}
Write-Host "Help generated for $($cmdlets.Count) cmdlet(s)."
