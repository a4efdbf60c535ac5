# Help for Wait-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Waits until chargers reach a state.'
    Description = @(
        'Waits until each charger reports one of the given states, or until -Timeout has passed; then returns the charger. A charger already in the state is returned at once. A charger that is not connected but has a stored password is logged in first. A timeout gives an error record (EvseWaitTimeout), so scripts can fail with a clear exit code. Ctrl+C stops the wait at once.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
        State = 'The states to wait for (any of them): Unknown, Offline, Idle, PluggedIn, Charging, Reserved, Finished or Error.'
        Timeout = @{
            Description = 'How long to wait: a TimeSpan or a number of seconds.'
            DefaultValue = '60 seconds'
        }
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'The charger, once it is in the state.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Name Garage | Wait-Evse -State Charging -Timeout 00:01:00'
            Remarks = 'Waits up to a minute for the Garage charger to start charging.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Start-EvseCharge -Confirm:$false
Get-Evse -Name Garage | Wait-Evse -State Charging -Timeout 00:01:00 -ErrorAction Stop'
            Remarks = 'Starts charging from a scheduled task and fails the task when charging has not begun within a minute.'
        }
    )
    RelatedLinks = @(
        'Get-EvseState'
        'Register-EvseEvent'
        'about_EmProto'
    )
}
