<#
.SYNOPSIS
    Runs the whole test suite (the README's test command) while other processes keep every core busy.
.DESCRIPTION
    Starts one busy-loop process per logical CPU (each ends by itself after -MaxMinutes, and all are
    killed when this script ends, however it ends), then runs `dotnet pwsh ./build.ps1 -Task Test`
    -Runs times, stopping at the first run that fails. Each run's output goes to the console and to
    out/test-under-load/run-<n>.log; a summary (exit code, duration, the suite's final
    "N passed, N failed, N skipped" line) is printed at the end. Exit code 0 when every run passed.

    A full run takes about 5 minutes on a quiet 2-core machine and longer under this load.
    Run `dotnet tool restore` once before.
.PARAMETER Runs
    How many times to run the suite (default 3).
.PARAMETER BusyProcesses
    How many busy-loop processes to start (default: one per logical CPU).
.PARAMETER MaxMinutes
    Upper bound on the life of each busy-loop process, in minutes (default 30 per run).
.EXAMPLE
    dotnet pwsh ./tools/Test-UnderLoad.ps1 -Runs 1
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)] [int] $Runs = 3,
    [ValidateRange(1, 256)] [int] $BusyProcesses = [Environment]::ProcessorCount,
    [ValidateRange(1, 1440)] [int] $MaxMinutes = 30 * $Runs
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$logDir = Join-Path $root 'out/test-under-load'
$null = New-Item -ItemType Directory $logDir -Force

# A bounded busy loop: spins until its deadline, checking the clock every few million iterations.
$burn = "`$end = [datetime]::UtcNow.AddMinutes($MaxMinutes); while ([datetime]::UtcNow -lt `$end) { for (`$i = 0; `$i -lt 2000000; `$i++) { } }"
$busy = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
$results = [System.Collections.Generic.List[object]]::new()
try {
    Write-Host "== Starting $BusyProcesses busy-loop process(es) (each ends by itself after $MaxMinutes min)"
    for ($i = 0; $i -lt $BusyProcesses; $i++) {
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $burn) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.WorkingDirectory = $root
        $busy.Add([System.Diagnostics.Process]::Start($psi))
    }

    for ($run = 1; $run -le $Runs; $run++) {
        $log = Join-Path $logDir "run-$run.log"
        Write-Host "== Run $run of $Runs under load (log: $log)"
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Push-Location $root
        try {
            & dotnet pwsh ./build.ps1 -Task Test 2>&1 | Tee-Object -FilePath $log | Out-Host
            $exit = $LASTEXITCODE
        } finally {
            Pop-Location
        }
        $watch.Stop()
        $summary = @(Get-Content $log | Where-Object { $_ -match '^\d+ passed, \d+ failed' }) | Select-Object -Last 1
        $alive = @($busy | Where-Object { -not $_.HasExited }).Count
        $results.Add([pscustomobject]@{
                Run      = $run
                ExitCode = $exit
                Minutes  = [math]::Round($watch.Elapsed.TotalMinutes, 1)
                Summary  = if ($summary) { $summary } else { '(no summary line)' }
                Busy     = "$alive of $BusyProcesses busy processes still running"
            })
        if ($exit -ne 0) {
            Write-Host "Run $run failed (exit code $exit): stopping."
            break
        }
    }
} finally {
    foreach ($p in $busy) {
        try { if (-not $p.HasExited) { $p.Kill($true) } } catch [System.InvalidOperationException] { }
        $null = $p.WaitForExit(10000)
        $p.Dispose()
    }
}

Write-Host '== Summary'
$results | Format-Table -AutoSize | Out-Host
$failedRuns = @($results | Where-Object ExitCode -ne 0).Count
Write-Host ("{0} of {1} run(s) passed under load{2}" -f ($results.Count - $failedRuns), $Runs, $(if ($results.Count -lt $Runs) { ' (stopped at the first failure)' } else { '' }))
if ($failedRuns -gt 0 -or $results.Count -lt $Runs) { exit 1 }
exit 0
