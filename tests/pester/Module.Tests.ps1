BeforeAll {
    $modulePath = $env:EMPROTO_TEST_MODULE
    Import-Module $modulePath -Force
    $module = Get-Module EmProto
    # The cmdlets are the nested binary module EmProto.dll (the manifest has no root module: see EmProto.psd1).
    $cmdletModule = $module.NestedModules | Where-Object Name -EQ 'EmProto'
}

Describe 'The EmProto module' {
    It 'imports from the staged folder' {
        $module | Should -Not -BeNullOrEmpty
        $module.ModuleType | Should -Be 'Manifest'
        @($module.NestedModules.Name) | Should -Be @('EmProto.Startup', 'EmProto')
        $cmdletModule.ModuleType | Should -Be 'Binary'
        # From the folder under test, not from an installed copy elsewhere.
        $staged = (Resolve-Path $modulePath).Path.TrimEnd('/', '\') + [IO.Path]::DirectorySeparatorChar
        $module.ModuleBase + [IO.Path]::DirectorySeparatorChar | Should -BeLike "$staged*"
        $cmdletModule.ImplementingAssembly.Location | Should -BeLike "$staged*"
        (Get-Command Connect-Evse).ModuleName | Should -Be 'EmProto'
    }

    It 'exports exactly the cmdlets its assembly defines' {
        $defined = $cmdletModule.ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
            Sort-Object
        $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
        $exported | Should -Be @($defined)
    }

    It 'has an ASCII-only manifest' {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $module.ModuleBase 'EmProto.psd1'))
        ($bytes | Where-Object { $_ -gt 127 }).Count | Should -Be 0
    }
}

Describe 'Precompiled assemblies (ReadyToRun) for PowerShell 7 on Linux x64' {
    BeforeAll {
        $script:names = 'EmProto.Protocol', 'EmProto.Engine', 'EmProto.Simulator', 'EmProto'
        $script:native = Join-Path $module.ModuleBase 'linux-x64'
        $script:linuxX64 = $IsLinux -and [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64'
        $script:repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

        function script:Get-PeKind([string] $Path) {
            # IL-only (portable) or ReadyToRun (a managed native header), and the module's identity (MVID).
            $stream = [IO.File]::OpenRead($Path)
            try {
                $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
                $cor = $pe.PEHeaders.CorHeader
                $md = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                [pscustomobject]@{
                    ILOnly    = [bool]($cor.Flags -band [Reflection.PortableExecutable.CorFlags]::ILOnly)
                    ReadyToRun = $cor.ManagedNativeHeaderDirectory.Size -gt 0
                    Mvid      = $md.GetGuid($md.GetModuleDefinition().Mvid)
                }
            } finally { $stream.Dispose() }
        }

        function script:Invoke-Journey([string] $ModulePath, [hashtable] $Environment = @{}, [switch] $CountCompiled) {
            # A fresh pwsh: where the engine came from, then a charger found, logged in to and read on loopback.
            # -CountCompiled: a listener on the runtime's JIT events counts the methods of EmProto's assemblies
            # (EmProto.Startup aside, always portable) that are compiled on the way; the last line says how many.
            $script = ''
            if ($CountCompiled) {
                $script = @'
Add-Type -TypeDefinition @"
using System; using System.Diagnostics.Tracing; using System.Threading;
public sealed class EmProtoJitCount : EventListener {
    public static int Ours; public static readonly ManualResetEventSlim MarkerSeen = new ManualResetEventSlim();
    protected override void OnEventSourceCreated(EventSource source) {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e) {
        if (e.EventName == null || !e.EventName.StartsWith("MethodJittingStarted", StringComparison.Ordinal)) return;
        string ns = (string)e.Payload[e.PayloadNames.IndexOf("MethodNamespace")];
        string name = (string)e.Payload[e.PayloadNames.IndexOf("MethodName")];
        if (ns == "EmProtoJitCount" && name == "Marker") MarkerSeen.Set();
        else if (ns.StartsWith("EmProto.", StringComparison.Ordinal) && !ns.StartsWith("EmProto.Startup", StringComparison.Ordinal)) Interlocked.Increment(ref Ours);
    }
    public static int Marker(int x) { return x + 1; }
}
"@
$jitCount = [EmProtoJitCount]::new()

'@
            }
            $script += @"
Import-Module '$ModulePath'
[EmProto.Engine.EvseCommunicator].Assembly.Location
`$s = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -PassThru
`$null = Start-EvseSimulator -Serial 5e5e0000000000f7 -AppEndPoint "127.0.0.1:`$(`$s.Port)" -Password 123456 -PluggedIn
Find-Evse -Serial 5e5e0000000000f7 -Timeout 30 | Connect-Evse -PlainTextPassword 123456
(Get-EvseState -Serial 5e5e0000000000f7).State
"@
            if ($CountCompiled) {
                # The marker is compiled last: once its event has arrived, so have the ones before it.
                $script += @'

$null = [EmProtoJitCount]::Marker(1)
if (-not [EmProtoJitCount]::MarkerSeen.Wait(60000)) { throw 'The JIT events did not arrive within 60 s.' }
"compiled: $([EmProtoJitCount]::Ours)"
'@
            }
            $saved = @{}
            foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
            Push-Location $repoRoot
            try { $out = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 }
            finally {
                Pop-Location
                foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
            }
            [pscustomobject]@{ Exit = $LASTEXITCODE; Lines = @($out | ForEach-Object { "$_" }) }
        }
    }

    It 'ships the portable assemblies IL-only, for Windows PowerShell 5.1 and every other platform' {
        foreach ($n in @('EmProto.Startup') + $names) {
            $kind = Get-PeKind (Join-Path $module.ModuleBase "$n.dll")
            $kind.ILOnly | Should -BeTrue -Because "$n.dll is loaded by .NET Framework too"
            $kind.ReadyToRun | Should -BeFalse -Because "$n.dll is the portable build"
        }
    }

    It 'ships ReadyToRun images of the same builds in linux-x64/' {
        foreach ($n in $names) {
            $image = Get-PeKind (Join-Path $native "$n.dll")
            $image.ReadyToRun | Should -BeTrue -Because "linux-x64/$n.dll is precompiled"
            # Compiled from the very assembly beside it, not from another build.
            $image.Mvid | Should -Be (Get-PeKind (Join-Path $module.ModuleBase "$n.dll")).Mvid
        }
        # The net10.0 Microsoft.Bcl.TimeProvider has the identity the assemblies were built against.
        $facade = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $native 'Microsoft.Bcl.TimeProvider.dll'))
        $facade.Version | Should -Be ([Reflection.AssemblyName]::GetAssemblyName((Join-Path $module.ModuleBase 'Microsoft.Bcl.TimeProvider.dll'))).Version
    }

    It 'binds to the images when imported here' {
        if (-not $linuxX64) { Set-ItResult -Skipped -Because 'the images are for Linux x64; this host is not' }
        $cmdlet = (Get-Command Connect-Evse).ImplementingType
        foreach ($t in [EmProto.Protocol.DatagramCodec], [EmProto.Engine.EvseCommunicator], [EmProto.Simulator.EvseSimulatorHost], $cmdlet) {
            $t.Assembly.Location | Should -Be (Join-Path $native ($t.Assembly.GetName().Name + '.dll'))
        }
        # The cmdlets PowerShell bound are the precompiled ones, though it loaded EmProto.dll by its path in the module folder.
        $cmdletModule.ImplementingAssembly.Location | Should -Be (Join-Path $native 'EmProto.dll')
        # TimeProvider is the runtime's own: the net10.0 Microsoft.Bcl.TimeProvider in linux-x64/ forwards it.
        [EmProto.Engine.EvseCommunicator].Assembly.GetReferencedAssemblies().Name | Should -Contain 'Microsoft.Bcl.TimeProvider'
        $null = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force
        Stop-EvseCommunicator -Confirm:$false
        ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Bcl.TimeProvider' }).Location |
            Should -Be (Join-Path $native 'Microsoft.Bcl.TimeProvider.dll')
        [EmProto.Engine.CommunicatorOptions].GetProperty('TimeProvider').PropertyType.Assembly.GetName().Name | Should -Be 'System.Private.CoreLib'
    }

    It 'keeps the portable assemblies with EMPROTO_READYTORUN=0, and they work' {
        $r = Invoke-Journey $env:EMPROTO_TEST_MODULE @{ EMPROTO_READYTORUN = '0' }
        $r.Exit | Should -Be 0 -Because ($r.Lines -join "`n")
        $r.Lines[0] | Should -Be (Join-Path $module.ModuleBase 'EmProto.Engine.dll')
        $r.Lines[-1] | Should -Be 'PluggedIn'
    }

    It 'uses the images in a fresh pwsh, which finds, logs in to and reads a charger' {
        if (-not $linuxX64) { Set-ItResult -Skipped -Because 'the images are for Linux x64; this host is not' }
        $r = Invoke-Journey $env:EMPROTO_TEST_MODULE
        $r.Exit | Should -Be 0 -Because ($r.Lines -join "`n")
        $r.Lines[0] | Should -Be (Join-Path $native 'EmProto.Engine.dll')
        $r.Lines[-1] | Should -Be 'PluggedIn'
    }

    It 'runs a first connect precompiled: few of its own methods are left to the JIT' {
        if (-not $linuxX64) { Set-ItResult -Skipped -Because 'the images are for Linux x64; this host is not' }
        # Counted, not timed: the same journey compiles hundreds of EmProto's methods with the portable
        # assemblies, and a handful with the images (cmdlets and cross-module generics included).
        # Without tiered compilation nothing is compiled a second time (hot methods, sooner on a loaded host):
        # every method counted is one that had no precompiled code.
        $images = Invoke-Journey $env:EMPROTO_TEST_MODULE @{ DOTNET_TieredCompilation = '0' } -CountCompiled
        $images.Exit | Should -Be 0 -Because ($images.Lines -join "`n")
        $portable = Invoke-Journey $env:EMPROTO_TEST_MODULE @{ EMPROTO_READYTORUN = '0'; DOTNET_TieredCompilation = '0' } -CountCompiled
        $portable.Exit | Should -Be 0 -Because ($portable.Lines -join "`n")
        $withImages = [int]($images.Lines[-1] -replace '^compiled: ')
        $withoutImages = [int]($portable.Lines[-1] -replace '^compiled: ')
        $withoutImages | Should -BeGreaterThan 200 -Because 'the portable assemblies are compiled as they run (the count works)'
        $withImages | Should -BeLessThan 60 -Because "the images hold the code (portable: $withoutImages methods)"
    }

    It 'works from a copy without the linux-x64 folder' {
        $copy = Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-portable-').FullName) 'EmProto'
        Copy-Item $module.ModuleBase $copy -Recurse
        Remove-Item (Join-Path $copy 'linux-x64') -Recurse -Force
        $r = Invoke-Journey (Join-Path $copy 'EmProto.psd1')
        $r.Exit | Should -Be 0 -Because ($r.Lines -join "`n")
        $r.Lines[0] | Should -Be (Join-Path $copy 'EmProto.Engine.dll')
        $r.Lines[-1] | Should -Be 'PluggedIn'
    }
}
