# Help for Set-EvseSystemTime: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Sets the clock of chargers.'
    Description = @(
        'Sets the clock of each charger, by default to the current time, in the charger''s time zone.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serial of the charger: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed.'
        Time = @{
            Description = 'The time to set. A DateTimeOffset is an exact instant; a DateTime without offset is read as the charger''s wall-clock time.'
            DefaultValue = 'now'
        }
    }
    Outputs = @(
        @{
            Type = 'None'
            Description = 'This cmdlet returns no output.'
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
