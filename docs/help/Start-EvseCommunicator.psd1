# Help for Start-EvseCommunicator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts the communicator: the UDP socket that talks to every charger.'
    Description = @(
        'Starts the communicator of this process with explicit settings. Every other cmdlet starts it by itself on first use with the default settings, so this cmdlet is only needed to change them: the local address and port, the store file, when a silent charger counts as offline, and the retries and timeout of commands. There is one communicator per process, shared by all runspaces; if port 28376 is in use by another process, an error names the port.'
    )
    Parameters = @{
        Force = 'Replaces a communicator that is already running (it is stopped first). Without -Force, starting a second one is an error.'
        NoBroadcast = 'Neither sends nor receives broadcasts (for chargers reached by address only).'
        NoStore = 'Keeps the known chargers in memory only: no file is read or written.'
        PinAddresses = 'Ignores datagrams for a known charger that come from another address than the one it was learned from, for every charger.'
        WearGuardInterval = 'The minimum interval between starts and stops of one charger (a TimeSpan or a number of seconds). Start-EvseCharge and Stop-EvseCharge refuse to act sooner unless -Force is given.'
        LocalAddress = @{
            Description = 'The local IP address to bind to, to choose the network interface.'
            DefaultValue = '0.0.0.0 (every interface)'
        }
        Port = @{
            Description = 'The local UDP port. Chargers send to port 28376: change it only for tests and simulators.'
            DefaultValue = '28376'
        }
        StorePath = 'The file where known chargers and their passwords are kept. By default a file in the user profile.'
        OfflineAfter = @{
            Description = 'How long a charger may be silent before it counts as offline.'
            DefaultValue = '11 seconds'
        }
        RetryCount = @{
            Description = 'How many times a command is sent again when no reply comes.'
            DefaultValue = '2'
        }
        Timeout = @{
            Description = 'How long to wait for the reply to each attempt of a command.'
            DefaultValue = '5 seconds'
        }
        PassThru = 'Returns the communicator object when the command has been done. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCommunicatorStatus'
            Description = 'With -PassThru: the communicator.'
        }
    )
    Examples = @(
        @{
            Code = 'Start-EvseCommunicator -LocalAddress 192.168.1.10 -PassThru'
            Remarks = 'Binds to one network interface only.'
        }
        @{
            Code = 'Start-EvseCommunicator -StorePath ./test-store.json -RetryCount 4 -Timeout 00:00:03'
            Remarks = 'Uses a separate store and more patient retries, for example in tests.'
        }
    )
    RelatedLinks = @(
        'Stop-EvseCommunicator'
        'Get-EvseCommunicator'
        'about_EmProto'
    )
}
