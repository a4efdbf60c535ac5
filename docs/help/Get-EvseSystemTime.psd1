# Help for Get-EvseSystemTime: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the clock of chargers and how far it is off.'
    Description = @(
        'Reads the clock of each charger and shows it as the charger''s wall-clock time, together with how far it is off from the computer''s clock. Charger clocks drift (weeks have been seen); planned charges and records use that clock.'
        'When the difference is within a minute of a whole number of hours, the charger''s time zone probably differs from the one EmProto assumes: the cmdlet writes a warning, the object''s TimeZoneHint says what to do, the table marks it in the Zone? column (for example +2 h?) and Format-List shows the hint.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseSystemTime'
            Description = 'One object per charger: the charger time, the computer time and the difference.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse | Get-EvseSystemTime'
            Remarks = 'Shows every charger''s clock and its drift.'
        }
        @{
            Code = 'Get-Evse | Get-EvseSystemTime | Where-Object { [math]::Abs($_.Skew.TotalMinutes) -gt 2 } | Set-EvseSystemTime'
            Remarks = 'Sets the clock of every charger that is more than two minutes off.'
        }
    )
    RelatedLinks = @(
        'Set-EvseSystemTime'
        'about_EmProto'
    )
}
