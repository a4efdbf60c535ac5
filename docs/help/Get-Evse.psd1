# Help for Get-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the chargers the communicator knows.'
    Description = @(
        'Gets the chargers this process knows: the ones heard on the network and the ones remembered from earlier sessions (with their stored passwords). It does not wait for broadcasts, so it is the way to address a known charger from a script. The objects show serial, name, model, address, state and power, and go down the pipeline into the other cmdlets.'
    )
    Parameters = @{
        Serial = 'Gets only the chargers whose serial matches. Wildcards are allowed; a serial without wildcards that matches no known charger gives the error EvseNotFound.'
        Name = 'Gets only the chargers whose name matches. Wildcards are allowed; a name without wildcards that matches no charger gives the error EvseNotFound. The name is known once the configuration was read (Connect-Evse reads it).'
        Online = 'Gets only the chargers that are online: heard from within the offline interval (11 seconds by default; -OfflineAfter of Start-EvseCommunicator).'
        Connected = 'Gets only the chargers with a live session (logged in).'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'One object per charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse'
            Remarks = 'Lists every known charger in a table: serial, name, model, address, state and power.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Start-EvseCharge -MaxCurrent 16 -Confirm:$false'
            Remarks = 'Starts charging on the charger named Garage, from a scheduled task, without a prompt.'
        }
        @{
            Code = 'Get-Evse -Online | Where-Object State -eq Charging | Measure-Object PowerKW -Sum'
            Remarks = 'Adds up the power of every charger that is charging now.'
        }
    )
    RelatedLinks = @(
        'Find-Evse'
        'Connect-Evse'
        'Get-EvseState'
        'about_EmProto'
    )
}
