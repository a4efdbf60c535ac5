# Help for Get-EvseChargeSession: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the current, planned or last charge session of chargers.'
    Description = @(
        'Gets the charge session each charger reports: the running one; otherwise the planned one (reservation); otherwise the last finished one. It shows the start, duration, energy, limits (MaxDuration, MaxEnergyKWh, MaxCurrent), current, the user who started it, and Price, ChargeFee (the service fee) and FeeType as the charger reports them.'
        'The session comes from what the charger pushes (charging status, status and charge records). The request for the charging status (0x8006) is optional: some firmware ignores it. It is sent, with a short budget, only to chargers that answer it; otherwise, and when it goes unanswered, the session last pushed is returned (ReceivedAt says when). While it is not known yet whether a charger answers it (just after its first login), a session it pushed is returned at once and the request is sent in the background. A charger that never reported a session gives the error EvseSessionUnknown at once.'
        'Start and ReservedFor are moved onto this computer''s clock when the charger''s clock skew has been measured (Get-EvseSystemTime, or before a planned start); TimesCorrected says whether they were and ClockSkew is the skew applied.'
    )
    Parameters = @{
        Name = 'The names of the chargers, as Get-Evse shows them (for example Garage). Wildcards are allowed and case does not matter. A name without wildcards that matches no known charger gives the error EvseNotFound; the other chargers are still acted on.'
        Kind = 'Which sessions to return: Current (charging now), Planned (a reservation) or Last (the last finished one). By default every session that exists.'
        NoRefresh = 'Returns what is in memory (what the charger pushed) without sending the request for its charging status.'
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are allowed. Without -Serial (and without pipeline input) the cmdlet acts on every known charger that is connected or has a stored password. A serial without wildcards that matches no known charger gives the error EvseNotFound.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseChargeSession'
            Description = 'One object per charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-EvseChargeSession -Serial 9181102751219513'
            Remarks = 'Shows the session of one charger, for example the reservation made by Start-EvseCharge -StartAt.'
        }
        @{
            Code = 'Get-Evse | Get-EvseChargeSession | Format-Table Serial, State, EnergyKWh, Duration'
            Remarks = 'Shows the sessions of every charger in a table.'
        }
    )
    RelatedLinks = @(
        'Start-EvseCharge'
        'Get-EvseChargeRecord'
        'about_EmProto'
    )
}
