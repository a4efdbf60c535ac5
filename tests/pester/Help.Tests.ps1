BeforeDiscovery {
    $staged = Get-ChildItem $env:EMPROTO_TEST_MODULE -Filter EmProto.psd1 -Recurse | Select-Object -First 1
    $script:cmdletNames = @((Import-PowerShellDataFile $staged.FullName).CmdletsToExport)
}

BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $module = Get-Module EmProto
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $generator = Join-Path $repoRoot 'tools/New-ModuleHelp.ps1'
    $common = @([System.Management.Automation.PSCmdlet]::CommonParameters)
}

Describe 'Help of every exported cmdlet' {
    It 'ships a MAML help file named after the module assembly' {
        $file = Join-Path $module.ModuleBase 'en-US/EmProto.dll-Help.xml'
        $file | Should -Exist
        ([xml](Get-Content $file -Raw)).helpItems.schema | Should -Be 'maml'
    }

    Context '<_>' -ForEach $cmdletNames {
        BeforeAll {
            $name = $_
            $help = Get-Help $name -Full
        }

        It 'has a synopsis and a description' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -BeLike "$name *" -Because 'a synopsis that repeats the syntax means no help was found'
            ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        }

        It 'describes every parameter' {
            $parameters = @((Get-Command $name).Parameters.Keys | Where-Object { $common -notcontains $_ })
            foreach ($p in $parameters) {
                $text = (Get-Help $name -Parameter $p).description.Text -join ''
                $text | Should -Not -BeNullOrEmpty -Because "-$p of $name needs a description"
            }
        }

        It 'has at least two examples, shown by Get-Help -Examples' {
            $examples = @((Get-Help $name -Examples).examples.example)
            $examples.Count | Should -BeGreaterOrEqual 2
            foreach ($e in $examples) { $e.code | Should -Not -BeNullOrEmpty }
        }
    }
}

Describe 'The about_EmProto topic' {
    It 'is staged in en-US' {
        Join-Path $module.ModuleBase 'en-US/about_EmProto.help.txt' | Should -Exist
    }

    It 'is found by Get-Help when the module is on the module path' {
        $modulesRoot = Split-Path (Split-Path $module.ModuleBase -Parent) -Parent
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $modulesRoot + [IO.Path]::PathSeparator + $env:PSModulePath
            $topic = Get-Help about_EmProto | Out-String
        } finally { $env:PSModulePath = $saved }
        $topic | Should -Match 'about_EmProto'
        $topic | Should -Match '28376'
    }
}

Describe 'Help source files (docs/help), also of cmdlets not written yet' {
    Context '<Name>' -ForEach @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter *.psd1 | ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } }) {
        It 'is a data file with a synopsis, a description and at least two complete examples' {
            $h = Import-PowerShellDataFile $Path
            $h.Synopsis | Should -Not -BeNullOrEmpty
            $h.Description | Should -Not -BeNullOrEmpty
            @($h.Examples).Count | Should -BeGreaterOrEqual 2
            foreach ($e in $h.Examples) { $e.Code | Should -Not -BeNullOrEmpty; $e.Remarks | Should -Not -BeNullOrEmpty }
        }

        It 'is ASCII, so Windows PowerShell 5.1 reads it the same' {
            ([IO.File]::ReadAllBytes($Path) | Where-Object { $_ -gt 127 }).Count | Should -Be 0
        }
    }
}

Describe 'The help generator (tools/New-ModuleHelp.ps1)' {
    BeforeAll {
        # A tiny binary module with one real cmdlet, compiled here, so the generator is checked
        # against cmdlet metadata whatever the EmProto module exports today.
        $work = Join-Path ([IO.Path]::GetTempPath()) ("emproto-help-" + [guid]::NewGuid().ToString('N'))
        $fixture = Join-Path $work 'Fixture'
        $null = New-Item -ItemType Directory $fixture -Force
        $source = @'
using System.Management.Automation;
namespace EmProtoHelpFixture
{
    [Cmdlet(VerbsCommon.Get, "HelpFixtureThing", DefaultParameterSetName = "ByName", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public class GetHelpFixtureThingCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "ByName", Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("ThingName")]
        public string[] Name { get; set; }

        [Parameter(ParameterSetName = "ById", Mandatory = true, ValueFromPipeline = true)]
        public int Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() { WriteObject("thing"); }
    }
}
'@
        Add-Type -TypeDefinition $source -OutputAssembly (Join-Path $fixture 'HelpFixture.dll') -OutputType Library
        New-ModuleManifest (Join-Path $fixture 'HelpFixture.psd1') -RootModule 'HelpFixture.dll' -ModuleVersion '1.0.0' -CmdletsToExport 'Get-HelpFixtureThing'

        function New-HelpSource {
            param([string] $Name, [string] $Text)
            $dir = Join-Path $work $Name
            $null = New-Item -ItemType Directory (Join-Path $dir 'help') -Force
            if ($Text) { Set-Content (Join-Path $dir 'help/Get-HelpFixtureThing.psd1') $Text }
            Set-Content (Join-Path $dir 'help/Get-NotExported.psd1') "@{ Synopsis = 'Ignored: not exported.' }"
            Set-Content (Join-Path $dir 'about_HelpFixture.help.txt') "TOPIC`n    about_HelpFixture`n"
            $dir
        }

        function Invoke-Generator {
            param([string] $Source, [string] $Output)
            $lines = [System.Collections.Generic.List[object]]::new()
            $failed = $false
            try { & $generator -SourcePath (Join-Path $Source 'help') -OutputPath $Output -ModulePath $fixture *>&1 | ForEach-Object { $lines.Add($_) } }
            catch { $failed = $true; $lines.Add($_) }
            [pscustomobject]@{ Failed = $failed; Log = ($lines | Out-String) }
        }

        $complete = @'
@{
    Synopsis     = 'Gets fixture things.'
    Description  = @('Gets things.', 'A second paragraph.')
    Parameters   = @{ Name = 'The names.'; Id = @{ Description = 'The id.'; DefaultValue = '0' }; Force = 'Forces it.' }
    Outputs      = @(@{ Type = 'System.String'; Description = 'The thing.' })
    Notes        = 'A note.'
    Examples     = @(
        @{ Title = 'By name'; Code = 'Get-HelpFixtureThing a*'; Remarks = 'Things whose name starts with a.' }
        @{ Code = '1 | Get-HelpFixtureThing'; Remarks = 'The thing with id 1.' }
    )
    RelatedLinks = @('about_HelpFixture')
}
'@
    }

    AfterAll {
        if ($work -and (Test-Path $work)) { Remove-Item $work -Recurse -Force }
    }

    It 'merges the prose with the metadata into MAML that Get-Help reads' {
        $src = New-HelpSource 'complete' $complete
        $out = Join-Path $src 'en-US'
        $r = Invoke-Generator $src $out
        $r.Failed | Should -BeFalse -Because $r.Log
        Join-Path $out 'about_HelpFixture.help.txt' | Should -Exist

        [xml] $x = Get-Content (Join-Path $out 'HelpFixture.dll-Help.xml') -Raw
        $ns = [System.Xml.XmlNamespaceManager]::new($x.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $x.SelectNodes('//command:command', $ns).Count | Should -Be 1 -Because 'help files of cmdlets that are not exported are ignored'
        $x.SelectNodes('//command:syntaxItem', $ns).Count | Should -Be 2
        $name = $x.SelectSingleNode("//command:parameters/command:parameter[maml:name='Name']", $ns)
        $name.position | Should -Be '0'
        $name.globbing | Should -Be 'true'
        $name.aliases | Should -Be 'ThingName'
        $name.pipelineInput | Should -Be 'True (ByPropertyName)'
        $id = $x.SelectSingleNode("//command:parameters/command:parameter[maml:name='Id']", $ns)
        $id.required | Should -Be 'true'
        $id.pipelineInput | Should -Be 'True (ByValue)'
        $x.SelectSingleNode("//command:parameters/command:parameter[maml:name='WhatIf']", $ns) | Should -Not -BeNullOrEmpty

        $check = "Import-Module '$fixture/HelpFixture.psd1'; `$h = Get-Help Get-HelpFixtureThing -Examples; " +
            "'{0}|{1}|{2}' -f `$h.Synopsis, @(`$h.examples.example).Count, (Get-Help Get-HelpFixtureThing -Parameter Id).description.Text"
        $null = New-Item -ItemType Directory (Join-Path $fixture 'en-US') -Force
        Copy-Item (Join-Path $out '*') (Join-Path $fixture 'en-US') -Force
        $seen = & dotnet pwsh -NoProfile -NonInteractive -Command $check
        $seen | Should -Be 'Gets fixture things.|2|The id.'
    }

    It 'fails, naming the cmdlet, when an exported cmdlet has no help file' {
        $src = New-HelpSource 'missing' $null
        $r = Invoke-Generator $src (Join-Path $src 'en-US')
        $r.Failed | Should -BeTrue
        $r.Log | Should -Match 'Get-HelpFixtureThing: no help file'
    }

    It 'fails, naming the parameter, when a parameter has no description' {
        $src = New-HelpSource 'undescribed' ($complete -replace "Force = 'Forces it.' ", '')
        $r = Invoke-Generator $src (Join-Path $src 'en-US')
        $r.Failed | Should -BeTrue
        $r.Log | Should -Match 'parameter -Force has no description'
    }

    It 'fails when there are fewer than two examples' {
        $src = New-HelpSource 'one-example' ($complete -replace "(?m)^\s*@\{ Code = '1 \| Get-HelpFixtureThing'.*$", '')
        $r = Invoke-Generator $src (Join-Path $src 'en-US')
        $r.Failed | Should -BeTrue
        $r.Log | Should -Match 'has 1 example\(s\); at least two are required'
    }

    It 'fails when the help describes a parameter the cmdlet does not have' {
        $src = New-HelpSource 'stale' ($complete -replace "Force = 'Forces it.'", "Force = 'Forces it.'; Color = 'Gone.'")
        $r = Invoke-Generator $src (Join-Path $src 'en-US')
        $r.Failed | Should -BeTrue
        $r.Log | Should -Match 'describes -Color, which the cmdlet does not have'
    }
}
