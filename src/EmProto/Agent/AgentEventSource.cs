using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Agent;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The source object of a Register-EvseEvent subscription when the user's agent serves the session: the agent
    /// filters its communicator's events as <see cref="EvseEventSource"/> does and sends each one over a connection
    /// of its own, which a background thread reads and raises here. If the agent goes away, the subscription follows
    /// the session: to a restarted agent when one answers within a few seconds, else to the session's own
    /// communicator. Disposed when the subscriber is removed, which closes the connection.
    /// </summary>
    public sealed class AgentEventSource : IDisposable
    {
        /// <summary>How long a lost subscription looks for a restarted agent before it moves to the session's own communicator.</summary>
        private static readonly TimeSpan RestartWait = TimeSpan.FromSeconds(10);

        private readonly IEnumerable<string>? _serials, _patterns, _names;
        private readonly object _gate = new object();
        private AgentConnection? _connection;
        private EvseEventSource? _local;
        private int _disposed;

        internal AgentEventSource(AgentConnection connection, EvseEventName eventName, IEnumerable<string>? serials, IEnumerable<string>? patterns, IEnumerable<string>? names)
        {
            EventName = eventName;
            _serials = serials == null ? null : new List<string>(serials);
            _patterns = patterns == null ? null : new List<string>(patterns);
            _names = names == null ? null : new List<string>(names);
            Subscribe(connection);
            _connection = connection;
            var reader = new Thread(Read) { IsBackground = true, Name = "EmProto agent events" };
            reader.Start();
        }

        /// <summary>Raised for each matching event (on this subscription's reader thread, or the communicator's event thread).</summary>
        public event EventHandler<EvseChargerEventArgs>? EvseEvent;

        /// <summary>The event subscribed to.</summary>
        public EvseEventName EventName { get; }

        /// <summary>Where the events come from now: Agent, InProcess (the agent went away), or Ended.</summary>
        public string Via { get; private set; } = "Agent";

        private void Subscribe(AgentConnection connection)
        {
            var request = new Hashtable
            {
                ["EventName"] = EventName.ToString(),
                ["Serials"] = _serials == null ? null : new List<string>(_serials).ToArray(),
                ["Patterns"] = _patterns == null ? null : new List<string>(_patterns).ToArray(),
                ["Names"] = _names == null ? null : new List<string>(_names).ToArray(),
            };
            AgentClient.SendFirst(connection, FrameKind.Subscribe, AgentSerializer.Serialize(request));
            // The agent answers Done once it listens, so no event raised after the subscription returns is missed.
            if (!connection.TryReceive(out var kind, out var text) || kind != FrameKind.Done)
            {
                if (kind == FrameKind.Refused) throw AgentConnection.Refused(text);
                throw new IOException("The EmProto agent did not take the subscription.");
            }
        }

        private void Read()
        {
            var connection = _connection;
            while (connection != null)
            {
                try
                {
                    while (connection.TryReceive(out var kind, out var text))
                    {
                        if (kind != FrameKind.Event) continue;
                        if (AgentSerializer.Deserialize(text) is EvseChargerEventArgs args && Volatile.Read(ref _disposed) == 0) EvseEvent?.Invoke(this, args);
                    }
                }
#pragma warning disable CA1031 // a broken or garbled connection is a lost agent: fail over, never end the session's process
                catch (Exception)
                {
                    // The agent went away (or sent what cannot be read).
                }
#pragma warning restore CA1031
                connection.Dispose();
                if (Volatile.Read(ref _disposed) == 1) return;
                connection = FailOver();
            }
        }

        /// <summary>A restarted agent's connection (subscribed), or null after moving to the session's own communicator.</summary>
        private AgentConnection? FailOver()
        {
            var deadline = DateTime.UtcNow + RestartWait;
            while (DateTime.UtcNow < deadline && Volatile.Read(ref _disposed) == 0)
            {
#pragma warning disable CA1031 // any failure to reach a restarted agent means: try again, then go local
                try
                {
                    var again = AgentClient.TryAttach();
                    if (again != null)
                    {
                        try
                        {
                            Subscribe(again);
                            lock (_gate) _connection = again;
                            return again;
                        }
                        catch (Exception)
                        {
                            again.Dispose();
                        }
                    }
                }
                catch (Exception)
                {
                    // Refused or unreachable: keep looking until the deadline.
                }
#pragma warning restore CA1031
                Thread.Sleep(500);
            }
            if (Volatile.Read(ref _disposed) == 1) return null;
            try
            {
                var local = new EvseEventSource(CommunicatorHolder.GetOrStart(), EventName, _serials, _patterns, _names);
                local.EvseEvent += (s, e) => EvseEvent?.Invoke(this, e);
                lock (_gate) _local = local;
                Via = "InProcess";
                if (Volatile.Read(ref _disposed) == 1) local.Dispose();
            }
            catch (EvseException)
            {
                // The session cannot start its own communicator (the port is taken): the subscription ends.
                Via = "Ended";
            }
            return null;
        }

        /// <summary>Ends the subscription.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            lock (_gate)
            {
                _connection?.Dispose();
                _local?.Dispose();
            }
            Via = "Ended";
        }

        /// <inheritdoc/>
        public override string ToString() => "EmProto " + EventName + " events (" + Via + ")";
    }
}
