<#
.SYNOPSIS
    Warm cmdlet costs against simulated chargers in another process: per-call overhead of the reading
    cmdlets over their engine calls, EmProto beside the seed library's exchanges (Node), Telestar logins.
.DESCRIPTION
    One simulator process (pwsh, Start-EvseSimulator -Wait -Duration, so it ends by itself) serves a
    Full charger, a Telestar charger and 20 more Telestar chargers on 127.0.0.1. Then:
      1. A fresh pwsh (this script with -Child) imports the module, finds and connects the chargers and
         measures, interleaved call by call: Get-EvseState / Get-EvseSystemTime / Get-EvseConfig -MaxAge 0
         against the engine call each makes (Evse.State, GetSystemTimeAsync, GetConfigAsync(0)); Connect-Evse
         (a full login handshake) on the Full and on the Telestar charger; and 20 known Telestar chargers
         connected by one `Find-Evse | Connect-Evse`.
      2. After that process has ended, node runs bench/seed-exchange/seed-exchange.mjs against the same
         Full charger from the same app port: the seed library's login, fetchSystemTime and fetchConfig(0)
         exchanges (our own minimal client of those exchanges; skipped when node is not installed).
    Returns result rows (Suite, Name, Mean, Unit, Allocated, Notes); times are medians in microseconds
    unless the unit says otherwise.
#>
[CmdletBinding(DefaultParameterSetName = 'Run')]
param(
    # The staged module folder (out/EmProto).
    [Parameter(Mandatory, ParameterSetName = 'Run')] [string] $ModulePath,

    # Measured calls per figure (after a tenth as many warm-ups).
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(10, 10000)] [int] $Iterations = 300,

    # Internal: the measuring process (started by this script).
    [Parameter(Mandatory, ParameterSetName = 'Child')] [switch] $Child,
    [Parameter(Mandatory, ParameterSetName = 'Child')] [string] $ResultPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$password = '123456'
$fullSerial = '5e5e0000000d0001'
$telestarSerial = '5e5e0000000e0001'
$fleetFirst = '5e5e0000000f0001'
$fleetPattern = '5e5e0000000f*'
$fleetCount = 20

function Get-Median([double[]] $Values) {
    $sorted = [double[]]@($Values | Sort-Object)
    $mid = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

if ($Child) {
    # ------------------------------------------------------------------ the measuring process
    $n = [int]$env:BENCH_ITERATIONS
    $warm = [math]::Max(5, [int]($n / 10))
    Import-Module $env:BENCH_MODULE
    $found = @(Find-Evse -Serial $fullSerial, $telestarSerial -Timeout 30 | Select-Object -First 2)
    if ($found.Count -ne 2) { throw "Found $($found.Count) of the 2 simulated chargers." }
    $found | Connect-Evse -PlainTextPassword $password
    $evse = [EmProto.PowerShell.CommunicatorHolder]::Current.GetEvse($fullSerial)
    $none = [Threading.CancellationToken]::None
    $null = $evse.GetConfigAsync([TimeSpan]::Zero, $none).GetAwaiter().GetResult()
    $null = $evse.WaitForStateAsync($null, $false, $none).GetAwaiter().GetResult()
    $ticksPerUs = [Diagnostics.Stopwatch]::Frequency / 1e6
    $result = [ordered]@{}

    # Each statement is timed as a user's script runs it: written into the timed loop's own text, not
    # called as a script block (& { }), which would add PowerShell's cost of invoking one (10-35 µs here)
    # to both sides. The loop is dot-sourced, so it sees this scope's variables.
    function Measure-Pair([string] $Name, [string] $Cmdlet, [string] $Engine) {
        # Interleaved: cmdlet, engine, cmdlet, engine ... so both see the same machine.
        $loop = [scriptblock]::Create(@"
`$c = [Collections.Generic.List[double]]::new()
`$e = [Collections.Generic.List[double]]::new()
for (`$i = 0; `$i -lt `$warm + `$n; `$i++) {
    `$t0 = [Diagnostics.Stopwatch]::GetTimestamp()
    $Cmdlet
    `$t1 = [Diagnostics.Stopwatch]::GetTimestamp()
    $Engine
    `$t2 = [Diagnostics.Stopwatch]::GetTimestamp()
    if (`$i -ge `$warm) { `$c.Add((`$t1 - `$t0) / `$ticksPerUs); `$e.Add((`$t2 - `$t1) / `$ticksPerUs) }
}
"@)
        . $loop
        $result[$Name] = [ordered]@{ Cmdlet = (Get-Median $c); Engine = (Get-Median $e); N = $c.Count }
    }

    function Measure-One([string] $Name, [int] $Count, [string] $Action) {
        $loop = [scriptblock]::Create(@"
`$s = [Collections.Generic.List[double]]::new()
for (`$i = 0; `$i -lt `$warm + `$Count; `$i++) {
    `$t0 = [Diagnostics.Stopwatch]::GetTimestamp()
    $Action
    if (`$i -ge `$warm) { `$s.Add(([Diagnostics.Stopwatch]::GetTimestamp() - `$t0) / `$ticksPerUs) }
}
"@)
        . $loop
        $result[$Name] = [ordered]@{ Median = (Get-Median $s); Min = ($s | Measure-Object -Minimum).Minimum; N = $s.Count }
    }

    Measure-Pair 'Get-EvseState' '$null = Get-EvseState -Serial $fullSerial' '$null = $evse.State'
    Measure-Pair 'Get-EvseSystemTime' '$null = Get-EvseSystemTime -Serial $fullSerial' '$null = $evse.GetSystemTimeAsync($none).GetAwaiter().GetResult()'
    Measure-Pair 'Get-EvseConfig -MaxAge 0' '$null = Get-EvseConfig -Serial $fullSerial -MaxAge 0' '$null = $evse.GetConfigAsync([TimeSpan]::Zero, $none).GetAwaiter().GetResult()'
    Measure-Pair 'Connect-Evse' 'Connect-Evse -Serial $fullSerial -PlainTextPassword $password' '$evse.LoginAsync($password, $none).GetAwaiter().GetResult()'
    Measure-One 'Connect-Evse Telestar' ([math]::Max(20, [int]($n / 5))) 'Connect-Evse -Serial $telestarSerial -PlainTextPassword $password'

    # 20 Telestar chargers: heard once (so they are known and online), then one pipeline connects them all.
    $heard = @(Find-Evse -Serial $fleetPattern -Timeout 5)
    if ($heard.Count -ne $fleetCount) { throw "Heard $($heard.Count) of the $fleetCount Telestar chargers." }
    $fleet = [Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt 5; $i++) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $connected = @(Find-Evse -Serial $fleetPattern -Timeout 0.05 | Connect-Evse -PlainTextPassword $password -PassThru)
        $fleet.Add($sw.Elapsed.TotalMilliseconds)
        if ($connected.Count -ne $fleetCount) { throw "One Find-Evse piped into Connect-Evse connected $($connected.Count) of $fleetCount chargers." }
    }
    $result['Fleet'] = [ordered]@{ Median = (Get-Median $fleet); Min = ($fleet | Measure-Object -Minimum).Minimum; Max = ($fleet | Measure-Object -Maximum).Maximum; N = $fleet.Count }
    $stats = [EmProto.PowerShell.CommunicatorHolder]::Current.Counters.Snapshot()
    $result['Counters'] = [ordered]@{ Retries = $stats.Retries; Timeouts = $stats.Timeouts; Dropped = $stats.Dropped }
    Stop-EvseCommunicator -Confirm:$false
    $result | ConvertTo-Json -Depth 4 | Set-Content $ResultPath
    return
}

# ---------------------------------------------------------------------- the orchestrating process
$exe = [Environment]::ProcessPath
[string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
$manifest = Get-ChildItem $ModulePath -Recurse -Filter EmProto.psd1 | Select-Object -First 1
if (-not $manifest) { throw "No EmProto.psd1 under $ModulePath." }
$module = $manifest.FullName
$temp = Join-Path ([IO.Path]::GetTempPath()) ("emproto-calls-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $temp
$probe = [Net.Sockets.UdpClient]::new([Net.IPEndPoint]::new([Net.IPAddress]::Loopback, 0))
$port = $probe.Client.LocalEndPoint.Port
$probe.Dispose()

function Start-Pwsh([string[]] $Arguments) {
    $info = [Diagnostics.ProcessStartInfo]::new($exe)
    foreach ($a in $prefix + @('-NoProfile', '-NonInteractive') + $Arguments) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    [Diagnostics.Process]::Start($info)
}

$saved = @{ P = $env:EMPROTO_PORT; A = $env:EMPROTO_LOCAL_ADDRESS; S = $env:EMPROTO_STORE_PATH; M = $env:BENCH_MODULE; N = $env:BENCH_ITERATIONS }
$env:EMPROTO_PORT = "$port"
$env:EMPROTO_LOCAL_ADDRESS = '127.0.0.1'
$env:EMPROTO_STORE_PATH = Join-Path $temp 'evses.json'
$env:BENCH_MODULE = $module
$env:BENCH_ITERATIONS = "$Iterations"
$simulator = $null
try {
    $app = "127.0.0.1:$port"
    $simCommand = @(
        "Import-Module '$module'"
        "`$full = Start-EvseSimulator -Serial $fullSerial -AppEndPoint $app -Password $password -PluggedIn -LoginInterval 0.5 -PassThru"
        "'SIM ' + `$full.LocalEndPoint.Port"
        "`$null = Start-EvseSimulator -Serial $telestarSerial -Firmware Telestar -AppEndPoint $app -Password $password -PluggedIn -LoginInterval 0.5"
        "Start-EvseSimulator -Serial $fleetFirst -Count $fleetCount -Firmware Telestar -AppEndPoint $app -Password $password -LoginInterval 0.5 -Wait -Duration 00:15:00"
    ) -join '; '
    $simulator = Start-Pwsh @('-Command', $simCommand)
    $simPort = $null
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not $simPort -and [DateTime]::UtcNow -lt $deadline) {
        $line = $simulator.StandardOutput.ReadLine()
        if ($null -eq $line) { throw "The simulator process ended: $($simulator.StandardError.ReadToEnd())" }
        if ($line -match '^SIM (\d+)$') { $simPort = [int]$Matches[1] }
    }
    if (-not $simPort) { throw 'The simulator process did not report its port within 60 s.' }

    $measurerResult = Join-Path $temp 'child.json'
    $measurer = Start-Pwsh @('-File', $PSCommandPath, '-Child', '-ResultPath', $measurerResult)
    $measurerErr = $measurer.StandardError.ReadToEndAsync()
    $measurerOut = $measurer.StandardOutput.ReadToEndAsync()
    if (-not $measurer.WaitForExit(900000)) { $measurer.Kill(); throw 'The measuring pwsh did not finish within 15 minutes.' }
    $measurer.WaitForExit()
    if ($measurer.ExitCode -ne 0 -or -not (Test-Path $measurerResult)) { throw "The measuring pwsh failed ($($measurer.ExitCode)): $($measurerErr.Result) $($measurerOut.Result)" }
    $r = Get-Content $measurerResult -Raw | ConvertFrom-Json

    $seed = $null
    $seedSkip = $null
    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $node) { $seedSkip = 'skipped: node is not installed' }
    else {
        $seedJson = Join-Path $temp 'seed.json'
        $script = Join-Path $PSScriptRoot 'seed-exchange/seed-exchange.mjs'
        $out = & $node.Source $script --port $port --charger "127.0.0.1:$simPort" --serial $fullSerial --password $password --iterations $Iterations --warmup ([math]::Max(5, [int]($Iterations / 10))) --out $seedJson 2>&1
        if ($LASTEXITCODE -ne 0) { $seedSkip = "skipped: the node client failed ($LASTEXITCODE): $out" }
        else { $seed = Get-Content $seedJson -Raw | ConvertFrom-Json }
    }

    function Row($suite, $name, $value, $unit, $notes) {
        [pscustomobject]@{ Suite = $suite; Name = $name; Mean = [math]::Round($value, 1); Unit = $unit; Allocated = $null; Notes = $notes }
    }
    $engineOf = @{ 'Get-EvseState' = 'Evse.State'; 'Get-EvseSystemTime' = 'GetSystemTimeAsync'; 'Get-EvseConfig -MaxAge 0' = 'GetConfigAsync(0)'; 'Connect-Evse' = 'LoginAsync' }
    foreach ($name in 'Get-EvseState', 'Get-EvseSystemTime', 'Get-EvseConfig -MaxAge 0', 'Connect-Evse') {
        $p = $r.$name
        $target = if ($name -eq 'Connect-Evse') { 'no target (a login)' } else { 'target <= 150 us' }
        Row 'calls' "$name over its engine call ($($engineOf[$name]))" ($p.Cmdlet - $p.Engine) 'us' ('cmdlet median {0:F1} us, engine median {1:F1} us (both from script, interleaved), n={2}; {3}' -f $p.Cmdlet, $p.Engine, $p.N, $target)
    }
    $seedOf = @{ 'login' = 'Connect-Evse'; 'fetchSystemTime' = 'Get-EvseSystemTime'; 'fetchConfig(0)' = 'Get-EvseConfig -MaxAge 0' }
    if ($seed) {
        foreach ($s in $seed.results) {
            $ours = $r.($seedOf[$s.name]).Cmdlet
            Row 'seed' "$($seedOf[$s.name]) vs seed $($s.name)" $ours 'us' ('EmProto cmdlet median {0:F1} us; seed exchange (node {1}) median {2:F1} us, p99 {3:F1} us, n={4}; ratio EmProto/seed {5:F2}' -f $ours, $seed.node, $s.medianUs, $s.p99Us, $s.n, ($ours / $s.medianUs))
        }
    }
    else { Row 'seed' 'Side by side with the seed library' 0 'us' $seedSkip }
    $t = $r.'Connect-Evse Telestar'
    Row 'telestar' 'Connect-Evse, Telestar firmware (login handshake)' ($t.Median / 1000) 'ms' ('median of {0}, min {1:F2} ms; the optional requests Telestar ignores are not waited for' -f $t.N, ($t.Min / 1000))
    $f = $r.Fleet
    Row 'telestar' "$fleetCount Telestar chargers: one Find-Evse piped into Connect-Evse" $f.Median 'ms' ('median of {0} (min {1:F0}, max {2:F0} ms), known chargers, Find-Evse -Timeout 0.05 included; retries {3}, timeouts {4}, dropped {5}' -f $f.N, $f.Min, $f.Max, $r.Counters.Retries, $r.Counters.Timeouts, $r.Counters.Dropped)
}
finally {
    if ($simulator -and -not $simulator.HasExited) { $simulator.Kill(); $null = $simulator.WaitForExit(10000) }
    $env:EMPROTO_PORT = $saved.P
    $env:EMPROTO_LOCAL_ADDRESS = $saved.A
    $env:EMPROTO_STORE_PATH = $saved.S
    $env:BENCH_MODULE = $saved.M
    $env:BENCH_ITERATIONS = $saved.N
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
