# Help for ConvertFrom-EvseDatagram: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Decodes EM protocol datagrams from hexadecimal text or bytes.'
    Description = @(
        'Decodes one or more datagrams of the EM protocol (the UDP protocol of EVSEMaster-family chargers) into objects that show the envelope (serial, command, length) and every field of the payload with its meaning. Spaces, dashes and colons in hexadecimal text are ignored, so text copied from a packet capture can be pasted as is. The lines of the debug stream of another EmProto cmdlet are accepted as they are too: "-> 127.0.0.1:28376 SetAndGetNickName 0601...", with or without a leading "DEBUG: "; their direction, address and command name are skipped, and a password masked as twelve * is read as masked (HasPassword is true; the checksum is taken as right, since the real password cannot be known).'
        'Status (4, 13), charging status (5, 6) and charge record (9, 10) datagrams decode into the same objects that Get-EvseState, Get-EvseChargeSession and Get-EvseChargeRecord return (EvseState, EvseChargeSession, EvseChargeRecord), with the same property names and units (kW, kWh, degrees Celsius, TimeSpan), so scripts and views work on both. A dump carries no measured clock skew: times are shown as the charger''s clock says them (TimesCorrected is False), and ReceivedAt is the time of decoding.'
        'A packet may hold several datagrams back to back; each becomes one object. A datagram that cannot be decoded (bad header, length, checksum or tail, or a payload too short for its command) gives an error record that says why, and decoding continues with the next input. Passwords in app-to-charger datagrams are shown masked.'
    )
    Parameters = @{
        Hex = 'The datagram as hexadecimal text, or a line of the debug stream of an EmProto cmdlet (direction, address, command name and hex; the password may be masked with *). Spaces, dashes and colons are ignored. Accepts pipeline input.'
        Bytes = 'The datagram as a byte array, for example from [IO.File]::ReadAllBytes or a UdpClient.'
        TimeZone = 'The time zone of the charger, used to show the EM timestamps of the datagram (charge start, clock) as the charger''s wall-clock time. The default is the local time zone of this computer.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.DecodedDatagram'
            Description = 'One object per decoded datagram: Serial, Command, CommandName, Length and the decoded Payload (an EvseState, EvseChargeSession or EvseChargeRecord for status, session and record datagrams).'
        }
    )
    Notes = @(
        'The protocol is described in the project''s docs. Unknown commands and unknown enumeration values are kept as numbers, never rejected.'
    )
    Examples = @(
        @{
            Title = 'Decode a status datagram captured from a charger'
            Code = '''0601003200 9181102751219513 ffffffffffff 0004 01092e00000000000000024081589258920102020d00000000 0b7b0f02'' | ConvertFrom-EvseDatagram'
            Remarks = 'Decodes a SingleACStatus datagram into an EvseState: 235.0 V, EnergyMeterKWh 1475.85, InnerTemperatureC 26.74, CurrentState ReadyToCharge (13), State PluggedIn.'
        }
        @{
            Title = 'Turn captured charge records into a cost report'
            Code = 'Get-Content records.hex | ConvertFrom-EvseDatagram | Where-Object CommandName -like ''*ChargeRecord'' |
    ForEach-Object Payload | Select-Object ChargeId, Start, Stop, EnergyKWh, Price, ChargeFee, FeeType, StopReason, PowerSamples |
    Export-Csv records.csv'
            Remarks = 'Each record carries price, service fee (ChargeFee), fee type, the limits it ran with and the stop reason; PowerSamples is the power samples as one text field ("0 1200 7300") that fits a CSV cell.'
        }
        @{
            Title = 'Decode datagrams saved as bytes'
            Code = '[IO.File]::ReadAllBytes(''packet.bin'') | ConvertFrom-EvseDatagram -TimeZone (Get-TimeZone -Id ''Europe/Paris'')'
            Remarks = 'Decodes every datagram in a raw UDP payload saved to a file, showing timestamps in the charger''s time zone (Paris).'
        }
        @{
            Title = 'Decode the debug output of another cmdlet'
            Code = '$DebugPreference = ''Continue''
Get-Evse -Name Garage | Get-EvseSystemTime 5>&1 |
    Where-Object { $_ -is [System.Management.Automation.DebugRecord] } |
    ForEach-Object Message | ConvertFrom-EvseDatagram
$DebugPreference = ''SilentlyContinue'''
            Remarks = 'Turns the datagram lines of the debug stream (password masked) back into readable objects: the request and the reply of the clock read. Lines copied from the console work too: ''-> 127.0.0.1:28376 SetAndGetSystemTime 0601001e00...'' | ConvertFrom-EvseDatagram.'
        }
    )
    RelatedLinks = @(
        'about_EmProto'
    )
}
