<#
.SYNOPSIS
    Generates the module's MAML help (en-US/IbConfig.PowerShell.dll-Help.xml) from one source per cmdlet.
.DESCRIPTION
    platyPS is not reachable from the build machines, so help has one source of our own: module/help/<Cmdlet>.psd1 holds the
    prose (synopsis, description, a description per parameter, examples, notes, links); everything the compiled cmdlet
    declares (parameter sets, types, positions, pipeline input, aliases, output types) is read from the cmdlet itself.
    A cmdlet without a source file, a parameter without a description, or fewer than two examples fails the build.
    Runs in its own pwsh process because it imports the freshly built module.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$module = Import-Module (Join-Path $ModulePath 'IbConfig.psd1') -PassThru -Force
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$problems = New-Object System.Collections.Generic.List[string]

$settings = New-Object System.Xml.XmlWriterSettings
$settings.Indent = $true
$settings.Encoding = New-Object System.Text.UTF8Encoding $false
$helpDir = Join-Path $ModulePath 'en-US'
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

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems'); $writer.WriteAttributeString('schema', 'maml')

$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
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

    $writer.WriteStartElement('command', 'inputTypes', $ns.command)
    $inputTypes = @($ownParameters | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } } |
        ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
    if (-not $inputTypes) { $inputTypes = @('None') }
    foreach ($t in $inputTypes) {
        $writer.WriteStartElement('command', 'inputType', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $t); $writer.WriteEndElement()
        Write-Description 'Values bind by the parameters marked for pipeline input.'
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($t in @($cmd.OutputType | ForEach-Object Name | Select-Object -Unique)) {
        $writer.WriteStartElement('command', 'returnValue', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $t); $writer.WriteEndElement()
        Write-Description ''
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

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

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    throw "Help is incomplete ($($problems.Count) problem(s)); fix module/help."
}
Write-Host "Help generated for $($cmdlets.Count) cmdlet(s)."
