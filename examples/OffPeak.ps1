<#
.SYNOPSIS
    Starts charging a known charger; made for a scheduled task (cron, Task Scheduler) at the
    start of the off-peak tariff.

.DESCRIPTION
    Nothing is interactive and nothing waits for a broadcast: the
    charger and its password come from the module's known-chargers file, filled by a
    Connect-Evse at the console once. The script exits 0 when the charger is charging, and 1
    with an error record (in the scheduler's log) when it is not - for instance when the car
    is not plugged in.

    Schedule it, for example with cron:
        30 23 * * *  pwsh -NoProfile -NonInteractive -File /path/to/OffPeak.ps1 -Name Garage

.PARAMETER Name
    The charger's name (as Get-Evse shows it). Default: Garage.

.PARAMETER MaxCurrent
    The charging current in amperes. Default: 16.

.PARAMETER Timeout
    How long to wait for the charger to report that it charges. Default: one minute.

.EXAMPLE
    ./examples/OffPeak.ps1 -Name Garage -MaxCurrent 10
#>
[CmdletBinding()]
param(
    [string] $Name = 'Garage',
    [ValidateRange(6, 32)]
    [int] $MaxCurrent = 16,
    [timespan] $Timeout = '00:01:00'
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module EmProto)) { Import-Module EmProto }

try {
    $evse = Get-Evse -Name $Name
    # -Confirm:$false: a scheduled task has nobody to answer a prompt.
    $evse | Start-EvseCharge -MaxCurrent $MaxCurrent -Confirm:$false
    $evse = $evse | Wait-Evse -State Charging -Timeout $Timeout
    Write-Output "$($evse.Name) is charging at up to $MaxCurrent A."
    exit 0
}
catch {
    # The error record (with its FullyQualifiedErrorId, e.g. EvseStartNotPluggedIn) goes to
    # the error stream, where the scheduler's log picks it up; the exit code says it failed.
    $PSCmdlet.WriteError($_)
    exit 1
}
