using System;
using System.Collections.Generic;
using EmProto.Protocol;

namespace EmProto.Engine.Session
{
    /// <summary>
    /// Per charger: what its firmware answered and ignored among the optional requests. An ignored request
    /// is asked again at most once per login (in the background), never per call; everything is forgotten
    /// when the firmware version changes. Thread-safe.
    /// </summary>
    internal sealed class CapabilityMemory
    {
        private readonly object _sync = new object();
        private readonly Dictionary<EmCommand, EvseCapability> _states = new Dictionary<EmCommand, EvseCapability>();
        private readonly HashSet<EmCommand> _askedThisLogin = new HashSet<EmCommand>();
        private readonly Dictionary<EmCommand, int> _misses = new Dictionary<EmCommand, int>();
        private readonly Dictionary<EmCommand, DateTimeOffset> _lastAsked = new Dictionary<EmCommand, DateTimeOffset>();

        /// <summary>
        /// Unanswered asks in a row after which a request never answered counts as ignored. Each ask is already
        /// resent within its short budget, so a miss means every try of it was lost; at 30 % loss each way that
        /// happens to about one ask in fifteen, and three in a row to about one in three thousand.
        /// </summary>
        internal const int MissesToIgnore = 3;
        private string _firmware = string.Empty;

        /// <summary>A snapshot for users.</summary>
        public EvseCapabilities Snapshot
        {
            get { lock (_sync) return new EvseCapabilities(new Dictionary<EmCommand, EvseCapability>(_states), _firmware); }
        }

        public EvseCapability this[EmCommand request]
        {
            get { lock (_sync) return _states.TryGetValue(request, out var s) ? s : EvseCapability.NotAsked; }
        }

        /// <summary>True when a user-facing call may send the request: never for one the firmware ignores.</summary>
        public bool MayAsk(EmCommand request) => this[request] != EvseCapability.Ignored;

        /// <summary>
        /// True (once per login) when the background work after a login should ask: not asked yet, or
        /// ignored before (firmware may answer some of the time).
        /// </summary>
        public bool ShouldProbeAfterLogin(EmCommand request)
        {
            lock (_sync)
            {
                if (_states.TryGetValue(request, out var s) && s == EvseCapability.Answered) return false;
                return _askedThisLogin.Add(request);
            }
        }

        /// <summary>A new login: ignored requests may be asked once more.</summary>
        public void OnLogin()
        {
            lock (_sync) _askedThisLogin.Clear();
        }

        /// <summary>
        /// Records an outcome; true when the state changed. An answer counts at once; a request counts as ignored
        /// only after <see cref="MissesToIgnore"/> unanswered asks in a row, so packet loss alone does not teach
        /// that a firmware ignores it. A request this firmware answered stays answered: later misses are lost
        /// packets (the memory is cleared when the firmware changes).
        /// </summary>
        public bool Record(EmCommand request, bool answered)
        {
            lock (_sync)
            {
                _askedThisLogin.Add(request);
                if (answered) _misses.Remove(request);
                else
                {
                    if (_states.TryGetValue(request, out var known) && known == EvseCapability.Answered) return false;
                    _misses.TryGetValue(request, out int misses);
                    _misses[request] = ++misses;
                    if (misses < MissesToIgnore) return false;
                }
                var state = answered ? EvseCapability.Answered : EvseCapability.Ignored;
                if (_states.TryGetValue(request, out var s) && s == state) return false;
                _states[request] = state;
                return true;
            }
        }

        /// <summary>Notes that the request is being sent now (a late answer within a while still counts as an answer).</summary>
        public void Asking(EmCommand request, DateTimeOffset now)
        {
            lock (_sync) _lastAsked[request] = now;
        }

        /// <summary>
        /// A reply nobody waited for: when it answers an optional request asked within <paramref name="window"/>, the
        /// firmware does answer it (the reply was just late); true when that changed the state.
        /// </summary>
        public bool LateReply(EmCommand reply, DateTimeOffset now, TimeSpan window)
        {
            foreach (var request in EvseCapabilities.Tracked)
            {
                if (EmCommandTable.Get(request)?.Reply != reply) continue;
                lock (_sync)
                {
                    if (!_lastAsked.TryGetValue(request, out var asked) || now - asked > window) return false;
                }
                return Record(request, true);
            }
            return false;
        }

        /// <summary>Forgets everything when the firmware version differs from the one learned with; true when cleared.</summary>
        public bool OnFirmware(string version)
        {
            if (string.IsNullOrEmpty(version)) return false;
            lock (_sync)
            {
                if (string.Equals(_firmware, version, StringComparison.Ordinal)) return false;
                bool had = _states.Count > 0 && _firmware.Length > 0;
                _firmware = version;
                if (had)
                {
                    _states.Clear();
                    _misses.Clear();
                }
                return had;
            }
        }

        /// <summary>For the store: request name to state.</summary>
        public Dictionary<string, string> ToStored(out string firmware)
        {
            lock (_sync)
            {
                firmware = _firmware;
                var d = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var kv in _states) d[kv.Key.ToString()] = kv.Value.ToString();
                return d;
            }
        }

        /// <summary>From the store; unknown names are skipped.</summary>
        public void Load(IDictionary<string, string>? stored, string? firmware)
        {
            lock (_sync)
            {
                _states.Clear();
                _firmware = firmware ?? string.Empty;
                if (stored == null) return;
                foreach (var kv in stored)
                {
                    if (Enum.TryParse(kv.Key, out EmCommand c) && Enum.IsDefined(typeof(EmCommand), c) &&
                        Enum.TryParse(kv.Value, out EvseCapability s) && Enum.IsDefined(typeof(EvseCapability), s) && s != EvseCapability.NotAsked)
                        _states[c] = s;
                }
            }
        }
    }
}
