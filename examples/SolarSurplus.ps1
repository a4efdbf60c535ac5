<#
.SYNOPSIS
    Charges from solar surplus: starts charging when the surplus carries at least 6 A, stops
    when it does not. Run it every few minutes.

.DESCRIPTION
    Pass the current surplus (exported minus imported power) in
    watts, read from your inverter or meter, e.g.
        ./SolarSurplus.ps1 -Name Garage -SurplusWatts (Get-MySolarSurplusWatts)

    The surplus is turned into amperes per phase (230 V). At 6 A or more an idle charger
    starts at that current (capped at the charger's maximum); below 6 A a charging charger
    stops. A cloud passing over must not flap the relays: the module's wear guard refuses a
    start or stop within a minute of the last one. This script treats that refusal as "try
    again next run" (a warning, exit 0); -Force would override the guard.

.PARAMETER Name
    The charger's name (as Get-Evse shows it). Default: Garage.

.PARAMETER SurplusWatts
    The solar surplus now, in watts.

.PARAMETER MinimumCurrent
    The lowest current worth charging with (the standard minimum is 6 A).

.EXAMPLE
    ./examples/SolarSurplus.ps1 -Name Garage -SurplusWatts 2500
#>
[CmdletBinding()]
param(
    [string] $Name = 'Garage',
    [Parameter(Mandatory)]
    [double] $SurplusWatts,
    [ValidateRange(6, 32)]
    [int] $MinimumCurrent = 6
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module EmProto)) { Import-Module EmProto }

try {
    $evse = Get-Evse -Name $Name
    $amps = [math]::Min([math]::Floor($SurplusWatts / 230 / $evse.Phases), $evse.MaxCurrent)
    if ($amps -ge $MinimumCurrent -and $evse.State -in 'PluggedIn', 'Finished') {
        $evse | Start-EvseCharge -MaxCurrent $amps -Confirm:$false
        Write-Output "$($evse.Name): started charging at $amps A ($SurplusWatts W surplus)."
    }
    elseif ($amps -lt $MinimumCurrent -and $evse.State -eq 'Charging') {
        $evse | Stop-EvseCharge -Confirm:$false
        Write-Output "$($evse.Name): stopped charging ($SurplusWatts W surplus is below $MinimumCurrent A)."
    }
    else {
        Write-Output "$($evse.Name): $($evse.State), nothing to change ($amps A available)."
    }
    exit 0
}
catch [EmProto.Engine.EvseWearGuardException] {
    # Too soon after the last start or stop: leave it as it is and decide again next run.
    Write-Warning "$Name`: $($_.Exception.Message)"
    exit 0
}
catch {
    $PSCmdlet.WriteError($_)
    exit 1
}
