# Help for Get-EvseCommunicator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the communicator: endpoint, settings and counters.'
    Description = @(
        'Gets the communicator this session uses: its local endpoint and settings, the chargers it knows, and counters of datagrams sent, received and dropped (by reason: bad checksum, too short, unknown command, ...). Use it to troubleshoot.'
        'Mode says which communicator that is: InProcess (this process''s own) or Agent (the user''s agent, which serves every EmProto session of the user; AgentProcessId and AgentSocketPath name it). See Start-EvseAgent.'
    )
    Parameters = @{

    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCommunicatorStatus'
            Description = 'The communicator, or nothing when it is not started.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-EvseCommunicator'
            Remarks = 'Shows the endpoint and the counters.'
        }
        @{
            Code = '(Get-EvseCommunicator).Dropped'
            Remarks = 'Shows why datagrams were dropped, for example when a charger seems silent.'
        }
    )
    RelatedLinks = @(
        'Start-EvseCommunicator'
        'Stop-EvseCommunicator'
        'about_EmProto'
    )
}
