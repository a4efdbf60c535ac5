# Help for Connect-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Logs in to a charger and keeps the session alive.'
    Description = @(
        'Logs in to a charger with its 6-digit password and keeps the session alive in the background: the charger then pushes its state, and commands can be sent. On success the charger and its password are remembered, so later scripts need no password. A wrong password gives the error EvseAuthenticationFailed; a charger that does not answer gives EvseCommandTimeout. The login is the handshake (RequestLogin, LoginResponse, LoginConfirm): Connect-Evse returns as soon as the charger accepted the password, and the versions, the configuration (the name Get-Evse -Name finds) and the charging status are read in the background, so a firmware that ignores an optional request never delays or fails the connect. Several chargers given at once (pipeline or several serials) log in concurrently. A password given here is on disk when the cmdlet returns; -Verbose shows which optional requests the firmware answers.'
        'Connect-Evse also ends a Disconnect-Evse (automatic logins resume) and retries a charger whose stored password was refused (state AuthenticationFailed).'
        'Without a password parameter the stored password of the charger is used; a charger with no stored password gives the error EvsePasswordRequired. Giving more than one of -Password, -Credential and -PlainTextPassword is the error EvseAmbiguousPassword.'
        'Give the charger from the pipeline (Find-Evse, Get-Evse), by -Serial, or by -Serial and -IPAddress when it is not heard by broadcast (another network segment, or an app registered with it). With -IPAddress and no -Serial, Connect-Evse sends a discovery probe to that address and logs in to the charger that answers.'
        'Under -WhatIf nothing is sent: no probe, no login.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        Pin = 'Ignore datagrams that claim to come from this charger but arrive from another address (protection against impersonation on the local network). Remembered with the charger.'
        TimeZone = 'The time zone the charger''s clock runs in, as a time zone id (for example Europe/Berlin, or W. Europe Standard Time on Windows). Planned starts and clock times are interpreted in it. Remembered with the charger; by default the zone of this computer. An unknown id gives the error EvseInvalidTimeZone.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. A serial that matches no known charger gives the error EvseNotFound; with -IPAddress the charger is added at that address first.'
        IPAddress = 'The IP address of the charger, for a charger that cannot be found by broadcast.'
        Port = 'With -IPAddress: the UDP port of the charger. By default the port the charger last sent from, when it is known at that address; otherwise 28376.'
        Password = 'The 6-digit password of the charger (the PIN set in the EVSEMaster app), as a SecureString. Without any password parameter the stored password is used.'
        Credential = 'The password of the charger as the password of a PSCredential; the user name is ignored.'
        PlainTextPassword = 'The 6-digit password of the charger as plain text, for scripts that already hold it in clear. Prefer -Password or -Credential.'
        Timeout = @{
            Description = 'The longest time to wait for the charger to answer the login (a TimeSpan or a number of seconds). Running out gives EvseCommandTimeout.'
            DefaultValue = 'no extra limit: the communicator''s request timeout and retries (five tries of 1.5 seconds by default)'
        }
        PassThru = 'Returns the charger object when the command has been done. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'With -PassThru: the connected charger.'
        }
    )
    Notes = @(
        'The password travels in clear on the local network (the protocol has no encryption). It never appears in EmProto''s output, verbose, debug or error messages.'
    )
    Examples = @(
        @{
            Code = 'Find-Evse | Connect-Evse -Password (Read-Host -AsSecureString ''Charger PIN'')'
            Remarks = 'Connects to every charger found, with the PIN typed at the prompt. The password is remembered for later sessions.'
        }
        @{
            Code = 'Connect-Evse -Serial 9181102751219513 -IPAddress 192.168.1.50 -Credential (Get-Credential -UserName evse) -PassThru'
            Remarks = 'Connects to a charger by address, for a charger on another network segment.'
        }
        @{
            Code = 'Get-Evse -Serial 9181102751219513 | Connect-Evse -PlainTextPassword $env:EVSE_PIN'
            Remarks = 'Connects from a script that reads the PIN from an environment variable.'
        }
    )
    RelatedLinks = @(
        'Disconnect-Evse'
        'Get-Evse'
        'Remove-Evse'
        'about_EmProto'
    )
}
