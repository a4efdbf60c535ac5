# Help for Find-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Finds chargers on the local network.'
    Description = @(
        'Listens for the announcements that chargers broadcast on UDP port 28376 (about every 3 seconds while no app is registered with them) and returns each charger as soon as it is heard, until -Timeout has passed. Chargers already known to the communicator that are online are returned at once. With -Probe it also broadcasts a discovery request that some firmware answers.'
        'The returned objects go straight into Connect-Evse. Find-Evse sends nothing unless -Probe is given.'
    )
    Parameters = @{
        ProbeAddress = 'Where to send the discovery probe (implies -Probe). By default the probe is broadcast on the local network; give an address to probe one host, for example 127.0.0.1 for a simulator.'
        ProbePort = @{
            Description = 'The UDP port the discovery probe is sent to. Chargers document no listening port; 7248 is what other clients use. Use the charger''s own port when you know it.'
            DefaultValue = '7248'
        }
        Timeout = @{
            Description = 'How long to listen for chargers, as a TimeSpan or a number of seconds (also by position: Find-Evse 5).'
            DefaultValue = '10 seconds'
        }
        Serial = 'Returns only the chargers whose serial matches. Wildcards are allowed. When every -Serial is an exact serial (no wildcards), Find-Evse returns as soon as each has been found; otherwise it listens until -Timeout has passed.'
        Name = 'Returns only the chargers whose name matches. Wildcards are allowed.'
        Model = 'Returns only the chargers whose model matches. Wildcards are allowed.'
        Probe = 'Also broadcasts a discovery request (a login request addressed to serial 0) that some chargers answer even while registered with an app.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'One object per charger found.'
        }
    )
    Notes = @(
        'Broadcasts do not cross routers: the charger must be on the same network segment. A charger registered with an app stops broadcasting; Get-Evse returns chargers remembered from earlier sessions.'
    )
    Examples = @(
        @{
            Code = 'Find-Evse'
            Remarks = 'Lists the chargers heard within ten seconds, each as soon as it is heard.'
        }
        @{
            Code = 'Find-Evse -Timeout 00:00:05 | Connect-Evse -Password (Read-Host -AsSecureString ''Charger PIN'')'
            Remarks = 'Finds chargers for five seconds and logs in to each with the PIN typed at the prompt.'
        }
        @{
            Code = 'Find-Evse -Serial 9181102751219513 -Probe'
            Remarks = 'Looks for one charger for ten seconds, also probing; the charger is returned as soon as it answers.'
        }
    )
    RelatedLinks = @(
        'Get-Evse'
        'Connect-Evse'
        'about_EmProto'
    )
}
