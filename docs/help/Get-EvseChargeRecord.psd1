# Help for Get-EvseChargeRecord: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the records of finished charge sessions.'
    Description = @(
        'Gets the records of finished charge sessions that the chargers reported: start and stop time, energy, meter readings, the users who started and stopped them and the power samples. Records are collected while the communicator runs and kept in the store.'
        'For cost reports each record also carries Price, ChargeFee (the service fee) and FeeType as the charger reports them, and the limits the charge ran with (MaxDuration, MaxEnergyKWh; the raw parameters in Param1Raw to Param3Raw). StopReason names the known reasons (PowerDown for 0xFF) and shows other codes as numbers; StopReasonRaw is the number. PowerSamples holds the power samples as one text field, e.g. "0 1200 7300", so Export-Csv writes them usefully.'
        'Start, Stop and ReservedFor are moved onto this computer''s clock when the charger''s clock skew has been measured (Get-EvseSystemTime, or before a planned start); TimesCorrected says whether they were, and ClockSkew is the skew applied (the charger''s own reading is the time plus ClockSkew).'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        After = 'Returns only the records of sessions that started at or after this time.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseChargeRecord'
            Description = 'One object per finished session.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse | Get-EvseChargeRecord | Select-Object Serial, ChargeId, Start, Stop, EnergyKWh, Price, ChargeFee, StopReason, PowerSamples | Export-Csv sessions.csv -NoTypeInformation'
            Remarks = 'Exports every charge record to a CSV file for a cost report; PowerSamples is one text column.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Get-EvseChargeRecord | Measure-Object EnergyKWh -Sum'
            Remarks = 'Adds up the energy charged by the Garage charger.'
        }
    )
    RelatedLinks = @(
        'Get-EvseChargeSession'
        'about_EmProto'
    )
}
