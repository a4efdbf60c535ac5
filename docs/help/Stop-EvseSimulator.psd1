# Help for Stop-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Stops simulated chargers.'
    Description = @(
        'Stops simulated chargers started with Start-EvseSimulator: they stop answering and free their ports. Without parameters it stops all of them.'
    )
    Parameters = @{
        PassThru = 'Writes the stopped simulators to the pipeline. By default this cmdlet returns no output.'
        InputObject = 'The simulated chargers to stop, as returned by Start-EvseSimulator -PassThru or Get-EvseSimulator. Accepts pipeline input.'
        Serial = 'Stops only the simulated chargers with these serials. Wildcards are allowed.'
    }
    Outputs = @(
        @{
            Type = 'None'
            Description = 'This cmdlet returns no output.'
        }
    )
    Examples = @(
        @{
            Code = 'Stop-EvseSimulator'
            Remarks = 'Stops every simulated charger of this process.'
        }
        @{
            Code = '$sim = Start-EvseSimulator -Count 2 -PassThru
$sim[0] | Stop-EvseSimulator'
            Remarks = 'Stops only the first of two simulated chargers, for example to test how a script handles a charger that goes offline.'
        }
    )
    RelatedLinks = @(
        'Start-EvseSimulator'
        'Get-EvseSimulator'
        'about_EmProto'
    )
}
