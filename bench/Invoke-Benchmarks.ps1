<#
.SYNOPSIS
    Runs the EmProto benchmarks and writes the results to -OutputPath (results.md, results.json).
.DESCRIPTION
    Called by `build.ps1 -Task Bench` after the build. Each suite below is one entry of $suites:
    a name, what it measures, and a script block that runs it and returns result rows
    (Suite, Name, Mean, Unit, Allocated, Notes). To add a benchmark (command latency against the
    simulator, cold automation, fleets), add a suite: BenchmarkDotNet classes go into
    bench/EmProto.Benchmarks and are picked up by the 'dotnet' suite through -Filter; measurements
    that need the PowerShell module (it is staged at -ModulePath) get their own script block.

    The BenchmarkDotNet job is short (3 warm-ups, 3 iterations, in process) so everything finishes
    in a few minutes on 2 cores; the numbers are for trends, not for decimals.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench
.EXAMPLE
    ./bench/Invoke-Benchmarks.ps1 -ModulePath out/EmProto -OutputPath out/bench -Suite dotnet -Filter '*Codec*'
#>
[CmdletBinding()]
param(
    # The staged module folder (out/EmProto), for suites that drive the module.
    [Parameter(Mandatory)] [string] $ModulePath,

    # Where results go; created if missing.
    [Parameter(Mandatory)] [string] $OutputPath,

    # Run only these suites (default: all).
    [string[]] $Suite,

    # BenchmarkDotNet filter for the 'dotnet' suite (class or method globs).
    [string] $Filter = '*',

    # Fewer samples and shorter intervals everywhere (a smoke run of a few minutes).
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$repoRoot = Split-Path $PSScriptRoot -Parent
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
$null = New-Item -ItemType Directory $OutputPath -Force

function ConvertTo-Row {
    # One BenchmarkDotNet JSON report -> one result row (time in ns, allocations in bytes per op).
    param([string] $SuiteName, $Report)
    $params = if ($Report.Parameters) { " ($($Report.Parameters))" } else { '' }
    [pscustomobject]@{
        Suite     = $SuiteName
        Name      = "$($Report.Type).$($Report.Method)$params"
        Mean      = [math]::Round($Report.Statistics.Mean, 1)
        Unit      = 'ns'
        Allocated = if ($Report.Memory) { [long]$Report.Memory.BytesAllocatedPerOperation } else { $null }
        Notes     = 'StdDev {0:N1} ns; {1:N0} datagrams/s (ops/s)' -f $Report.Statistics.StandardDeviation, (1e9 / $Report.Statistics.Mean)
    }
}

function Invoke-Scenario {
    # One measured scenario of the benchmark program (bench/EmProto.Benchmarks/Scenarios) -> its rows.
    param([string] $Name, [string[]] $Arguments = @())
    $project = Join-Path $repoRoot 'bench/EmProto.Benchmarks/EmProto.Benchmarks.csproj'
    $json = Join-Path $OutputPath "$Name.json"
    $scenarioArgs = @('scenario', $Name, '--out', $json) + $Arguments
    if ($Quick) { $scenarioArgs += '--quick' }
    & dotnet run -c Release --project $project -- @scenarioArgs | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "The $Name scenario failed (exit code $LASTEXITCODE)." }
    Get-Content $json -Raw | ConvertFrom-Json
}

$suites = @(
    [pscustomobject]@{
        Name     = 'dotnet'
        Measures = 'Codec decode/encode per datagram kind, and the raw UDP loopback round trip (BenchmarkDotNet).'
        Run      = {
            $project = Join-Path $repoRoot 'bench/EmProto.Benchmarks/EmProto.Benchmarks.csproj'
            $artifacts = Join-Path $OutputPath 'dotnet'
            if (Test-Path $artifacts) { Remove-Item $artifacts -Recurse -Force }
            # Quoted: pwsh on Unix would expand a bare * against the current folder.
            $job = if ($Quick) { @('--quick') } else { @() }
            & dotnet run -c Release --project $project -- --filter "$Filter" --artifacts "$artifacts" @job | Out-Host
            if ($LASTEXITCODE -ne 0) { throw "The BenchmarkDotNet run failed (exit code $LASTEXITCODE)." }
            foreach ($json in Get-ChildItem (Join-Path $artifacts 'results') -Filter '*-report-full.json') {
                $data = Get-Content $json.FullName -Raw | ConvertFrom-Json
                foreach ($b in $data.Benchmarks) { ConvertTo-Row 'dotnet' $b }
            }
        }
    }
    [pscustomobject]@{
        Name     = 'latency'
        Measures = 'Command latency against one simulator on loopback (median, p99, multiple of the raw round trip).'
        Run      = { Invoke-Scenario 'latency' }
    }
    [pscustomobject]@{
        Name     = 'cold'
        Measures = 'A fresh pwsh imports the module, connects to a stored charger and starts a charge.'
        Run      = { & (Join-Path $PSScriptRoot 'Measure-ColdAutomation.ps1') -ModulePath $ModulePath -Runs $(if ($Quick) { 3 } else { 7 }) }
    }
    [pscustomobject]@{
        Name     = 'calls'
        Measures = 'Warm cmdlets: per-call overhead over the engine, side by side with the seed library''s exchanges (node), Telestar logins, 20 chargers by one Find-Evse | Connect-Evse.'
        Run      = { & (Join-Path $PSScriptRoot 'Measure-ModuleCalls.ps1') -ModulePath $ModulePath -Iterations $(if ($Quick) { 50 } else { 300 }) }
    }
    [pscustomobject]@{
        Name     = 'fleet'
        Measures = 'Fleets of 10, 100 and 1,000 simulated chargers (in a child process) against one communicator.'
        Run      = { Invoke-Scenario 'fleet' }
    }
)

$selected = if ($Suite) { @($suites | Where-Object Name -In $Suite) } else { $suites }
if (-not $selected) { throw "No suite named $($Suite -join ', '); suites: $($suites.Name -join ', ')." }

$cpu = if (Test-Path /proc/cpuinfo) {
    ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':\s*', 2)[1]
} else { $env:PROCESSOR_IDENTIFIER }
$load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ' } else { 'n/a' }
$machine = [ordered]@{
    Load       = $load
    Date       = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
    Processors = [Environment]::ProcessorCount
    Cpu        = $cpu
    OS         = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
    Runtime    = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    PowerShell = $PSVersionTable.PSVersion.ToString()
}

$rows = [System.Collections.Generic.List[object]]::new()
foreach ($s in $selected) {
    Write-Host "== Bench suite '$($s.Name)': $($s.Measures)"
    foreach ($row in & $s.Run) { $rows.Add($row) }
}
if ($rows.Count -eq 0) { throw 'The benchmarks produced no results.' }

[ordered]@{ Machine = $machine; Results = $rows } | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $OutputPath 'results.json')

$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine("Machine: $($machine.Processors) logical CPUs, $($machine.Cpu); $($machine.OS); $($machine.Runtime); $($machine.Date); load average at the start $($machine.Load).")
$null = $md.AppendLine()
$null = $md.AppendLine('Mean: BenchmarkDotNet mean for the dotnet suite; the median for latency, cold, calls, seed and telestar; the measured value for fleet.')
$null = $md.AppendLine()
$null = $md.AppendLine('| Suite | Benchmark | Mean | Allocated | Notes |')
$null = $md.AppendLine('|---|---|---:|---:|---|')
foreach ($r in $rows) {
    $mean = if ($r.Unit -eq 'ns' -and $r.Mean -ge 1000) { '{0:N2} us' -f ($r.Mean / 1000) } else { '{0:N1} {1}' -f $r.Mean, $r.Unit }
    $alloc = if ($null -eq $r.Allocated) { '-' } else { "$($r.Allocated) B" }
    $null = $md.AppendLine("| $($r.Suite) | $($r.Name) | $mean | $alloc | $($r.Notes) |")
}
Set-Content (Join-Path $OutputPath 'results.md') $md.ToString()
Write-Host $md.ToString()
Write-Host "Results: $(Join-Path $OutputPath 'results.md'), $(Join-Path $OutputPath 'results.json')"
exit 0
