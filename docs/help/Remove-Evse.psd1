# Help for Remove-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Forgets a charger and its stored password.'
    Description = @(
        'Ends the session with a charger and removes it, and its stored password, from the communicator and from the store. The charger appears again when it is found on the network, and needs its password again.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
    }
    Outputs = @(
        @{
            Type = 'None'
            Description = 'This cmdlet returns no output.'
        }
    )
    Examples = @(
        @{
            Code = 'Remove-Evse -Serial 9181102751219513'
            Remarks = 'Forgets one charger and its password.'
        }
        @{
            Code = 'Get-Evse | Where-Object { -not $_.Online } | Remove-Evse -WhatIf'
            Remarks = 'Shows which offline chargers would be forgotten, without forgetting them.'
        }
    )
    RelatedLinks = @(
        'Get-Evse'
        'Disconnect-Evse'
        'about_EmProto'
    )
}
