# Help for Get-EvseState: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the live state of chargers: voltages, currents, power, temperatures, errors.'
    Description = @(
        'Gets the live state of each charger: voltage and current per phase, power, energy meter, temperatures, plug and output state, the charger state (for example Idle, PluggedIn, Charging) and every error bit that is set. Connected chargers push their state by themselves; by default the latest pushed state is returned at once. With -Wait, or when no state has arrived yet, the cmdlet logs in (with the stored password) if needed and waits for a state from the charger; running out of time gives the error EvseStateTimeout. While the debug stream is shown ($DebugPreference = ''Continue'', also when set inside a function or script block, or -Debug), the cmdlet waits for the next state as with -Wait, so the status datagram and the acknowledgment appear in the dump; the latest state alone was received earlier and would show no traffic.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
        Wait = 'Waits for the next state the charger sends instead of returning the latest one.'
        Timeout = @{
            Description = 'How long to wait for a state from the charger (with -Wait, or when none has arrived yet): a TimeSpan or a number of seconds.'
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
            Code = '$DebugPreference = ''Continue''
Get-Evse -Name Garage | Get-EvseState
$DebugPreference = ''SilentlyContinue'''
            Remarks = 'Waits for the next state of the Garage charger (up to -Timeout) and shows the datagrams exchanged in the debug stream, one line each such as "<- 192.168.1.40:28376 SingleAcStatus 0601...", in hexadecimal with the password masked. Each line can be piped as it is to ConvertFrom-EvseDatagram. -Debug does the same for this one command, without asking anything (also in a non-interactive session); its own messages then come in the debug stream too.'
        }
    )
    RelatedLinks = @(
        'Get-Evse'
        'Wait-Evse'
        'Get-EvseChargeSession'
        'about_EmProto'
    )
}
