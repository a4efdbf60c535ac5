# Help for Get-EvseChargeRecord: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the records of finished charge sessions.'
    Description = @(
        'Gets the records of finished charge sessions that the chargers reported: start and stop time, energy, meter readings, the users who started and stopped them and the power samples. Records are collected while the communicator runs and kept in the store.'
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
            Code = 'Get-Evse | Get-EvseChargeRecord | Export-Csv sessions.csv -NoTypeInformation'
            Remarks = 'Exports every charge record to a CSV file.'
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
