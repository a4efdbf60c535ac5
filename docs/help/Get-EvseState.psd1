# Help for Get-EvseState: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the live state of chargers: voltages, currents, power, temperatures, errors.'
    Description = @(
        'Gets the live state of each charger: voltage and current per phase, power, energy meter, temperatures, plug and output state, the charger state (for example Idle, Plugged, Charging) and every error bit that is set. Connected chargers push their state by themselves; by default the latest pushed state is returned at once. With -Wait the cmdlet waits for the next fresh state from the charger.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serial of the charger: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed.'
        Wait = 'Waits for the next state the charger sends instead of returning the latest one.'
        Timeout = @{
            Description = 'With -Wait: how long to wait for the charger''s next state.'
            DefaultValue = '30 seconds'
        }
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseState'
            Description = 'One object per charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse | Get-EvseState | Format-List'
            Remarks = 'Shows the full state of every charger.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Get-EvseState -Wait -Timeout 00:00:40'
            Remarks = 'Waits for the next state the Garage charger sends (it sends one about every 15 seconds).'
        }
        @{
            Code = 'Get-Evse -Name Garage | Get-EvseState -Debug'
            Remarks = 'Shows the datagrams exchanged, in hexadecimal with the password masked, to debug a charger that behaves oddly.'
        }
    )
    RelatedLinks = @(
        'Get-Evse'
        'Wait-Evse'
        'Get-EvseChargeSession'
        'about_EmProto'
    )
}
