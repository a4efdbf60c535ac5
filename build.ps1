<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and installs the EmProto module.
.DESCRIPTION
    Run as `dotnet pwsh ./build.ps1 -Task <name>` after `dotnet tool restore`.
      Build    (default) build the solution and stage out/EmProto/<version>/
      Test     Build, run every xunit test assembly, then every Pester file in a fresh pwsh, then
               the .NET Framework checks (net462 build; the staged module on Mono, installing Debian's
               mono-runtime when missing and root); prints one final line "N passed, N failed,
               N skipped"; exits non-zero on any failure, when a test assembly or Pester file ran no
               test, or when one hangs (10 minutes per xunit test, 10 minutes per Pester file)
      Demo     the tour against the built-in simulator (-Real: against chargers on the LAN)
      Bench    the benchmarks; results in out/bench and the README (-Suite dotnet,latency,cold,calls,fleet
               picks suites, -Quick takes fewer samples)
      Install  build, then copy the staged module into the user's module path (the first
               $env:PSModulePath entry under the user's home); -NoBuild skips the build
      Clean    remove build output (out/, bin/ and obj/ of the projects, benchmark artifacts)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Install', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Demo: run against real chargers on the LAN instead of the simulator.
    [switch] $Real,

    # Demo -Real: the chargers' password (prompted for when absent).
    [securestring] $Password,

    # Install: install the module staged by an earlier build instead of building again.
    [switch] $NoBuild,

    # Bench: run only these suites (dotnet, latency, cold, calls, fleet; default all).
    [string[]] $Suite,

    # Bench: fewer samples and shorter intervals (a smoke run).
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$manifest = Import-PowerShellDataFile (Join-Path $root 'EmProto.psd1')
$version = $manifest.ModuleVersion
$outRoot = Join-Path $root 'out'
$moduleRoot = Join-Path $outRoot 'EmProto'
$stage = Join-Path $moduleRoot $version

# CI restores exactly what the committed packages.lock.json files pin (restore --locked-mode: any
# drift from them fails the build instead of rewriting them). Passed to every dotnet build below.
$restoreArgs = @(if ($env:CI -eq 'true') { '-p:RestoreLockedMode=true' })

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    # -ModuleOnly builds just the module's projects (what Demo needs), not the tests and benchmarks.
    param([switch] $ModuleOnly)
    Write-Host "== Build EmProto $version ($Configuration)"
    $targets = if ($ModuleOnly) { @('src/EmProto/EmProto.csproj', 'src/EmProto.Startup/EmProto.Startup.csproj') } else { @('EmPsm.sln') }
    foreach ($target in $targets) {
        Invoke-Native 'dotnet build' { dotnet build (Join-Path $root $target) -c $Configuration -nologo -v:minimal "-p:Version=$version" @restoreArgs }
    }
    # ReadyToRun images of the module's assemblies for PowerShell 7 on Linux x64 (tools/ReadyToRun):
    # compiled from the same netstandard2.0 builds, shipped beside them in linux-x64/.
    # Two parts with different crossgen2 options (see the project): the engine side, then the cmdlets.
    $readyToRun = Join-Path $outRoot 'readytorun'
    $readyToRunCmdlets = Join-Path $outRoot 'readytorun-cmdlets'
    Invoke-Native 'dotnet publish (ReadyToRun, engine)' { dotnet publish (Join-Path $root 'tools/ReadyToRun/EmProto.ReadyToRun.csproj') -c $Configuration -nologo -v:minimal "-p:Version=$version" -p:ReadyToRunPart=Engine -o $readyToRun @restoreArgs }
    Invoke-Native 'dotnet publish (ReadyToRun, cmdlets)' { dotnet publish (Join-Path $root 'tools/ReadyToRun/EmProto.ReadyToRun.csproj') -c $Configuration -nologo -v:minimal "-p:Version=$version" -p:ReadyToRunPart=Cmdlets -o $readyToRunCmdlets @restoreArgs }

    if (Test-Path $moduleRoot) { Remove-Item $moduleRoot -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $stage -Force
    $bin = Join-Path $root "src/EmProto/bin/$Configuration/netstandard2.0"
    # The module's files, listed explicitly: nothing else is shipped. System.Threading.Tasks.Extensions
    # (ValueTask, needed by TimeProvider's timers) and its System.Runtime.CompilerServices.Unsafe are
    # part of PowerShell 7 but not of .NET Framework: Windows PowerShell 5.1 needs them beside the module.
    $files = @(
        'EmProto.dll', 'EmProto.Protocol.dll', 'EmProto.Engine.dll', 'EmProto.Simulator.dll',
        'Microsoft.Bcl.TimeProvider.dll', 'Microsoft.Bcl.AsyncInterfaces.dll',
        'System.Threading.Tasks.Extensions.dll', 'System.Runtime.CompilerServices.Unsafe.dll'
    )
    foreach ($f in $files) { Copy-Item (Join-Path $bin $f) $stage }
    Copy-Item (Join-Path $root "src/EmProto.Startup/bin/$Configuration/netstandard2.0/EmProto.Startup.dll") $stage
    $native = New-Item -ItemType Directory -Path (Join-Path $stage 'linux-x64') -Force
    # The images, and the net10.0 Microsoft.Bcl.TimeProvider (TimeProvider forwarded to the runtime's own).
    foreach ($f in 'EmProto.Protocol.dll', 'EmProto.Engine.dll', 'EmProto.Simulator.dll', 'Microsoft.Bcl.TimeProvider.dll') { Copy-Item (Join-Path $readyToRun $f) $native }
    Copy-Item (Join-Path $readyToRunCmdlets 'EmProto.dll') $native
    Copy-Item (Join-Path $root 'EmProto.psd1'), (Join-Path $root 'EmProto.Format.ps1xml') $stage
    $helpScript = Join-Path $root 'tools/New-ModuleHelp.ps1'
    if (Test-Path $helpScript) {
        & $helpScript -SourcePath (Join-Path $root 'docs/help') -OutputPath (Join-Path $stage 'en-US')
    }
    Write-Host "Staged $stage"
}

function Get-TrxCounts {
    # The counters of one trx file: passed, failed (failed, error, timeout, aborted), skipped (notExecuted), executed.
    param([string] $Path)
    [xml] $x = Get-Content $Path -Raw
    $c = $x.TestRun.ResultSummary.Counters
    $failed = [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
    [pscustomobject]@{
        Passed   = [int] $c.passed
        Failed   = $failed
        Skipped  = [int] $c.notExecuted
        Executed = [int] $c.passed + $failed
        Outcome  = [string] $x.TestRun.ResultSummary.outcome
    }
}

function Invoke-ChildWithTimeout {
    # Runs a child process (output straight to this console) and waits at most $Timeout;
    # on expiry kills it with its whole process tree. Returns the exit code, or $null when it was killed.
    param([string] $FileName, [string[]] $Arguments, [TimeSpan] $Timeout)
    $psi = [System.Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $child = [System.Diagnostics.Process]::Start($psi)
    try {
        if ($child.WaitForExit([int] $Timeout.TotalMilliseconds)) {
            $child.WaitForExit()
            return $child.ExitCode
        }
        $child.Kill($true)
        $null = $child.WaitForExit(30000)
        return $null
    } finally {
        $child.Dispose()
    }
}

# The Debian packages that run a net462 program on Mono: the runtime (mscorlib, System, System.Core,
# System.Xml) and System.Runtime.Serialization (DataContractJsonSerializer, the store's JSON).
$monoPackages = @('mono-runtime', 'libmono-system-runtime-serialization4.0-cil')

function Test-DebPackage {
    param([string] $Name)
    $status = & dpkg-query -W -f '${Status}' $Name 2>$null
    $LASTEXITCODE -eq 0 -and $status -eq 'install ok installed'
}

function Get-NetFxRunner {
    # How to run a net462 exe here: directly on Windows (.NET Framework), else with Mono, installing
    # Debian's Mono packages when they are missing and we can (root, apt-get). Returns the runner
    # ($null on Windows) and, when it cannot run, the reason.
    if ($IsWindows) { return [pscustomobject]@{ Mono = $null; Missing = $null } }
    if (Get-Command dpkg-query -ErrorAction SilentlyContinue) {
        $missing = @($monoPackages | Where-Object { -not (Test-DebPackage $_) })
        if ($missing.Count -gt 0) {
            $canInstall = (Get-Command apt-get -ErrorAction SilentlyContinue) -and (& id -u) -eq '0'
            if (-not $canInstall) {
                return [pscustomobject]@{ Mono = $null; Missing = "Debian packages $($missing -join ', ') are not installed, and this is not root with apt-get to install them" }
            }
            Write-Host "Installing $($missing -join ', ') (apt-get, for the .NET Framework smoke test)"
            $env:DEBIAN_FRONTEND = 'noninteractive'
            $log = & apt-get update -qq 2>&1
            if ($LASTEXITCODE -eq 0) { $log = & apt-get install -y -qq --no-install-recommends @missing 2>&1 }
            if ($LASTEXITCODE -ne 0) {
                return [pscustomobject]@{ Mono = $null; Missing = "apt-get could not install $($missing -join ', ') (exit $LASTEXITCODE): $(@($log)[-1])" }
            }
        }
    }
    $mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $mono) { return [pscustomobject]@{ Mono = $null; Missing = 'mono is not on PATH and there is no apt-get to install Debian''s mono-runtime' } }
    [pscustomobject]@{ Mono = $mono.Source; Missing = $null }
}

function Invoke-NetFxTests {
    # As close to Windows PowerShell 5.1 as this machine gets (README, "Windows PowerShell 5.1"):
    # the module's projects compiled for net462 against the .NET Framework reference assemblies, and
    # tests/EmProto.NetFx.Smoke, a net462 program that loads the staged netstandard2.0 assemblies and
    # runs the codec, a simulator, a communicator and the store, on Mono (on Windows, .NET Framework).
    # Returns its counts; what cannot run here is skipped with the reason, never passed.
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }

    Write-Host '== .NET Framework: the module''s projects compiled for net462'
    dotnet build (Join-Path $root 'src/EmProto/EmProto.csproj') -c $Configuration -nologo -v:minimal "-p:Version=$version" -p:EmProtoNetFx=true @restoreArgs | Out-Host
    if ($LASTEXITCODE -eq 0) { $counts.Passed++ } else { $counts.Failed++; Write-Host 'FAILED: the net462 build of the module''s projects.' }

    Write-Host '== .NET Framework: smoke test of the staged module (net462 program)'
    dotnet build (Join-Path $root 'tests/EmProto.NetFx.Smoke/EmProto.NetFx.Smoke.csproj') -c $Configuration -nologo -v:minimal "-p:EmProtoStage=$stage" @restoreArgs | Out-Host
    if ($LASTEXITCODE -ne 0) { $counts.Failed++; Write-Host 'FAILED: the net462 smoke program does not build.'; return $counts }
    $exe = Join-Path $root "tests/EmProto.NetFx.Smoke/bin/$Configuration/net462/EmProto.NetFx.Smoke.exe"
    $runner = Get-NetFxRunner
    if ($runner.Missing) {
        $counts.Skipped++
        Write-Host "SKIPPED: the net462 smoke test did not run: $($runner.Missing)."
        return $counts
    }
    # Native output goes to the host: this function's only output is its counts.
    if ($runner.Mono) { & $runner.Mono $exe --stage $stage --repo $root | Out-Host } else { & $exe --stage $stage --repo $root | Out-Host }
    if ($LASTEXITCODE -eq 0) { $counts.Passed++ } else { $counts.Failed++; Write-Host "FAILED: the net462 smoke test exited $LASTEXITCODE." }
    $counts
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $outRoot 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory $results -Force
    $passed = 0; $failed = 0; $skipped = 0
    $problems = [System.Collections.Generic.List[string]]::new()
    # The tests never reach the user's own agent, should one run on this machine: they see none unless they start one.
    $env:EMPROTO_AGENT_SOCKET = Join-Path $outRoot 'test-agent/none.sock'

    Write-Host '== xunit'
    # One test assembly at a time: the loopback tests wait on real sockets, and on a 2-core machine
    # several assemblies at once starve each other. Each assembly writes its own trx, so one that ran
    # nothing, hung or crashed is named. A test that hangs is ended after 10 minutes (--blame-hang-timeout)
    # and fails the run instead of stalling it.
    $xunitDir = Join-Path $results 'xunit'
    $projects = @(Get-ChildItem (Join-Path $root 'tests') -Directory -Filter '*.Tests' |
        ForEach-Object { Join-Path $_.FullName "$($_.Name).csproj" } | Where-Object { Test-Path $_ })
    foreach ($project in $projects) {
        $name = [IO.Path]::GetFileNameWithoutExtension($project)
        $trx = Join-Path $xunitDir "$name.trx"
        dotnet test $project -c $Configuration --no-build -nologo `
            --blame-hang-timeout 10min --blame-hang-dump-type none `
            --logger "trx;LogFileName=$name.trx" --logger 'console;verbosity=minimal' --results-directory $xunitDir
        $exit = $LASTEXITCODE
        if (-not (Test-Path $trx)) {
            $failed++; $problems.Add("$name wrote no test results (dotnet test exited $exit): counted as a failure.")
            continue
        }
        $c = Get-TrxCounts $trx
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped" -f $name, $c.Passed, $c.Failed, $c.Skipped)
        $passed += $c.Passed; $failed += $c.Failed; $skipped += $c.Skipped
        if ($c.Executed -eq 0) { $failed++; $problems.Add("$name executed no test: counted as a failure.") }
        if ($exit -ne 0 -and $c.Failed -eq 0) { $failed++; $problems.Add("dotnet test of $name exited $exit without a failed test (a hang or a crash of the test host): counted as a failure.") }
    }
    if ($projects.Count -eq 0) { $failed++; $problems.Add('No xunit test project was found under tests/: counted as a failure.') }

    Write-Host '== Pester (a fresh pwsh per file)'
    # Each file runs in its own child pwsh with a time limit: a file that hangs is killed and fails the run.
    $pesterTimeout = [TimeSpan]::FromMinutes(10)
    $pesterFiles = @(Get-ChildItem (Join-Path $root 'tests/pester') -Filter '*.Tests.ps1' -File | Sort-Object Name)
    foreach ($file in $pesterFiles) {
        $json = Join-Path $results ("pester-{0}.json" -f $file.BaseName)
        $exit = Invoke-ChildWithTimeout 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tests/Invoke-PesterTests.ps1'),
            '-ModulePath', $moduleRoot, '-ResultPath', $json, '-Path', $file.FullName) $pesterTimeout
        if ($null -eq $exit) {
            $failed++; $problems.Add("$($file.Name) did not finish within $($pesterTimeout.TotalMinutes) minutes and was killed: counted as a failure.")
            continue
        }
        if (-not (Test-Path $json)) {
            $failed++; $problems.Add("$($file.Name) wrote no results (exit code $exit): counted as a failure.")
            continue
        }
        $p = Get-Content $json -Raw | ConvertFrom-Json
        $passed += $p.Passed; $failed += $p.Failed; $skipped += $p.Skipped
        if ($p.Passed + $p.Failed -eq 0) { $failed++; $problems.Add("$($file.Name) executed no test: counted as a failure.") }
        if ($exit -ne 0 -and $p.Failed -eq 0) { $failed++; $problems.Add("Pester exited $exit on $($file.Name) without a failed test: counted as a failure.") }
    }
    if ($pesterFiles.Count -eq 0) { $failed++; $problems.Add('No Pester test file was found under tests/pester: counted as a failure.') }

    $n = Invoke-NetFxTests
    $passed += $n.Passed; $failed += $n.Failed; $skipped += $n.Skipped
    Write-Host (".NET Framework: {0} passed, {1} failed, {2} skipped" -f $n.Passed, $n.Failed, $n.Skipped)
    foreach ($problem in $problems) { Write-Host $problem }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build -ModuleOnly
    $demo = Join-Path $root 'examples/Demo.ps1'
    if (-not (Test-Path $demo)) {
        Write-Error 'The demo is not delivered yet (examples/Demo.ps1 is missing).' -ErrorAction Continue
        exit 2
    }
    $demoArgs = @{ ModulePath = $moduleRoot }
    if ($Real) { $demoArgs.Real = $true }
    if ($Password) { $demoArgs.Password = $Password }
    & $demo @demoArgs
    exit $LASTEXITCODE
}

function Invoke-Bench {
    Invoke-Build
    $bench = Join-Path $root 'bench/Invoke-Benchmarks.ps1'
    if (-not (Test-Path $bench)) {
        Write-Error 'The benchmarks are not delivered yet (bench/Invoke-Benchmarks.ps1 is missing).' -ErrorAction Continue
        exit 2
    }
    $benchArgs = @{ ModulePath = $moduleRoot; OutputPath = (Join-Path $outRoot 'bench'); Quick = $Quick }
    # `dotnet pwsh ./build.ps1 -Suite cold,calls` from a Unix shell passes one string: split it.
    if ($Suite) { $benchArgs.Suite = @($Suite -split ',' | ForEach-Object Trim | Where-Object { $_ }) }
    & $bench @benchArgs
    exit $LASTEXITCODE
}

function Get-UserModulePath {
    # The user's module folder: the first $env:PSModulePath entry under the user's home
    # (Documents on Windows), else the platform's default user folder.
    $windows = $IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop'
    $userHome = if ($windows) { [Environment]::GetFolderPath('MyDocuments') } else { $HOME }
    $comparison = if ($windows) { [StringComparison]::OrdinalIgnoreCase } else { [StringComparison]::Ordinal }
    $prefix = $userHome.TrimEnd('\', '/') + [IO.Path]::DirectorySeparatorChar
    $paths = @($env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { $_ })
    $userPath = $paths | Where-Object { $_.StartsWith($prefix, $comparison) } | Select-Object -First 1
    if ($userPath) { return $userPath }
    $default = if ($PSVersionTable.PSEdition -eq 'Desktop') { Join-Path $userHome 'WindowsPowerShell/Modules' }
    elseif ($windows) { Join-Path $userHome 'PowerShell/Modules' }
    else {
        $data = if ($env:XDG_DATA_HOME) { $env:XDG_DATA_HOME } else { Join-Path $HOME '.local/share' }
        Join-Path $data 'powershell/Modules'
    }
    Write-Warning "No folder under $userHome is in `$env:PSModulePath; installing to $default. Add it to `$env:PSModulePath to import EmProto by name."
    $default
}

function Invoke-Install {
    if (-not $NoBuild) { Invoke-Build }
    if (-not (Test-Path (Join-Path $stage 'EmProto.psd1'))) { throw "Nothing to install: $stage is not staged. Run without -NoBuild." }
    $target = Join-Path (Get-UserModulePath) "EmProto/$version"
    # Replace this version only; other installed versions stay side by side.
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    $null = New-Item -ItemType Directory $target -Force
    Copy-Item (Join-Path $stage '*') $target -Recurse
    Write-Host "Installed EmProto $version to $target"
}

function Invoke-Clean {
    # Build output only: out/, and bin/ and obj/ of the projects (never a folder that merely has that name).
    $targets = @($outRoot)
    foreach ($top in 'src', 'tests', 'bench', 'tools') {
        $dir = Join-Path $root $top
        if (-not (Test-Path $dir)) { continue }
        foreach ($project in Get-ChildItem $dir -Recurse -Filter '*.csproj' -File) {
            $targets += Join-Path $project.DirectoryName 'bin'
            $targets += Join-Path $project.DirectoryName 'obj'
        }
    }
    $targets += @(Get-ChildItem $root -Recurse -Directory -Include 'BenchmarkDotNet.Artifacts', 'TestResults' | ForEach-Object FullName)
    foreach ($d in $targets) {
        if (Test-Path $d) { Remove-Item $d -Recurse -Force; Write-Host "Removed $d" }
    }
    Write-Host 'Clean.'
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Install' { Invoke-Install }
    'Clean' { Invoke-Clean }
}
