# Help for Start-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts simulated EVSEMaster chargers in this PowerShell process.'
    Description = @(
        'Starts one or more simulated chargers that speak the EM protocol over the loopback network (127.0.0.1). They announce themselves, accept logins with their password, answer the commands their firmware answers, charge a virtual car and keep charge records, so that Find-Evse, Connect-Evse and every other EmProto cmdlet work against them exactly as against real chargers.'
        'Real chargers differ by firmware: some ignore optional requests such as 0x8006 (request charging status), answer in other payload forms, or report finished sessions differently. -Firmware makes the simulated chargers behave like one such firmware (Full, the default, answers everything), so that scripts meet the same silences as on a real charger; -IgnoreCommand and -DuplicateReplies add more.'
        'Use the simulator to learn the module and to test your own scripts without a charger. Fault ratios make the simulated network lose, duplicate or delay datagrams; -Seed makes such a run reproducible. The simulated chargers run until Stop-EvseSimulator, until the module is removed, or, with -Wait, until -Duration has passed.'
    )
    Parameters = @{
        ChargingStatusForm = 'Charging status payload length the simulator sends: 74 or 80 bytes. By default the -Firmware profile decides (Full and Telestar 74, BS20 80); this parameter overrides it.'
        Firmware = @{
            Description = 'The firmware the simulated chargers behave like. Full answers every request (status 25 bytes, 33 with three phases; charging status 74; version 37; name 32; finished sessions as 0x000A records). Telestar (like the Telestar EC311S) silently ignores 0x8005, 0x8006, 0x800D, brightness (0x8162) and the weekly schedule (0x810E), pushes the charging status (5) with every status push while a session is charging or planned and once after a login, sends the 25-byte status, and reports finished sessions as record 9 (acknowledged with 0x8009). BS20 (Besen BS20) sends the 40-byte status, 80-byte charging status, 36-byte version and 16-byte name, answers 0x8006 with 6 and 0x800D with 0x000D, and resends 0x000A records until 0x800A acknowledges them. Explicit -StatusForm, -ChargingStatusForm, -VersionForm and -NameForm override the profile''s forms.'
            DefaultValue = 'Full'
        }
        IgnoreCommand = 'App-to-charger requests the simulated chargers silently ignore (no answer, no effect), on top of those the -Firmware profile ignores. Give names such as RequestChargingStatus or numbers such as 0x8006 or 32774; commands the charger sends (below 0x8000) are refused.'
        DuplicateReplies = 'Sends every reply to a request twice, as some firmware does; pushes (status, Headings, records) are sent once.'
        StatusInterval = @{
            Description = 'The interval of status pushes (command 4) while an app is registered, as a TimeSpan or a number of seconds. Real chargers push every 2 to 31 seconds.'
            DefaultValue = '15 seconds'
        }
        NameForm = 'Width of the name field in the simulator''s name replies: 16 or 32 bytes. By default the -Firmware profile decides (BS20 16, others 32).'
        ClockOffset = 'How far the simulated charger''s clock is off, in seconds or as a TimeSpan; negative means behind.'
        CoalesceRatio = 'Probability (0 to 1) that two datagrams go out in one UDP packet.'
        CorruptRatio = 'Probability (0 to 1) that a packet to the app has a byte changed.'
        GarbageRatio = 'Probability (0 to 1) that a packet to the app is followed by random bytes.'
        LoginForm = 'Login payload length the simulator sends: 70, 118, 119 or 151 bytes (firmware variants).'
        LoginInterval = 'The interval of Login announcements while no app is registered (default 3 seconds).'
        Name = 'The name the simulated charger reports.'
        ReorderRatio = 'Probability (0 to 1) that a packet to the app is delayed behind the next one.'
        StatusAsRecord = 'Sends status pushes as command 13 (StatusRecord) instead of 4.'
        StatusForm = 'Status payload length: 25, 33 or 40 bytes. By default the -Firmware profile decides (Full 25 for one phase and 33 for three, Telestar 25, BS20 40).'
        VersionForm = 'Version payload length: 36 or 37 bytes. By default the -Firmware profile decides (BS20 36, others 37).'
        LocalPort = 'The UDP port each simulated charger sends from, on 127.0.0.1; with -Count the chargers take consecutive ports from it. 0, the default, picks a free port for each. A port that is taken gives the error EvseSimulatorStartFailed for that charger.'
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
        AppEndPoint = @{
            Description = 'The UDP endpoint (address:port on the loopback network) the simulated charger announces itself to and sends to. It must be a loopback address. By default the simulated chargers send to the communicator running in this PowerShell process (whatever port it uses); when none runs, to 127.0.0.1 and the port a communicator would use when started now: EMPROTO_PORT if set, else 28376.'
            DefaultValue = 'the running communicator, else 127.0.0.1:EMPROTO_PORT, else 127.0.0.1:28376'
        }
        PluggedIn = 'Starts the simulated charger with a car plugged in, so charging can start at once.'
        TimeZone = 'The time zone of the simulated charger''s wall clock (an id such as Europe/Amsterdam). The default is UTC.'
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
            Title = 'A Telestar-like charger that never answers optional requests'
            Code = 'Start-EvseSimulator -Firmware Telestar -PluggedIn -PassThru
Find-Evse -Timeout 5 | Connect-Evse -PlainTextPassword 123456
Get-Evse | Start-EvseCharge -MaxCurrent 16'
            Remarks = 'The simulated charger ignores 0x8005, 0x8006, 0x800D, brightness and the weekly schedule, pushes the charging status with every status during the session, and reports the finished session as record 9. A script that works here does not wait on optional commands.'
        }
        @{
            Title = 'A BS20-like charger'
            Code = 'Start-EvseSimulator -Firmware BS20 -Phases 3 -MaxAmps 32 -Name Carport -PassThru'
            Remarks = 'Starts a three-phase simulated charger that sends the 40-byte status, the 80-byte charging status, the 36-byte version and a 16-byte name, answers 0x8006 and 0x800D, and resends 0x000A records until they are acknowledged.'
        }
        @{
            Title = 'Full firmware with extra silences and doubled replies'
            Code = 'Start-EvseSimulator -Firmware Full -IgnoreCommand RequestChargingStatus, 0x8107 -DuplicateReplies -StatusInterval 2 -PassThru'
            Remarks = 'Starts a simulated charger that answers everything except 0x8006 and 0x8107 (output current), sends every reply twice and pushes its status every 2 seconds.'
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
