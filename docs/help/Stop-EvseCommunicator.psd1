# Help for Stop-EvseCommunicator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Stops the communicator and ends every charger session.'
    Description = @(
        'Ends every charger session and closes the communicator''s socket, freeing port 28376. The known chargers are saved first; when the store cannot be written, one non-terminating error EvseStoreWriteFailed says so (unless it was reported already). The next EmProto command starts the communicator again with the same settings as the one stopped (local address, port and store), so a loopback address or a test store is not lost; Start-EvseCommunicator -Force chooses others. Removing the module stops it too and forgets the settings.'
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
