# Help for Disconnect-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Ends the session with a charger.'
    Description = @(
        'Hands a charger back (for example to the phone app): EmProto ends the session, stops answering its keep-alives so it returns to broadcasting, and does not log in again on its own - in this process and in the next ones, since it is remembered in the store - until Connect-Evse. Commands that need a session give EvseNotConnected meanwhile, and Get-Evse shows the state Disconnected. The charger stays known with its stored password; Remove-Evse forgets it altogether.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        PassThru = 'Returns the charger object when the command has been done. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'With -PassThru: the charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Connected | Disconnect-Evse'
            Remarks = 'Ends every session of this process.'
        }
        @{
            Code = 'Disconnect-Evse -Serial 9181102751219513'
            Remarks = 'Ends the session with one charger, for example to let the phone app talk to it.'
        }
    )
    RelatedLinks = @(
        'Connect-Evse'
        'Remove-Evse'
        'about_EmProto'
    )
}
