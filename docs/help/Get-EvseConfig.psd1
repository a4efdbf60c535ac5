# Help for Get-EvseConfig: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the configuration of chargers: name, language, units, current, schedule.'
    Description = @(
        'Reads the configuration of each charger: name, language, temperature unit, offline charging mode, configured maximum current and weekly schedule (the firmware versions are properties of the charger object from Get-Evse). The configuration is cached; it is read again from the charger when the cached copy is older than -MaxAge. Connect-Evse reads it right after the login, and the communicator reads it again in the background when it is older than 120 seconds.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
        MaxAge = @{
            Description = 'The oldest cached configuration that is acceptable (a TimeSpan or a number of seconds); older configuration is read again from the charger. Use 0 to always read from the charger.'
            DefaultValue = '120 seconds'
        }
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseConfig'
            Description = 'One object per charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse | Get-EvseConfig'
            Remarks = 'Shows the configuration of every charger.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Get-EvseConfig -MaxAge 0 | Select-Object -ExpandProperty Schedule'
            Remarks = 'Reads the weekly schedule fresh from the charger.'
        }
    )
    RelatedLinks = @(
        'Set-EvseConfig'
        'about_EmProto'
    )
}
