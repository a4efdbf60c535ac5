# Help for Start-EvseCommunicator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts the communicator: the UDP socket that talks to every charger.'
    Description = @(
        'Starts the communicator of this process with explicit settings. Every other cmdlet starts it by itself on first use with the default settings, so this cmdlet is only needed to change them: the local address and port, the store file, when a silent charger counts as offline, and the retries and timeout of commands. There is one communicator per process, shared by all runspaces; if port 28376 is in use by another process, the error EvsePortInUse names the port.'
        'Defaults: port 28376 (or the EMPROTO_PORT environment variable), every local address (or EMPROTO_LOCAL_ADDRESS), the store file ~/.config/emproto/evses.json on Linux and macOS or %APPDATA%\EmProto\evses.json on Windows (or EMPROTO_STORE_PATH), offline after 11 seconds of silence, a request timeout of 1.5 seconds with 4 retries, and a wear-guard interval of 60 seconds. Parameters override the environment variables. Invalid values give the terminating error EvseInvalidCommunicatorOption.'
        'The store path is checked when given: an existing folder, or a path below a file, is the terminating error EvseInvalidStorePath (a folder that does not exist yet is created at the first save). When the store cannot be read, written or locked later, the cmdlet running at that moment writes one non-terminating error, EvseStoreUnreadable, EvseStoreWriteFailed (category WriteError) or EvseStoreLocked (ResourceBusy), with the path as its target; that cmdlet''s own work (a login, say) still succeeds. An unreadable file is left untouched for the whole session (chargers and passwords are kept in memory only); a locked or unwritable one is tried again at the next save, so nothing is lost once it can be written, and the same failure is reported once while it lasts.'
        'After Stop-EvseCommunicator, the next EmProto command starts the communicator again with the settings of the one stopped (the same local address, port and store), not the defaults; removing the module forgets them.'
    )
    Parameters = @{
        Force = 'Replaces a communicator that is already running (it is stopped first). Without -Force, starting a second one is an error (EvseCommunicatorRunning).'
        NoBroadcast = 'Neither sends nor receives broadcasts (for chargers reached by address only).'
        NoStore = 'Keeps the known chargers in memory only: no file is read or written.'
        PinAddresses = 'Ignores datagrams for a known charger that come from another address than the one it was learned from, for every charger.'
        WearGuardInterval = 'The minimum interval between starts and stops of one charger (a TimeSpan or a number of seconds). Start-EvseCharge and Stop-EvseCharge refuse to act sooner unless -Force is given. The default is 60 seconds.'
        LocalAddress = @{
            Description = 'The local IP address to bind to, to choose the network interface.'
            DefaultValue = '0.0.0.0 (every interface), or EMPROTO_LOCAL_ADDRESS'
        }
        Port = @{
            Description = 'The local UDP port. Chargers send to port 28376: change it only for tests and simulators. 0 picks any free port.'
            DefaultValue = '28376, or EMPROTO_PORT'
        }
        StorePath = @{
            Description = 'The file where known chargers and their passwords are kept (a file, not a folder: EvseInvalidStorePath otherwise). By default ~/.config/emproto/evses.json ($XDG_CONFIG_HOME/emproto/evses.json when XDG_CONFIG_HOME is set) on Linux and macOS, %APPDATA%\EmProto\evses.json on Windows, or the path in EMPROTO_STORE_PATH.'
            DefaultValue = '~/.config/emproto/evses.json (Windows: %APPDATA%\EmProto\evses.json), or EMPROTO_STORE_PATH'
        }
        OfflineAfter = @{
            Description = 'How long a charger may be silent before it counts as offline (a TimeSpan or a number of seconds).'
            DefaultValue = '11 seconds'
        }
        RetryCount = @{
            Description = 'How many times a command is sent again when no reply comes (0 to 20); the default 4 means five tries in all.'
            DefaultValue = '4'
        }
        Timeout = @{
            Description = 'How long to wait for the reply to each attempt of a command (a TimeSpan or a number of seconds; above 0 and at most 1 minute).'
            DefaultValue = '1.5 seconds'
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
            Code = 'Start-EvseCommunicator -StorePath ./test-store.json -RetryCount 6 -Timeout 00:00:03 -Force'
            Remarks = 'Uses a separate store and more patient retries (seven tries of 3 seconds each), for example in tests; -Force replaces a communicator that is already running.'
        }
    )
    RelatedLinks = @(
        'Stop-EvseCommunicator'
        'Get-EvseCommunicator'
        'about_EmProto'
    )
}
