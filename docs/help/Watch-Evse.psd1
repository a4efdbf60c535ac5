# Help for Watch-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Shows chargers live in the console, redrawn as they report.'
    Description = @(
        'Shows a live view of chargers in the console: a header with the time, then for each charger its name and serial, its state, the power it draws with a sparkline of the last minutes (one bar per 10 seconds), the energy of the session charging now, the current per phase (L1, L2 and L3 on three-phase chargers) and any errors it reports. The view is redrawn when the chargers push a new status (coalesced to at most four redraws a second), and every second for the clock and the ages. It fits an 80-column window; in a wider window the sparkline grows and covers more minutes. When the window is too short for every charger, the last line says how many are left out.'
        'Watch-Evse only listens: it never sends a request, never polls and never logs in, so it needs no password and shows nothing that needs one. A charger that is not logged in (see Connect-Evse) is shown as "not logged in", an offline charger as "offline"; both with the time their last datagram arrived.'
        'Without -Name, -Serial or pipeline input, Watch-Evse shows every known charger, and chargers found while it runs (for example by Find-Evse in another runspace) join the view. The view ends with Ctrl+C, or after -Duration.'
        'When the output does not go to a console (redirected to a file or a pipe, piped to another command, a host without a raw console, a host that does not pass escape sequences (Windows PowerShell 5.1), $PSStyle.OutputRendering set to PlainText, or debug messages shown with -Debug or $DebugPreference) and with -Plain, Watch-Evse writes plain text instead: one line per charger at the start, then one time-stamped line each time what a charger shows changes; no cursor movement, no colours. The lines are strings on the output, so they can be piped to Out-File or Tee-Object. Inside PowerShell, "Watch-Evse > file" still draws in the console: use -Plain, or pipe to Out-File, for a log.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial, -Name and pipeline input, every known charger is shown, and chargers found while watching are added. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
        Name = 'The names of the chargers (as set with Set-EvseConfig -Name or the phone app). Wildcards are allowed. A name without wildcards that matches no known charger gives the error EvseNotFound.'
        Duration = @{
            Description = 'How long to watch: a TimeSpan or a number of seconds. 0 shows the chargers once and returns.'
            DefaultValue = 'until Ctrl+C'
        }
        Plain = 'Writes plain time-stamped lines, one per change, even in a console: for logs and transcripts.'
    }
    Outputs = @(
        @{
            Type = 'System.String'
            Description = 'In plain mode only: one time-stamped line per change of a charger ("2025-06-01 14:03:22  Garage 9181102751219513  Charging  7.36 kW  3.45 kWh  L1 16.0 A"). The live view writes to the console and outputs nothing.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Name Garage | Watch-Evse'
            Remarks = 'Watches the Garage charger live until Ctrl+C: its state, power with a sparkline, the energy of the session and the current per phase.'
        }
        @{
            Code = 'Watch-Evse'
            Remarks = 'Watches every known charger, and any found while watching.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Start-EvseCharge -MaxCurrent 16 -Confirm:$false
Watch-Evse -Name Garage -Duration 00:05:00'
            Remarks = 'Starts a charge, then watches it for five minutes.'
        }
        @{
            Code = 'Watch-Evse -Serial 9181* -Plain | Tee-Object -FilePath ~/charger.log -Append'
            Remarks = 'Writes one time-stamped line per change to the console and to a log file, until Ctrl+C.'
        }
    )
    RelatedLinks = @(
        'Get-EvseState'
        'Register-EvseEvent'
        'Wait-Evse'
        'about_EmProto'
    )
}
