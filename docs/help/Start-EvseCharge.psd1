# Help for Start-EvseCharge: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts charging, now or at a planned time, with optional limits.'
    Description = @(
        'Starts a charge session on each charger, now or (with -StartAt) at a planned time of the charger''s wall clock, with optional limits on duration and energy. A car must be plugged in: otherwise the charger refuses and the error id is EvseStartNotPluggedIn. Other refusals give EvseStart<Reason> (for example EvseStartAlreadyCharging, EvseStartIncorrectTime, EvseStartReservationPending) or, for a planned start, EvseReservation<Result> (for example EvseReservationAlreadyReserved). A -StartAt in the past gives EvseStartInPast; how far ahead a planned start may be is decided by the charger itself (EmProto sets no limit of its own, such as 24 hours): a charger that will not plan that far refuses with EvseReservationTooFarAhead. A current the charger cannot take gives EvseInvalidCurrent, and no reply EvseCommandTimeout.'
        'The configured maximum current is NOT changed by a start: -MaxCurrent limits this session only, and after a start with another -MaxCurrent the charger''s configured maximum (Get-EvseConfig) is what it was. This differs on purpose from the seed library, which wrote the configured current too: safety first, since some chargers fault when the current changes in the middle of a session. To change the configured maximum, use Set-EvseConfig -MaxCurrent, on purpose.'
        'The wear guard applies when relays switch: it refuses a start now that follows the previous start or stop of the charger within the minimum interval (60 seconds by default; -WearGuardInterval of Start-EvseCommunicator), with the error EvseWearGuard that names the time a start is allowed again; -Force overrides it. Planning a start (-StartAt) and cancelling a plan (Stop-EvseCharge of a planned session) switch no relays and are not held back by it.'
        'Give the charger from the pipeline or by -Serial; -Serial is required otherwise. Under -WhatIf nothing is sent: not even a login.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        MaxCurrent = 'The charging current per phase, in amperes: 6 up to the charger''s rated maximum (at most 32). By default the charger''s configured maximum current (read from its configuration). It applies to this session only: the configured maximum is not changed (Set-EvseConfig -MaxCurrent does that). Outside the range the error is EvseInvalidCurrent.'
        SinglePhase = 'On a three-phase charger: charges on one phase only.'
        StartAt = 'Plans the start: a time of day such as ''23:30'' in the charger''s time zone (a time already past today means tomorrow), a date and time, or a DateTimeOffset. A time in the past gives the error EvseStartInPast. How far ahead it may be is up to the charger (EmProto sets no limit of its own); one that will not plan that far refuses with EvseReservationTooFarAhead. EmProto corrects for the drift of the charger''s clock.'
        MaxDuration = 'Stops the session after this time: a TimeSpan or a number of seconds, 1 minute up to 65534 minutes (rounded up to whole minutes).'
        MaxEnergyKWh = 'Stops the session after this energy, in kWh (0.01 to 655.34).'
        UserId = @{
            Description = 'The user shown in the charger''s history (ASCII, at most 16 characters).'
            DefaultValue = 'emproto'
        }
        ChargeId = 'The id of the charge session (ASCII, at most 16 characters). By default one is made from the charger''s date and time (yyyyMMddHHmm) and four random digits.'
        Force = 'Overrides the wear guard: starts or stops even when the previous start or stop of this charger was less than the minimum interval ago. Use it deliberately; every start and stop switches the relays of the charger and the contactors of the car.'
        PassThru = 'Returns the outcome (a ChargeStartResult). By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.ChargeStartResult'
            Description = 'With -PassThru: the outcome: serial, charge id, whether it is a planned start (IsReservation) and when (StartAt), the current limit (MaxCurrent) and the charger''s reservation result.'
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
