# Help for Disconnect-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Ends the session with a charger.'
    Description = @(
        'Ends the session with a charger: EmProto stops answering its keep-alives and stops logging in again. The charger stays known, with its stored password, so Connect-Evse or any command reconnects later.'
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
