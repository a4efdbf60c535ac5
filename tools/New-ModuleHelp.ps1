<#
.SYNOPSIS
    Generates the module's cmdlet help (MAML) and about topics from the prose kept in docs/.
.DESCRIPTION
    The prose lives in one PowerShell data file per cmdlet, docs/help/<Verb-Noun>.psd1:

        @{
            Synopsis     = 'One sentence.'
            Description  = 'Paragraphs (a string, or an array of strings: one per paragraph).'
            Parameters   = @{ Name = 'What it does.'; Other = @{ Description = '...'; DefaultValue = '10' } }
            Inputs       = @(@{ Type = 'EmProto.Evse'; Description = '...' })   # optional: derived from metadata
            Outputs      = @(@{ Type = 'EmProto.Evse'; Description = '...' })   # optional: from [OutputType]
            Notes        = 'Paragraphs.'                                         # optional
            Examples     = @(@{ Title = '...'; Code = '...'; Remarks = '...' }, ...)  # at least two
            RelatedLinks = @('Get-Evse', 'about_EmProto')                         # optional
        }

    The parameter metadata (type, mandatory, position, pipeline input, parameter sets, aliases,
    wildcard support) is read from Get-Command on the staged module, so it is always that of the
    code. The module is imported in a CHILD `dotnet pwsh` process so that the build process never
    loads (and locks) the module it has just staged.

    Generation fails, listing every problem at once, when an exported cmdlet has no help file, a
    parameter has no description, there are fewer than two examples, or a help file describes a
    parameter the cmdlet does not have. Help files of cmdlets the module does not export are
    ignored. -WhatIf and -Confirm get a standard description unless the help file gives one.

    about_*.help.txt files found in -AboutPath are copied next to the MAML file.
.EXAMPLE
    ./tools/New-ModuleHelp.ps1 -SourcePath docs/help -OutputPath out/EmProto/0.1.0/en-US
#>
[CmdletBinding()]
param(
    # Folder of <Verb-Noun>.psd1 help files.
    [Parameter(Mandatory)] [string] $SourcePath,

    # Folder that receives the MAML file(s) and about topics (<module folder>/en-US).
    [Parameter(Mandatory)] [string] $OutputPath,

    # The module to document (a folder or manifest); default: the parent of -OutputPath.
    [string] $ModulePath,

    # Folder holding about_*.help.txt topics; default: the parent of -SourcePath.
    [string] $AboutPath,

    # Internal: set when running as the child process that does the work.
    [switch] $InChildProcess
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$SourcePath = [IO.Path]::GetFullPath($SourcePath)
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
if (-not $ModulePath) { $ModulePath = Split-Path $OutputPath -Parent }
$ModulePath = [IO.Path]::GetFullPath($ModulePath)
if (-not $AboutPath) { $AboutPath = Split-Path $SourcePath -Parent }
$AboutPath = [IO.Path]::GetFullPath($AboutPath)

if (-not $InChildProcess) {
    $repoRoot = Split-Path $PSScriptRoot -Parent
    $childArgs = @(
        'pwsh', '-NoProfile', '-NonInteractive', '-File', $PSCommandPath,
        '-SourcePath', $SourcePath, '-OutputPath', $OutputPath, '-ModulePath', $ModulePath,
        '-AboutPath', $AboutPath, '-InChildProcess'
    )
    if ($VerbosePreference -eq 'Continue') { $childArgs += '-Verbose' }
    # `dotnet pwsh` resolves the tool manifest from the working directory: run it from the repo.
    Push-Location $repoRoot
    try { & dotnet @childArgs } finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { throw "Help generation failed (see the messages above); exit code $LASTEXITCODE." }
    return
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run: nothing is sent to any charger.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-Paragraphs {
    param($Value)
    if ($null -eq $Value) { return @() }
    @($Value | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
}

function Get-TypeDisplayName {
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeDisplayName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $name = $Type.Name.Substring(0, $Type.Name.IndexOf('`'))
        return $name + '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName $_ }) -join ', ') + ']'
    }
    $Type.Name
}

function Get-TypeFullName {
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeFullName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) { return $Type.GetGenericTypeDefinition().FullName.Split('`')[0] + '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-TypeFullName $_ }) -join ', ') + ']' }
    $Type.FullName
}

function Get-PipelineText {
    param([bool] $ByValue, [bool] $ByPropertyName)
    if ($ByValue -and $ByPropertyName) { return 'True (ByPropertyName, ByValue)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    'False'
}

$script:doc = [xml]::new()
function Add-Element {
    param([System.Xml.XmlNode] $Parent, [string] $Namespace, [string] $QualifiedName, [string] $Text, [hashtable] $Attributes)
    $e = $script:doc.CreateElement($QualifiedName, $Namespace)
    if ($Attributes) { foreach ($k in $Attributes.Keys | Sort-Object) { $e.SetAttribute($k, [string]$Attributes[$k]) } }
    if ($PSBoundParameters.ContainsKey('Text')) { $e.InnerText = $Text }
    $null = $Parent.AppendChild($e)
    $e
}

function Add-Paragraphs {
    param([System.Xml.XmlNode] $Parent, $Paragraphs)
    $list = @(Get-Paragraphs $Paragraphs)
    if ($list.Count -eq 0) { $null = Add-Element $Parent $maml 'maml:para' '' ; return }
    foreach ($p in $list) { $null = Add-Element $Parent $maml 'maml:para' $p }
}

function Get-ParameterDescription {
    param([hashtable] $Help, [string] $Name)
    $entry = if ($Help.ContainsKey('Parameters') -and $Help.Parameters) { $Help.Parameters[$Name] } else { $null }
    if ($null -eq $entry) {
        if ($standardDescriptions.ContainsKey($Name)) { return @{ Description = $standardDescriptions[$Name]; DefaultValue = 'False' } }
        return $null
    }
    if ($entry -is [hashtable]) { return @{ Description = $entry['Description']; DefaultValue = $entry['DefaultValue'] } }
    @{ Description = $entry; DefaultValue = $null }
}

# The default a description states in words ("The default is 60 seconds.", "(default 4)", "Default: now"),
# so the help's "Default value" agrees with the text instead of saying None.
function Get-StatedDefault {
    param($Description)
    $text = (@(Get-Paragraphs $Description) -join ' ')
    foreach ($pattern in @(
            '(?i)\bthe default is\s+(?<v>[^;]+?)(?:[;]|\.(?:\s|$)|$)'
            '(?i)\((?:the )?default:?\s+(?<v>[^)]+)\)'
            '(?i)\bdefaults? to\s+(?<v>[^;]+?)(?:[;]|\.(?:\s|$)|$)'
            '(?i)\bdefault:\s+(?<v>[^;]+?)(?:[;]|\.(?:\s|$)|$)'
            '(?i)^by default,?\s+(?<v>(?!this cmdlet)[^;]+?)(?:[;]|\.(?:\s|$)|$)')) {
        if ($text -match $pattern) { return $Matches['v'].Trim() }
    }
    $null
}

function Add-ParameterElement {
    param([System.Xml.XmlNode] $Parent, $Parameter, [hashtable] $Described, [bool] $Required, [string] $Position,
        [string] $Pipeline, [bool] $ForSyntax)
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $p = Add-Element $Parent $command 'command:parameter' -Attributes @{
        required = $Required.ToString().ToLowerInvariant(); variableLength = 'true'
        globbing = $globbing.ToString().ToLowerInvariant(); pipelineInput = $Pipeline; position = $Position; aliases = $aliases
    }
    $null = Add-Element $p $maml 'maml:name' $Parameter.Name
    $d = Add-Element $p $maml 'maml:description'
    Add-Paragraphs $d $Described.Description
    if (-not ($ForSyntax -and $isSwitch)) {
        $null = Add-Element $p $command 'command:parameterValue' (Get-TypeDisplayName $Parameter.ParameterType) -Attributes @{
            required = (-not $isSwitch).ToString().ToLowerInvariant(); variableLength = 'false'
        }
    }
    $t = Add-Element $p $dev 'dev:type'
    $null = Add-Element $t $maml 'maml:name' (Get-TypeFullName $Parameter.ParameterType)
    $null = Add-Element $t $maml 'maml:uri' ''
    $default = if ($Described.DefaultValue) { [string]$Described.DefaultValue }
        elseif ($isSwitch) { 'False' }
        elseif ($stated = Get-StatedDefault $Described.Description) { $stated }
        else { 'None' }
    $null = Add-Element $p $dev 'dev:defaultValue' $default
}

if (Test-Path $ModulePath -PathType Container) {
    # A version folder (EmProto/0.1.0) cannot be imported by path: import its manifest.
    $manifests = @(Get-ChildItem $ModulePath -Filter '*.psd1' -File)
    if ($manifests.Count -ne 1) { throw "Expected exactly one module manifest in $ModulePath; found $($manifests.Count)." }
    $ModulePath = $manifests[0].FullName
}
Write-Verbose "Importing $ModulePath"
$module = Import-Module $ModulePath -PassThru -Force -ErrorAction Stop | Select-Object -First 1
$cmdlets = @($module.ExportedCmdlets.Values | Sort-Object Name)
$common = @([System.Management.Automation.PSCmdlet]::CommonParameters)
$helpFiles = @{}
foreach ($f in Get-ChildItem $SourcePath -Filter '*.psd1' -ErrorAction SilentlyContinue) { $helpFiles[$f.BaseName] = $f.FullName }

$problems = [System.Collections.Generic.List[string]]::new()
$documents = [ordered]@{}
$null = New-Item -ItemType Directory -Path $OutputPath -Force

foreach ($cmd in $cmdlets) {
    $name = $cmd.Name
    if (-not $helpFiles.ContainsKey($name)) {
        $problems.Add("${name}: no help file; create $(Join-Path $SourcePath "$name.psd1") (see docs/help/README.md).")
        continue
    }
    try { $help = Import-PowerShellDataFile $helpFiles[$name] }
    catch { $problems.Add("${name}: $($helpFiles[$name]) is not a valid data file: $($_.Exception.Message)"); continue }

    if (-not (Get-Paragraphs $help['Synopsis'])) { $problems.Add("${name}: Synopsis is missing.") }
    if (-not (Get-Paragraphs $help['Description'])) { $problems.Add("${name}: Description is missing.") }
    $examples = @(if ($help.ContainsKey('Examples')) { $help.Examples })
    if ($examples.Count -lt 2) { $problems.Add("${name}: has $($examples.Count) example(s); at least two are required.") }
    for ($i = 0; $i -lt $examples.Count; $i++) {
        $ex = $examples[$i]
        if ($ex -isnot [hashtable] -or -not (Get-Paragraphs $ex['Code']) -or -not (Get-Paragraphs $ex['Remarks'])) {
            $problems.Add("${name}: example $($i + 1) needs both Code and Remarks.")
        }
    }
    $parameters = @($cmd.Parameters.Values | Where-Object { $common -notcontains $_.Name } | Sort-Object Name)
    foreach ($p in $parameters) {
        $described = Get-ParameterDescription $help $p.Name
        if (-not $described -or -not (Get-Paragraphs $described.Description)) { $problems.Add("${name}: parameter -$($p.Name) has no description.") }
    }
    if ($help.ContainsKey('Parameters') -and $help.Parameters) {
        foreach ($documented in $help.Parameters.Keys) {
            if (-not ($parameters | Where-Object Name -eq $documented)) { $problems.Add("${name}: the help describes -$documented, which the cmdlet does not have.") }
        }
    }
    $helpFileName = if ($cmd.HelpFile) { Split-Path $cmd.HelpFile -Leaf } else { "$($module.Name).dll-Help.xml" }
    if (-not $documents.Contains($helpFileName)) { $documents[$helpFileName] = [System.Collections.Generic.List[object]]::new() }
    $documents[$helpFileName].Add([pscustomobject]@{ Command = $cmd; Help = $help; Parameters = $parameters })
}

$ignored = @($helpFiles.Keys | Where-Object { -not ($cmdlets | Where-Object Name -eq $_) } | Sort-Object)
if ($ignored.Count) { Write-Verbose "Help files for cmdlets the module does not export (ignored): $($ignored -join ', ')" }

if ($problems.Count) {
    [Console]::Error.WriteLine("Cmdlet help is incomplete ($($problems.Count) problem(s)); every exported cmdlet needs docs/help/<Verb-Noun>.psd1:")
    foreach ($p in $problems) { [Console]::Error.WriteLine("  - $p") }
    exit 1
}

# A module without cmdlets still gets a (valid, empty) help file named after its assembly.
if ($documents.Count -eq 0 -and $module.ModuleType -eq 'Binary') {
    $documents["$(Split-Path $module.Path -Leaf)-Help.xml"] = [System.Collections.Generic.List[object]]::new()
}

foreach ($fileName in $documents.Keys) {
    $script:doc = [xml]::new()
    $null = $script:doc.AppendChild($script:doc.CreateXmlDeclaration('1.0', 'utf-8', $null))
    $root = $script:doc.CreateElement('helpItems', 'http://msh')
    $root.SetAttribute('schema', 'maml')
    $null = $script:doc.AppendChild($root)

    foreach ($entry in $documents[$fileName]) {
        $cmd = $entry.Command; $help = $entry.Help; $parameters = $entry.Parameters
        $c = Add-Element $root $command 'command:command'
        $c.SetAttribute('xmlns:maml', $maml); $c.SetAttribute('xmlns:dev', $dev)
        $details = Add-Element $c $command 'command:details'
        $null = Add-Element $details $command 'command:name' $cmd.Name
        $null = Add-Element $details $command 'command:verb' $cmd.Verb
        $null = Add-Element $details $command 'command:noun' $cmd.Noun
        Add-Paragraphs (Add-Element $details $maml 'maml:description') $help.Synopsis
        Add-Paragraphs (Add-Element $c $maml 'maml:description') $help.Description

        $syntax = Add-Element $c $command 'command:syntax'
        foreach ($set in $cmd.ParameterSets) {
            $item = Add-Element $syntax $command 'command:syntaxItem'
            $null = Add-Element $item $maml 'maml:name' $cmd.Name
            $setParameters = @($set.Parameters | Where-Object { $common -notcontains $_.Name } |
                Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }, @{ Expression = { $standardDescriptions.ContainsKey($_.Name) } }, Name)
            foreach ($sp in $setParameters) {
                $full = $cmd.Parameters[$sp.Name]
                $position = if ($sp.Position -ge 0) { [string]$sp.Position } else { 'named' }
                Add-ParameterElement $item $full (Get-ParameterDescription $help $sp.Name) $sp.IsMandatory $position `
                (Get-PipelineText $sp.ValueFromPipeline $sp.ValueFromPipelineByPropertyName) $true
            }
        }

        $paramsNode = Add-Element $c $command 'command:parameters'
        $inputs = [ordered]@{}
        foreach ($p in $parameters) {
            $sets = @($p.ParameterSets.Values)
            $required = @($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0
            $positions = @($sets | ForEach-Object { $_.Position } | Sort-Object -Unique)
            $position = if ($positions.Count -eq 1 -and $positions[0] -ge 0) { [string]$positions[0] } else { 'named' }
            $byValue = [bool]($sets | Where-Object ValueFromPipeline)
            $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
            Add-ParameterElement $paramsNode $p (Get-ParameterDescription $help $p.Name) $required $position (Get-PipelineText $byValue $byName) $false
            if ($byValue -or $byName) {
                $typeName = Get-TypeFullName $p.ParameterType
                $text = if ($byValue) { "You can pipe $(Get-TypeDisplayName $p.ParameterType) objects to the -$($p.Name) parameter." } else { "You can pipe objects that have a $($p.Name) property to the -$($p.Name) parameter." }
                if (-not $inputs.Contains($typeName)) { $inputs[$typeName] = [System.Collections.Generic.List[string]]::new() }
                $inputs[$typeName].Add($text)
            }
        }

        $inputsNode = Add-Element $c $command 'command:inputTypes'
        $inputList = if ($help.ContainsKey('Inputs') -and $help.Inputs) { @($help.Inputs) } elseif ($inputs.Count) {
            @($inputs.Keys | ForEach-Object { @{ Type = $_; Description = @($inputs[$_]) } })
        } else { @(@{ Type = 'None'; Description = 'You cannot pipe objects to this cmdlet.' }) }
        foreach ($in in $inputList) {
            $it = Add-Element $inputsNode $command 'command:inputType'
            $null = Add-Element (Add-Element $it $dev 'dev:type') $maml 'maml:name' $in.Type
            Add-Paragraphs (Add-Element $it $maml 'maml:description') $in.Description
        }

        $outputsNode = Add-Element $c $command 'command:returnValues'
        $outputList = if ($help.ContainsKey('Outputs') -and $help.Outputs) { @($help.Outputs) } elseif ($cmd.OutputType.Count) {
            @($cmd.OutputType | ForEach-Object { @{ Type = $_.Name; Description = '' } })
        } else { @(@{ Type = 'None'; Description = 'This cmdlet returns no output.' }) }
        foreach ($out in $outputList) {
            $rv = Add-Element $outputsNode $command 'command:returnValue'
            $null = Add-Element (Add-Element $rv $dev 'dev:type') $maml 'maml:name' $out.Type
            Add-Paragraphs (Add-Element $rv $maml 'maml:description') $out.Description
        }

        if ($help.ContainsKey('Notes') -and (Get-Paragraphs $help.Notes)) {
            $alert = Add-Element (Add-Element $c $maml 'maml:alertSet') $maml 'maml:alert'
            Add-Paragraphs $alert $help.Notes
        }

        $examplesNode = Add-Element $c $command 'command:examples'
        $n = 0
        foreach ($ex in @($help.Examples)) {
            $n++
            $title = if ($ex['Title']) { "Example ${n}: $($ex['Title'])" } else { "Example $n" }
            $e = Add-Element $examplesNode $command 'command:example'
            $null = Add-Element $e $maml 'maml:title' "-------------------------- $title --------------------------"
            $null = Add-Element $e $dev 'dev:code' ((Get-Paragraphs $ex['Code']) -join [Environment]::NewLine)
            Add-Paragraphs (Add-Element $e $dev 'dev:remarks') $ex['Remarks']
        }

        $links = Add-Element $c $command 'command:relatedLinks'
        foreach ($link in @(if ($help.ContainsKey('RelatedLinks')) { $help.RelatedLinks })) {
            if (-not $link) { continue }
            $nl = Add-Element $links $maml 'maml:navigationLink'
            $isUri = ([string]$link) -match '^https?://'
            $null = Add-Element $nl $maml 'maml:linkText' $(if ($isUri) { 'Online Version:' } else { [string]$link })
            $null = Add-Element $nl $maml 'maml:uri' $(if ($isUri) { [string]$link } else { '' })
        }
    }

    $target = Join-Path $OutputPath $fileName
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($target, $settings)
    try { $script:doc.Save($writer) } finally { $writer.Dispose() }
    Write-Host "Help: $target ($($documents[$fileName].Count) cmdlet(s))"
}

foreach ($about in Get-ChildItem $AboutPath -Filter 'about_*.help.txt' -ErrorAction SilentlyContinue) {
    Copy-Item $about.FullName $OutputPath -Force
    Write-Host "Help: $(Join-Path $OutputPath $about.Name)"
}
exit 0
