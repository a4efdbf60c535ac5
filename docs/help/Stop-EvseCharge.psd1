# Help for Stop-EvseCharge: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Stops charging, or cancels a planned charge.'
    Description = @(
        'Stops the running charge session of each charger, or cancels the planned one. The wear guard refuses a stop that follows the previous start or stop within the minimum interval (60 seconds by default), with the error EvseWearGuard; -Force overrides it. A charger that refuses to stop gives EvseStopRejected; no reply gives EvseCommandTimeout.'
        'Give the charger from the pipeline or by -Serial; -Serial is required otherwise. Under -WhatIf nothing is sent.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        UserId = @{
            Description = 'The user shown in the charger''s history as the one who stopped the session (ASCII, at most 16 characters).'
            DefaultValue = 'emproto'
        }
        Force = 'Overrides the wear guard: starts or stops even when the previous start or stop of this charger was less than the minimum interval ago. Use it deliberately; every start and stop switches the relays of the charger and the contactors of the car.'
        PassThru = 'Returns the charger object (EvseCharger) after the stop. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'With -PassThru: the charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Name Garage | Stop-EvseCharge'
            Remarks = 'Stops charging on the Garage charger, after confirmation.'
        }
        @{
            Code = 'Stop-EvseCharge -Serial 9181102751219513 -Confirm:$false'
            Remarks = 'Cancels a planned charge, or stops the running one, without a prompt.'
        }
    )
    RelatedLinks = @(
        'Start-EvseCharge'
        'Get-EvseChargeSession'
        'about_EmProto'
    )
}
