# Help for Start-EvseCharge: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts charging, now or at a planned time, with optional limits.'
    Description = @(
        'Starts a charge session on each charger, now or (with -StartAt) at a planned time of the charger''s wall clock, with optional limits on duration and energy. A car must be plugged in: otherwise the error EvseCommandRejected says so.'
        'The wear guard refuses a start that follows the previous start or stop of the charger within the minimum interval, with a catchable error; -Force overrides it.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serial of the charger: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed.'
        MaxCurrent = 'The charging current per phase, in amperes (6 to the charger''s maximum, at most 32). By default the charger''s configured maximum.'
        SinglePhase = 'On a three-phase charger: charges on one phase only.'
        StartAt = 'Plans the start for this wall-clock time of the charger (its time zone), for example 23:30. A time already past today means tomorrow.'
        MaxDuration = 'Stops the session after this time.'
        MaxEnergyKWh = 'Stops the session after this energy, in kWh.'
        UserId = @{
            Description = 'The user shown in the charger''s history.'
            DefaultValue = 'emproto'
        }
        ChargeId = 'The id of the charge session (at most 16 characters). By default one is made from the date and time.'
        Force = 'Overrides the wear guard: starts or stops even when the previous start or stop of this charger was less than the minimum interval ago. Use it deliberately; every start and stop switches the relays of the charger and the contactors of the car.'
        PassThru = 'Returns the charge session. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.ChargeStartResult'
            Description = 'With -PassThru: the outcome: charge id, whether it is a planned start and when, and the current limit.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Name Garage | Start-EvseCharge -MaxCurrent 16 -Confirm:$false'
            Remarks = 'Starts charging at 16 A from a scheduled task, without a prompt.'
        }
        @{
            Code = 'Start-EvseCharge -Serial 9181102751219513 -StartAt ''23:30'' -MaxDuration 04:00:00 -MaxEnergyKWh 20'
            Remarks = 'Plans a charge for 23:30 charger time, for at most four hours and 20 kWh.'
        }
        @{
            Code = '$evse = Get-Evse -Name Garage
$amps = [math]::Floor((Get-MySolarSurplusWatts) / 230 / $evse.Phases)
if ($amps -ge 6 -and $evse.State -ne ''Charging'') { $evse | Start-EvseCharge -MaxCurrent $amps }'
            Remarks = 'Starts charging on solar surplus; the wear guard protects against flapping.'
        }
    )
    RelatedLinks = @(
        'Stop-EvseCharge'
        'Get-EvseChargeSession'
        'Wait-Evse'
        'about_EmProto'
    )
}
