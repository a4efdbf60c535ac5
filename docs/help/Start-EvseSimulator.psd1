# Help for Start-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts simulated EVSEMaster chargers in this PowerShell process.'
    Description = @(
        'Starts one or more simulated chargers that speak the EM protocol over the loopback network (127.0.0.1). They announce themselves, accept logins with their password, answer every command, charge a virtual car and keep charge records, so that Find-Evse, Connect-Evse and every other EmProto cmdlet work against them exactly as against real chargers.'
        'Use the simulator to learn the module and to test your own scripts without a charger. Fault ratios make the simulated network lose, duplicate or delay datagrams; -Seed makes such a run reproducible. The simulated chargers run until Stop-EvseSimulator, until the module is removed, or, with -Wait, until -Duration has passed.'
    )
    Parameters = @{
        ChargingStatusForm = 'Charging status payload length the simulator sends: 74 or 80 bytes (firmware variants).'
        ClockOffset = 'How far the simulated charger''s clock is off, in seconds or as a TimeSpan; negative means behind.'
        CoalesceRatio = 'Probability (0 to 1) that two datagrams go out in one UDP packet.'
        CorruptRatio = 'Probability (0 to 1) that a packet to the app has a byte changed.'
        GarbageRatio = 'Probability (0 to 1) that a packet to the app is followed by random bytes.'
        LoginForm = 'Login payload length the simulator sends: 70, 118, 119 or 151 bytes (firmware variants).'
        LoginInterval = 'The interval of Login announcements while no app is registered (default 3 seconds).'
        Name = 'The name the simulated charger reports.'
        ReorderRatio = 'Probability (0 to 1) that a packet to the app is delayed behind the next one.'
        StatusAsRecord = 'Sends status pushes as command 13 (StatusRecord) instead of 4.'
        StatusForm = 'Status payload length: 25, 33 or 40 bytes (default 25 for one phase, 33 for three).'
        VersionForm = 'Version payload length: 36 or 37 bytes.'
        Count = @{
            Description = 'The number of simulated chargers to start. Each gets its own serial and UDP port on 127.0.0.1.'
            DefaultValue = '1'
        }
        Serial = 'The serial of the simulated charger (16 hexadecimal digits). With -Count greater than 1, the following chargers get the next serials. By default the first free run of serials from 5e5e000000000001 is used.'
        Password = @{
            Description = 'The 6-digit password the simulated charger accepts.'
            DefaultValue = '123456'
        }
        Phases = @{
            Description = 'The number of phases of the simulated charger: 1 or 3.'
            DefaultValue = '1'
        }
        MaxAmps = @{
            Description = 'The maximum current per phase of the simulated charger, in amperes (6 to 32).'
            DefaultValue = '16'
        }
        AppEndPoint = 'The UDP endpoint (address:port on the loopback network) the simulated charger announces itself to and sends to. It must be a loopback address. The default is 127.0.0.1:28376, where a communicator with default settings listens.'
        PluggedIn = 'Starts the simulated charger with a car plugged in, so charging can start at once.'
        TimeZone = 'The time zone of the simulated charger''s wall clock. The default is the local time zone of this computer.'
        LossRatio = @{
            Description = 'The fraction (0 to 1) of datagrams the simulated network loses, to test retries.'
            DefaultValue = '0'
        }
        DuplicateRatio = @{
            Description = 'The fraction (0 to 1) of datagrams the simulated network delivers twice.'
            DefaultValue = '0'
        }
        Seed = 'The seed of the random generator behind serials and fault ratios: the same seed gives the same run.'
        PassThru = 'Returns the simulator object when the command has been done. By default this cmdlet returns no output.'
        Wait = 'Keeps the command running, serving the simulated chargers, until -Duration has passed or you press Ctrl+C; then stops them.'
        Duration = 'How long to keep the simulated chargers running (a TimeSpan or a number of seconds); implies -Wait.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Simulator.SimulatedEvse'
            Description = 'With -PassThru: one object per simulated charger (serial, endpoint, state).'
        }
    )
    Notes = @(
        'Simulated chargers only use 127.0.0.1; they never send to the network.'
    )
    Examples = @(
        @{
            Title = 'Start a simulated charger with a car plugged in'
            Code = '$sim = Start-EvseSimulator -Password 123456 -PluggedIn -PassThru
Find-Evse -Timeout 5 | Connect-Evse -PlainTextPassword 123456
Get-Evse | Start-EvseCharge -MaxCurrent 16'
            Remarks = 'Starts one simulated charger, finds it, connects to it and starts charging the virtual car.'
        }
        @{
            Title = 'A small, unreliable fleet for testing retries'
            Code = 'Start-EvseSimulator -Count 5 -Phases 3 -LossRatio 0.1 -Seed 42 -PassThru'
            Remarks = 'Starts five three-phase simulated chargers behind a network that loses one datagram in ten, the same way on every run.'
        }
        @{
            Title = 'Serve simulated chargers for another process'
            Code = 'Start-EvseSimulator -Count 2 -Wait -Duration 00:10:00'
            Remarks = 'Runs two simulated chargers for ten minutes, then stops them. Ctrl+C stops them earlier.'
        }
    )
    RelatedLinks = @(
        'Get-EvseSimulator'
        'Set-EvseSimulator'
        'Stop-EvseSimulator'
        'about_EmProto'
    )
}
