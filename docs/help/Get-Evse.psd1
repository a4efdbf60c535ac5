# Help for Get-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the chargers the communicator knows.'
    Description = @(
        'Gets the chargers this process knows: the ones heard on the network and the ones remembered from earlier sessions (with their stored passwords). It does not wait for broadcasts, so it is the way to address a known charger from a script. The objects show serial, name, model, address, state and power, and go down the pipeline into the other cmdlets.'
        'In a fresh process (a scheduled task) the live state of a stored charger is not known yet: Get-Evse then logs in with the stored password, all chargers at once, and waits up to -Timeout (5 seconds) for each to report its state, so a script sees Charging rather than Unknown. Chargers disconnected with Disconnect-Evse, whose password was refused, or that are known to be offline are not contacted. -NoRefresh answers from memory only.'
        'The State column is the state now: Unknown before the first contact, Offline after silence, NotLoggedIn, AuthenticationFailed or Disconnected while no session is live (the last status is then not shown as current), else the state the charger reports. Format-List shows StateReceivedAt, LoginProblem and Capabilities (what the firmware answers among the optional requests).'
    )
    Parameters = @{
        Serial = 'Gets only the chargers whose serial matches. Wildcards are allowed; a serial without wildcards that matches no known charger gives the error EvseNotFound.'
        Name = 'Gets only the chargers whose name matches. Wildcards are allowed; a name without wildcards that matches no charger gives the error EvseNotFound. The name is known once the configuration was read (Connect-Evse reads it).'
        Online = 'Gets only the chargers that are online: heard from within the offline interval (11 seconds by default; -OfflineAfter of Start-EvseCommunicator).'
        Connected = 'Gets only the chargers with a live session (logged in).'
        NoRefresh = 'Answers from memory only: stored chargers whose live state is not known yet are not logged in to, and their state shows as Unknown.'
        Timeout = 'How long to wait for stored chargers to report their live state, as a TimeSpan or in seconds. The default is 5 seconds; a charger that does not answer in time is shown with the state known so far and a warning.'
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
            Code = 'pwsh -NoProfile -Command "Get-Evse -Name Garage | Select-Object State, PowerKW"'
            Remarks = 'In a new process: logs in to the stored charger and shows its live state (Charging and the power), not Unknown.'
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
