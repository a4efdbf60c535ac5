using System;
using System.Collections.Generic;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using EmProto.PowerShell.Completion;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Subscribes to charger events (state changes, charging started/stopped, errors, online/offline, ...).
    /// Built on ObjectEventRegistrationBase: -Action, -SourceIdentifier, -MessageData, -MaxTriggerCount,
    /// -Forward, Get-Event, Wait-Event and Unregister-Event all work.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "EvseEvent", DefaultParameterSetName = "Serial")]
    [OutputType(typeof(PSEventJob))]
    public sealed class RegisterEvseEventCommand : ObjectEventRegistrationBase
    {
        private readonly List<string> _serials = new List<string>();
        private readonly List<string> _patterns = new List<string>();
        private IDisposable? _source;

        /// <summary>Chargers whose events to deliver (default all).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = "InputObject")]
        [Alias("Evse")]
        [ValidateNotNull]
        public EvseCharger[]? InputObject { get; set; }

        /// <summary>Serials of the chargers whose events to deliver (wildcards allowed; default all).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = "Serial")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EvseSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <summary>Names of the chargers whose events to deliver (wildcards allowed; the name when the event happens).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>The event to subscribe to (default Changed).</summary>
        [Parameter(Position = 0)]
        public EvseEventName EventName { get; set; } = EvseEventName.Changed;

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var o in InputObject) _serials.Add(o.Serial);
            }
            if (Serial != null)
            {
                foreach (var s in Serial)
                {
                    if (WildcardFilter.HasWildcards(s)) _patterns.Add(s);
                    else _serials.Add(s);
                }
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            bool filtered = _serials.Count > 0 || _patterns.Count > 0;
            _source = (IDisposable?)AttachToAgent(filtered) ?? new EvseEventSource(CommunicatorHolder.GetOrStart(), EventName, filtered ? _serials : null, filtered ? _patterns : null, Name);
            try
            {
                base.EndProcessing();
            }
            catch
            {
                _source.Dispose();
                throw;
            }
            PSEventSubscriber? subscriber = null;
            foreach (var candidate in Events.Subscribers)
            {
                if (ReferenceEquals(candidate.SourceObject, _source)) subscriber = candidate;
            }
            if (subscriber == null)
            {
                _source.Dispose();
                return;
            }
            var source = _source;
            subscriber.Unsubscribed += (s, e) => source.Dispose();
        }

        /// <summary>When the user's agent serves this session: a subscription to its events; else null.</summary>
        private AgentEventSource? AttachToAgent(bool filtered)
        {
            Agent.AgentConnection? connection;
            try
            {
                connection = Agent.AgentClient.TryAttach();
            }
            catch (Engine.EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, null));
                return null;
            }
            if (connection == null) return null;
            try
            {
                return new AgentEventSource(connection, EventName, filtered ? _serials : null, filtered ? _patterns : null, Name);
            }
            catch (System.IO.IOException)
            {
                // The agent went away as we subscribed: this session's own communicator serves the subscription.
                connection.Dispose();
                return null;
            }
        }

        /// <inheritdoc/>
        protected override object GetSourceObject() => _source ?? throw new InvalidOperationException("The event source is created in EndProcessing.");

        /// <inheritdoc/>
        protected override string GetSourceObjectEventName() => nameof(EvseEventSource.EvseEvent);
    }
}
