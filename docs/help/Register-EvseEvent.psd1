# Help for Register-EvseEvent: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Subscribes to charger events: added, changed, charging started and stopped, errors.'
    Description = @(
        'Subscribes to events of the chargers (all of them, or those given) so that scripts react when something happens: a charger is found, its state changes, charging starts or stops, a fault appears, it goes online or offline. Like Register-ObjectEvent, it runs an -Action or queues the events for Wait-Event and Get-Event; Unregister-Event ends the subscription. $Event.SourceEventArgs holds the charger and the old and new values.'
    )
    Parameters = @{
        Name = 'The names of the chargers whose events are delivered (wildcards allowed, case does not matter), matched against the charger''s name when the event happens.'
        InputObject = 'Subscribes to events of these chargers only (from Get-Evse). Accepts pipeline input.'
        Serial = 'Subscribes to events of the chargers with these serials only.'
        EventName = 'The event: Added, Changed, Removed, StateChanged, ChargingStarted, ChargingStopped, Error, Online, Offline or FirmwareChanged (the charger reports another software version at a login, after a firmware update; OldValue and NewValue are the versions, the message says what happens next).'
        SourceIdentifier = 'A name for the subscription, for Wait-Event, Get-Event and Unregister-Event. By default a GUID.'
        Action = 'A script block to run for each event. $Event, $EventArgs and $Sender are set. Without it, the events are queued for Wait-Event and Get-Event.'
        MessageData = 'Extra data for the action, available as $Event.MessageData.'
        MaxTriggerCount = 'Ends the subscription after this many events.'
        Forward = 'Sends the events to the session that started this one (remoting).'
        SupportEvent = 'Hides the subscription from Get-EventSubscriber (for modules that build on it).'
    }
    Outputs = @(
        @{
            Type = 'System.Management.Automation.PSEventJob'
            Description = 'With -Action: the job that runs the action.'
        }
    )
    Examples = @(
        @{
            Code = 'Register-EvseEvent -EventName ChargingStopped -Action {
    $e = $Event.SourceEventArgs
    "$($e.Evse.Name) finished: $($e.NewValue.EnergyKWh) kWh" | Out-File -Append ~/charging.log
}'
            Remarks = 'Logs every finished charge to a file.'
        }
        @{
            Code = 'Register-EvseEvent -EventName Error -SourceIdentifier evse.error
Wait-Event -SourceIdentifier evse.error'
            Remarks = 'Blocks until a charger reports a fault.'
        }
    )
    RelatedLinks = @(
        'Wait-Evse'
        'Get-Evse'
        'about_EmProto'
    )
}
