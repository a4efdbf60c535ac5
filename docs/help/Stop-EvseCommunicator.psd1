# Help for Stop-EvseCommunicator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Stops the communicator and ends every charger session.'
    Description = @(
        'Ends every charger session and closes the communicator''s socket, freeing port 28376. The next EmProto command starts it again. Removing the module does the same.'
    )
    Parameters = @{

    }
    Outputs = @(
        @{
            Type = 'None'
            Description = 'This cmdlet returns no output.'
        }
    )
    Examples = @(
        @{
            Code = 'Stop-EvseCommunicator'
            Remarks = 'Closes the socket, for example to let another program use port 28376.'
        }
        @{
            Code = 'Stop-EvseCommunicator
Start-EvseCommunicator -Port 28377'
            Remarks = 'Restarts the communicator on another port.'
        }
    )
    RelatedLinks = @(
        'Start-EvseCommunicator'
        'Get-EvseCommunicator'
        'about_EmProto'
    )
}
