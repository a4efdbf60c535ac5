# Help for Get-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the simulated chargers running in this process.'
    Description = @(
        'Gets the simulated chargers started with Start-EvseSimulator in this process, with their state: plugged in or not, charging, errors, the simulated clock, the apps logged in, and counters of what they received and sent. Use it in tests to check what the "charger" went through.'
    )
    Parameters = @{
        Serial = 'Gets only the simulated chargers with these serials. Wildcards are allowed.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Simulator.SimulatedEvse'
            Description = 'One object per simulated charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-EvseSimulator'
            Remarks = 'Lists every simulated charger of this process.'
        }
        @{
            Code = 'Get-EvseSimulator -Serial 0123456789abcdef | Format-List'
            Remarks = 'Shows everything about one simulated charger, for example after a test script ran against it.'
        }
    )
    RelatedLinks = @(
        'Start-EvseSimulator'
        'Set-EvseSimulator'
        'Stop-EvseSimulator'
        'about_EmProto'
    )
}
