using System.Collections.Generic;
using System.Net;

namespace EmProto.Engine
{
    /// <summary>
    /// One charger known to a communicator: what it said about itself, its live state, its
    /// configuration and sessions, and the commands that control it. Thread-safe.
    /// </summary>
    /// <remarks>
    /// A facade over parts with one job each: <see cref="RequestChannel"/> (waiters, retries, the measured
    /// retransmission timeout), <see cref="CapabilityMemory"/> (what the firmware answers), and the
    /// partial files Evse.Login (the only place that logs in), Evse.Config, Evse.Charging and
    /// Evse.Incoming (applying what the charger sends).
    /// </remarks>
    public sealed partial class Evse
    {
        private readonly object _sync = new object();
        private readonly EvseCommunicator _communicator;
        private readonly RequestChannel _requests;
        private readonly CapabilityMemory _capabilities = new CapabilityMemory();

        private EvseInfo _info;
        private EvseState? _state;
        private EvseChargeSession? _current, _planned, _last;
        private IPEndPoint? _endPoint;
        private bool _online, _pinned, _seenThisProcess;
        private DateTimeOffset? _lastSeen;
        private TimeZoneInfo? _timeZone;

        internal Evse(EvseCommunicator communicator, EvseSerial serial)
        {
            _communicator = communicator;
            SerialValue = serial;
            Serial = serial.ToString();
            _info = new EvseInfo { Serial = Serial };
            _requests = new RequestChannel(Serial, communicator.Options, communicator.Counters, SendAsync, () => communicator.Lifetime);
        }

        internal EvseSerial SerialValue { get; }

        internal EvseCommunicator Communicator => _communicator;

        /// <summary>Serial, 16 hex digits.</summary>
        public string Serial { get; }

        /// <summary>Identity and versions (a copy).</summary>
        public EvseInfo Info
        {
            get { lock (_sync) return _info.Clone(); }
        }

        /// <summary>What the charger's firmware answers among the optional requests (learned, stored).</summary>
        public EvseCapabilities Capabilities => _capabilities.Snapshot;

        /// <summary>The measured round trip to the charger, when known.</summary>
        public TimeSpan? RoundTrip => _requests.Timer.SmoothedRoundTrip;

        /// <summary>The charger's name (from its configuration), or empty.</summary>
        public string Name
        {
            get { lock (_sync) return _config?.Name ?? string.Empty; }
        }

        /// <summary>Where the charger's datagrams come from (learned only from datagrams it originates).</summary>
        public IPEndPoint? EndPoint
        {
            get { lock (_sync) return _endPoint; }
        }

        /// <summary>True while datagrams keep arriving.</summary>
        public bool IsOnline
        {
            get { lock (_sync) return _online; }
        }

        /// <summary>When the last datagram arrived.</summary>
        public DateTimeOffset? LastSeen
        {
            get { lock (_sync) return _lastSeen; }
        }

        /// <summary>The latest status (a copy), or null before the first. Check <see cref="IsStateCurrent"/> before trusting it.</summary>
        public EvseState? State
        {
            get { lock (_sync) return _state?.Clone(); }
        }

        /// <summary>True when the latest status came in during the live login session (so it is the charger's state now).</summary>
        public bool IsStateCurrent
        {
            get { lock (_sync) return StateIsCurrent(); }
        }

        /// <summary>
        /// The overall state: Unknown before the first contact in this process, Offline after silence,
        /// NotLoggedIn / AuthenticationFailed / Disconnected while no session is live (the last status is then
        /// not the charger's state now), else the state of the latest status.
        /// </summary>
        public EvseMetaState MetaState
        {
            get
            {
                lock (_sync)
                {
                    if (!_seenThisProcess) return EvseMetaState.Unknown;
                    if (!_online) return EvseMetaState.Offline;
                    if (!_loggedIn)
                    {
                        if (_authFailedAt.HasValue) return EvseMetaState.AuthenticationFailed;
                        if (_disconnected) return EvseMetaState.Disconnected;
                        return EvseMetaState.NotLoggedIn;
                    }
                    return StateIsCurrent() ? _state!.State : EvseMetaState.Unknown;
                }
            }
        }

        /// <summary>The session charging now, if any.</summary>
        public EvseChargeSession? CurrentSession
        {
            get { lock (_sync) return _current?.Clone(); }
        }

        /// <summary>The planned (reserved) session, if any.</summary>
        public EvseChargeSession? PlannedSession
        {
            get { lock (_sync) return _planned?.Clone(); }
        }

        /// <summary>The last finished session, if known.</summary>
        public EvseChargeSession? LastSession
        {
            get { lock (_sync) return _last?.Clone(); }
        }

        /// <summary>The time zone the charger lives in (default: the communicator's default zone).</summary>
        public TimeZoneInfo TimeZone
        {
            get { lock (_sync) return _timeZone ?? _communicator.Options.DefaultTimeZone; }
            set
            {
                lock (_sync) _timeZone = value;
                _communicator.MarkDirty(this);
            }
        }

        /// <summary>When true, datagrams for this charger from another address are ignored.</summary>
        public bool IsPinned
        {
            get { lock (_sync) return _pinned || _communicator.Options.PinAddresses; }
            set
            {
                lock (_sync) _pinned = value;
                _communicator.MarkDirty(this);
            }
        }

        private DateTimeOffset Now => _communicator.Options.TimeProvider.GetUtcNow();

        /// <inheritdoc/>
        public override string ToString()
        {
            string name = Name;
            return Serial + (name.Length > 0 ? " '" + name + "'" : string.Empty) + " " + MetaState;
        }

        private bool StateIsCurrent() => _state != null && _loggedIn && _loggedInAt.HasValue && _state.ReceivedAt >= _loggedInAt.Value;

        /// <summary>Requests waiting for an answer plus status waiters (for leak checks).</summary>
        internal int PendingRequestCount
        {
            get
            {
                int states;
                lock (_sync) states = _stateWaiters.Count;
                return _requests.PendingCount + states;
            }
        }

        internal void FailWaiters(Exception error) => _requests.FailAll(error);

        internal string DescribePendingRequests() => _requests.DescribePending();

        internal IReadOnlyList<EvseChargeRecord> RecordList
        {
            get { lock (_sync) return _recordOrder.ToArray(); }
        }
    }
}
