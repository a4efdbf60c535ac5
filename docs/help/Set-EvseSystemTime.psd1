# Help for Set-EvseSystemTime: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Sets the clock of chargers.'
    Description = @(
        'Sets the clock of each charger, by default to the current time, in the charger''s time zone.'
        'Before anything changes (and before -Confirm asks), the cmdlet warns when the charger''s clock is a whole number of hours off from this host: its clock is then probably right in another time zone, and setting it would make it wrong there. Tell EmProto the charger''s zone first (Connect-Evse -TimeZone). The last clock reading is used for the check; without one, the clock is read first (one request). Under -WhatIf nothing is sent, so only a reading taken before can give the warning.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        PassThru = 'Returns the clock reading (charger time, host time and skew) after the clock was set. By default this cmdlet returns no output.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        Time = @{
            Description = 'The time to set. A DateTimeOffset (or a string with an offset) is an exact instant; a DateTime or a string without offset, such as ''2025-03-01 12:00'', is read as the charger''s wall-clock time.'
            DefaultValue = 'now'
        }
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseSystemTime'
            Description = 'With -PassThru: the clock reading after setting it. By default this cmdlet returns no output.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse | Set-EvseSystemTime'
            Remarks = 'Sets the clock of every charger to now.'
        }
        @{
            Code = 'Set-EvseSystemTime -Serial 9181102751219513 -Time ''2025-03-01T12:00:00+01:00'''
            Remarks = 'Sets one charger''s clock to an exact instant.'
        }
    )
    RelatedLinks = @(
        'Get-EvseSystemTime'
        'about_EmProto'
    )
}
