using System;

namespace EmProto.Engine.Session
{
    /// <summary>
    /// A charger's retransmission timeout, measured as TCP does (RFC 6298): smoothed round trip plus four
    /// deviations, within a floor and the communicator's request timeout. Samples come only from requests
    /// answered on their first try (Karn's rule), so a late answer to a resent request never skews it.
    /// Thread-safe.
    /// </summary>
    internal sealed class RetransmitTimer
    {
        private readonly object _sync = new object();
        private readonly TimeSpan _floor, _ceiling, _initial;
        private double _srttMs, _rttVarMs;
        private bool _hasSample;

        public RetransmitTimer(TimeSpan floor, TimeSpan ceiling, TimeSpan initial)
        {
            _ceiling = ceiling;
            _floor = floor < ceiling ? floor : ceiling;
            _initial = Clamp(initial);
        }

        /// <summary>The smoothed round trip, when measured.</summary>
        public TimeSpan? SmoothedRoundTrip
        {
            get { lock (_sync) return _hasSample ? TimeSpan.FromMilliseconds(_srttMs) : (TimeSpan?)null; }
        }

        /// <summary>How long to wait for an answer before resending.</summary>
        public TimeSpan Timeout
        {
            get
            {
                lock (_sync)
                {
                    if (!_hasSample) return _initial;
                    return Clamp(TimeSpan.FromMilliseconds(_srttMs + 4 * _rttVarMs));
                }
            }
        }

        /// <summary>Adds a round-trip sample (of a request answered on its first try).</summary>
        public void Sample(TimeSpan roundTrip)
        {
            double r = Math.Max(0, roundTrip.TotalMilliseconds);
            lock (_sync)
            {
                if (!_hasSample)
                {
                    _srttMs = r;
                    _rttVarMs = r / 2;
                    _hasSample = true;
                    return;
                }
                _rttVarMs = 0.75 * _rttVarMs + 0.25 * Math.Abs(_srttMs - r);
                _srttMs = 0.875 * _srttMs + 0.125 * r;
            }
        }

        private TimeSpan Clamp(TimeSpan t) => t < _floor ? _floor : t > _ceiling ? _ceiling : t;
    }
}
