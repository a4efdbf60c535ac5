using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EmProto.PowerShell.Agent;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The source object of a Register-EvseEvent subscription when the user's agent serves the session: the agent
    /// filters its communicator's events as <see cref="EvseEventSource"/> does and sends each one over a connection
    /// of its own, which a background thread reads and raises here. Disposed when the subscriber is removed, which
    /// closes the connection and ends the subscription in the agent.
    /// </summary>
    public sealed class AgentEventSource : IDisposable
    {
        private readonly AgentConnection _connection;
        private int _disposed;

        internal AgentEventSource(AgentConnection connection, EvseEventName eventName, IEnumerable<string>? serials, IEnumerable<string>? patterns, IEnumerable<string>? names)
        {
            _connection = connection;
            EventName = eventName;
            var request = new Hashtable
            {
                ["EventName"] = eventName.ToString(),
                ["Serials"] = serials == null ? null : new List<string>(serials).ToArray(),
                ["Patterns"] = patterns == null ? null : new List<string>(patterns).ToArray(),
                ["Names"] = names == null ? null : new List<string>(names).ToArray(),
            };
            AgentClient.SendFirst(connection, FrameKind.Subscribe, AgentSerializer.Serialize(request));
            // The agent answers Done once it listens, so no event raised after Register-EvseEvent returns is missed.
            if (!connection.TryReceive(out var kind, out var text) || kind != FrameKind.Done)
            {
                if (kind == FrameKind.Refused) throw AgentConnection.Refused(text);
                throw new IOException("The EmProto agent did not take the subscription.");
            }
            var reader = new Thread(Read) { IsBackground = true, Name = "EmProto agent events" };
            reader.Start();
        }

        /// <summary>Raised for each matching event (on this subscription's reader thread).</summary>
        public event EventHandler<EvseChargerEventArgs>? EvseEvent;

        /// <summary>The event subscribed to.</summary>
        public EvseEventName EventName { get; }

        /// <summary>True once the agent went away (no more events come through this subscription).</summary>
        public bool Ended { get; private set; }

        private void Read()
        {
            try
            {
                while (_connection.TryReceive(out var kind, out var text))
                {
                    if (kind != FrameKind.Event) continue;
                    if (AgentSerializer.Deserialize(text) is EvseChargerEventArgs args && Volatile.Read(ref _disposed) == 0) EvseEvent?.Invoke(this, args);
                }
            }
            catch (IOException)
            {
                // The agent went away.
            }
            Ended = true;
        }

        /// <summary>Ends the subscription.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _connection.Dispose();
        }

        /// <inheritdoc/>
        public override string ToString() => "EmProto " + EventName + " events (agent)";
    }
}
