<#
.SYNOPSIS
    Cold automation: a fresh pwsh imports EmProto, connects to a stored charger and starts a charge.
.DESCRIPTION
    Starts a simulated charger in its own pwsh process (Start-EvseSimulator -Wait -Duration, so it
    ends by itself), fills a temporary store with a first connect, then runs -Runs fresh pwsh
    processes, each timing its phases with a Stopwatch (pwsh's first module import, which warms up
    its module system whatever the module; then EmProto's import, connect with the stored password,
    start) and timed from outside as a whole. pwsh's floor is measured the same number of times,
    interleaved with those runs: its start-up alone (-Command exit) and start-up plus the import of a
    trivial script module (one function), so the table shows EmProto's share against what any module
    costs. Each run is repeated with EMPROTO_READYTORUN=0 (the portable assemblies, without the ReadyToRun
    images), interleaved. Then the same cold runs with the user's agent running (Start-EvseAgent), which owns the port,
    the store and the session, so each fresh pwsh forwards its commands to it. Loopback only: EMPROTO_PORT, EMPROTO_LOCAL_ADDRESS
    and EMPROTO_STORE_PATH point every process at 127.0.0.1, a free port and the temporary store.
    Returns result rows (Suite, Name, Mean, Unit, Allocated, Notes); values are medians in ms.
#>
[CmdletBinding()]
param(
    # The staged module folder (out/EmProto).
    [Parameter(Mandatory)] [string] $ModulePath,

    # Timed processes per measurement.
    [ValidateRange(1, 50)] [int] $Runs = 7
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The pwsh running this script, started again: `dotnet pwsh` runs pwsh.dll under the dotnet host.
$exe = [Environment]::ProcessPath
[string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }

function Invoke-Pwsh {
    # Runs a fresh pwsh to completion (at most $TimeoutSeconds); returns its output lines and wall time.
    param([string[]] $Arguments, [int] $TimeoutSeconds = 120)
    $info = [Diagnostics.ProcessStartInfo]::new($exe)
    foreach ($a in $prefix + @('-NoProfile', '-NonInteractive') + $Arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $p = [Diagnostics.Process]::Start($info)
    $err = $p.StandardError.ReadToEndAsync()
    $out = $p.StandardOutput.ReadToEndAsync()
    if (-not $p.WaitForExit($TimeoutSeconds * 1000)) { $p.Kill(); throw "A pwsh process did not finish within $TimeoutSeconds s." }
    $p.WaitForExit()
    $elapsed = $sw.Elapsed.TotalMilliseconds
    if ($p.ExitCode -ne 0) { throw "pwsh exited with $($p.ExitCode): $($err.Result) $($out.Result)" }
    [pscustomobject]@{ Lines = @($out.Result -split "`r?`n"); WallMs = $elapsed }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

$manifest = Get-ChildItem $ModulePath -Recurse -Filter EmProto.psd1 | Select-Object -First 1
if (-not $manifest) { throw "No EmProto.psd1 under $ModulePath." }
$module = $manifest.FullName
$serial = '5e5e0000000c0001'
$temp = Join-Path ([IO.Path]::GetTempPath()) ("emproto-cold-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $temp
$probe = [Net.Sockets.UdpClient]::new([Net.IPEndPoint]::new([Net.IPAddress]::Loopback, 0))
$port = $probe.Client.LocalEndPoint.Port
$probe.Dispose()

$saved = @{ P = $env:EMPROTO_PORT; A = $env:EMPROTO_LOCAL_ADDRESS; S = $env:EMPROTO_STORE_PATH; G = $env:EMPROTO_AGENT_SOCKET }
# First without an agent (a socket where none listens), then with one: the same script, the same charger and store.
$agentSocket = Join-Path $temp 'agent/agent.sock'
$env:EMPROTO_AGENT_SOCKET = Join-Path $temp 'no-agent.sock'
$env:EMPROTO_PORT = "$port"
$env:EMPROTO_LOCAL_ADDRESS = '127.0.0.1'
$env:EMPROTO_STORE_PATH = Join-Path $temp 'evses.json'
$simulator = $null
try {
    # The charger: its own process, ending by itself after 10 minutes at the latest.
    $info = [Diagnostics.ProcessStartInfo]::new($exe)
    $simCommand = "Import-Module '$module'; Start-EvseSimulator -Serial $serial -AppEndPoint 127.0.0.1:$port -Password 123456 -PluggedIn -Wait -Duration 00:10:00"
    foreach ($a in $prefix + @('-NoProfile', '-NonInteractive', '-Command', $simCommand)) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $simulator = [Diagnostics.Process]::Start($info)

    # The store: a first connect remembers the charger, its address and password.
    $first = "Import-Module '$module'; `$c = Find-Evse -Serial $serial -Timeout 60 | Select-Object -First 1; if (-not `$c) { throw 'not found' }; `$c | Connect-Evse -PlainTextPassword 123456; Stop-EvseCommunicator -Confirm:`$false"
    $null = Invoke-Pwsh -Arguments @('-Command', $first)

    $trivial = Join-Path $temp 'Trivial/Trivial.psm1'
    $null = New-Item -ItemType Directory (Split-Path $trivial)
    Set-Content $trivial 'function Get-Trivial { 42 }'
    # The same trivial module with a format file of one view: what PowerShell charges any module for views
    # (it rebuilds its whole format table on import), timed inside a script after the module-system warm-up.
    $formatted = Join-Path $temp 'Formatted/Formatted.psd1'
    $null = New-Item -ItemType Directory (Split-Path $formatted)
    Set-Content (Join-Path $temp 'Formatted/Formatted.psm1') 'function Get-Formatted { [pscustomobject]@{ PSTypeName = ''Formatted.Item''; Value = 42 } }'
    Set-Content (Join-Path $temp 'Formatted/Formatted.Format.ps1xml') '<?xml version="1.0" encoding="utf-8"?><Configuration><ViewDefinitions><View><Name>Formatted.Item</Name><ViewSelectedBy><TypeName>Formatted.Item</TypeName></ViewSelectedBy><TableControl><TableHeaders><TableColumnHeader /></TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Value</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View></ViewDefinitions></Configuration>'
    Set-Content $formatted "@{ RootModule = 'Formatted.psm1'; ModuleVersion = '1.0'; FormatsToProcess = @('Formatted.Format.ps1xml'); FunctionsToExport = @('Get-Formatted') }"
    $formattedScript = Join-Path $temp 'formatted.ps1'
    Set-Content $formattedScript "Import-Module Microsoft.PowerShell.Utility; `$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$formatted'; 'TIMES ' + `$sw.Elapsed.TotalMilliseconds"

    $script = Join-Path $temp 'cold.ps1'
    Set-Content $script @"
`$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module Microsoft.PowerShell.Utility
`$warm = `$sw.Elapsed.TotalMilliseconds
Import-Module '$module'
`$import = `$sw.Elapsed.TotalMilliseconds
Connect-Evse -Serial $serial
`$connect = `$sw.Elapsed.TotalMilliseconds
Start-EvseCharge -Serial $serial -MaxCurrent 10 -Force -Confirm:`$false
`$start = `$sw.Elapsed.TotalMilliseconds
"TIMES `$warm `$import `$connect `$start"
Stop-EvseCharge -Serial $serial -Force -Confirm:`$false
"@

    $bare = [Collections.Generic.List[double]]::new()
    $trivialRuns = [Collections.Generic.List[double]]::new()
    $formattedImports = [Collections.Generic.List[double]]::new()
    $wall = [Collections.Generic.List[double]]::new()
    $warms = [Collections.Generic.List[double]]::new()
    $imports = [Collections.Generic.List[double]]::new()
    $connects = [Collections.Generic.List[double]]::new()
    $starts = [Collections.Generic.List[double]]::new()
    # The same script with the portable assemblies only (EMPROTO_READYTORUN=0: no ReadyToRun images), interleaved.
    $portable = @{ Imports = [Collections.Generic.List[double]]::new(); Connects = [Collections.Generic.List[double]]::new(); Starts = [Collections.Generic.List[double]]::new() }
    $null = Invoke-Pwsh -Arguments @('-Command', 'exit')  # warm the disk cache once, unmeasured
    for ($i = 0; $i -lt $Runs; $i++) {
        $bare.Add((Invoke-Pwsh -Arguments @('-Command', 'exit')).WallMs)
        $trivialRuns.Add((Invoke-Pwsh -Arguments @('-Command', "Import-Module '$trivial'")).WallMs)
        $f = @(((Invoke-Pwsh -Arguments @('-File', $formattedScript)).Lines | Where-Object { $_ -like 'TIMES *' } | Select-Object -First 1) -split ' ')
        if ($f.Count -ne 2) { throw 'The trivial module with a format file printed no timing.' }
        $formattedImports.Add([double]$f[1])
        $r = Invoke-Pwsh -Arguments @('-File', $script)
        $wall.Add($r.WallMs)
        $t = @(($r.Lines | Where-Object { $_ -like 'TIMES *' } | Select-Object -First 1) -split ' ')
        if ($t.Count -ne 5) { throw "The cold run printed no timings: $($r.Lines -join ' | ')" }
        $warms.Add([double]$t[1])
        $imports.Add([double]$t[2] - [double]$t[1])
        $connects.Add([double]$t[3] - [double]$t[2])
        $starts.Add([double]$t[4] - [double]$t[3])
        $env:EMPROTO_READYTORUN = '0'
        try { $r = Invoke-Pwsh -Arguments @('-File', $script) } finally { Remove-Item Env:EMPROTO_READYTORUN }
        $t = @(($r.Lines | Where-Object { $_ -like 'TIMES *' } | Select-Object -First 1) -split ' ')
        if ($t.Count -ne 5) { throw "The cold run (portable) printed no timings: $($r.Lines -join ' | ')" }
        $portable.Imports.Add([double]$t[2] - [double]$t[1])
        $portable.Connects.Add([double]$t[3] - [double]$t[2])
        $portable.Starts.Add([double]$t[4] - [double]$t[3])
    }
    $own = @(for ($i = 0; $i -lt $Runs; $i++) { $imports[$i] + $connects[$i] + $starts[$i] })
    $portableOwn = @(for ($i = 0; $i -lt $Runs; $i++) { $portable.Imports[$i] + $portable.Connects[$i] + $portable.Starts[$i] })

    function Row($name, $values, $notes) {
        [pscustomobject]@{ Suite = 'cold'; Name = $name; Mean = [math]::Round((Get-Median $values), 1); Unit = 'ms'; Allocated = $null
            Notes = ('{0}; min {1:F0} ms, max {2:F0} ms, n={3}' -f $notes, ($values | Measure-Object -Minimum).Minimum, ($values | Measure-Object -Maximum).Maximum, $values.Count) }
    }
    Row 'pwsh start-up alone (-Command exit)' $bare 'wall time of the process, outside view'
    Row 'pwsh start-up + Import-Module of a trivial module' $trivialRuns 'wall time of the process, outside view; a script module with one function'
    Row 'Fresh pwsh: import + connect + start, total' $wall 'wall time of the process, outside view (includes pwsh start-up and exit)'
    Row 'Module share: import + connect + start' $own 'Stopwatch inside the script; target <= 60 ms'
    Row "pwsh's first Import-Module (Microsoft.PowerShell.Utility)" $warms "pwsh's one-time module-system warm-up, paid by whichever module is imported first"
    Row 'Import-Module EmProto' $imports 'target < 150 ms; imported second, after the warm-up above'
    Row 'Import-Module of a trivial module with a one-view format file' $formattedImports 'timed like the row above: what any module with views pays on import (PowerShell rebuilds its format table)'
    Row 'Connect-Evse (stored charger and password)' $connects 'first cmdlet: starts the communicator, loads the store, logs in'
    Row 'Start-EvseCharge' $starts 'one start round trip plus the cmdlet'
    $images = if ($IsLinux -and [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64') { 'the rows above use the ReadyToRun images (linux-x64/)' } else { 'no ReadyToRun images for this platform: the rows above are portable too' }
    Row 'Portable assemblies only (EMPROTO_READYTORUN=0): module share' $portableOwn "the same script, interleaved; $images"
    Row 'Portable assemblies only: Import-Module EmProto' $portable.Imports 'EMPROTO_READYTORUN=0'
    Row 'Portable assemblies only: Connect-Evse' $portable.Connects 'EMPROTO_READYTORUN=0'
    Row 'Portable assemblies only: Start-EvseCharge' $portable.Starts 'EMPROTO_READYTORUN=0'

    # The same cold runs with the user's agent running (it owns the port, the store and the session): each fresh
    # pwsh forwards Connect-Evse and Start-EvseCharge to it.
    $env:EMPROTO_AGENT_SOCKET = $agentSocket
    $null = Invoke-Pwsh -Arguments @('-Command', "Import-Module '$module'; Start-EvseAgent -Timeout 60")
    try {
        $agentWall = [Collections.Generic.List[double]]::new()
        $agentImports = [Collections.Generic.List[double]]::new()
        $agentConnects = [Collections.Generic.List[double]]::new()
        $agentStarts = [Collections.Generic.List[double]]::new()
        $null = Invoke-Pwsh -Arguments @('-File', $script)  # the agent's first login and its first commands, unmeasured
        for ($i = 0; $i -lt $Runs; $i++) {
            $r = Invoke-Pwsh -Arguments @('-File', $script)
            $agentWall.Add($r.WallMs)
            $t = @(($r.Lines | Where-Object { $_ -like 'TIMES *' } | Select-Object -First 1) -split ' ')
            if ($t.Count -ne 5) { throw "The cold run with the agent printed no timings: $($r.Lines -join ' | ')" }
            $agentImports.Add([double]$t[2] - [double]$t[1])
            $agentConnects.Add([double]$t[3] - [double]$t[2])
            $agentStarts.Add([double]$t[4] - [double]$t[3])
        }
    }
    finally {
        $null = Invoke-Pwsh -Arguments @('-Command', "Import-Module '$module'; Stop-EvseAgent -Confirm:`$false -Timeout 60")
    }
    $agentOwn = @(for ($i = 0; $i -lt $Runs; $i++) { $agentImports[$i] + $agentConnects[$i] + $agentStarts[$i] })
    Row 'With the agent: fresh pwsh, import + connect + start, total' $agentWall 'wall time of the process, outside view; the agent already runs and is logged in'
    Row 'With the agent: module share, import + connect + start' $agentOwn 'Stopwatch inside the script; compare with the in-process module share above'
    Row 'With the agent: Connect-Evse (forwarded; the agent is logged in already)' $agentConnects 'first cmdlet of the process: finds the agent, one exchange on its socket'
    Row 'With the agent: Start-EvseCharge (forwarded)' $agentStarts 'one exchange on the socket, the agent does the start round trip'
}
finally {
    if ($simulator -and -not $simulator.HasExited) { $simulator.Kill(); $null = $simulator.WaitForExit(10000) }
    $env:EMPROTO_PORT = $saved.P
    $env:EMPROTO_LOCAL_ADDRESS = $saved.A
    $env:EMPROTO_STORE_PATH = $saved.S
    $env:EMPROTO_AGENT_SOCKET = $saved.G
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
