using System;
using System.Collections.Generic;
using EmProto.Protocol;

namespace EmProto.Simulator
{
    /// <summary>
    /// A fleet of simulated chargers sharing one time provider. Each charger has its own socket
    /// and one-shot timer (no thread per charger), so thousands fit on one machine.
    /// </summary>
    public sealed class EvseSimulatorHost : IDisposable
    {
        private readonly object _gate = new object();
        private readonly List<SimulatedEvse> _chargers = new List<SimulatedEvse>();
        private readonly TimeProvider _time;
        private bool _disposed;

        /// <summary>Creates an empty fleet.</summary>
        /// <param name="timeProvider">The time source for every charger; null means <see cref="TimeProvider.System"/>.</param>
        public EvseSimulatorHost(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

        /// <summary>The chargers started by this host and not stopped yet.</summary>
        public IReadOnlyList<SimulatedEvse> Chargers
        {
            get { lock (_gate) return _chargers.ToArray(); }
        }

        /// <summary>Starts one charger.</summary>
        /// <exception cref="ArgumentException">An option is invalid.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">The socket could not be bound.</exception>
        public SimulatedEvse Start(SimulatorOptions options)
        {
            var evse = new SimulatedEvse(options, _time);
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(EvseSimulatorHost));
                evse.Start();
                _chargers.Add(evse);
            }
            return evse;
        }

        /// <summary>
        /// Starts <paramref name="count"/> chargers with consecutive serials from the template's
        /// serial (each with its own fault seed: template seed + index). All or nothing: if one
        /// fails, the ones started by this call are stopped and the error is rethrown.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
        public IReadOnlyList<SimulatedEvse> StartMany(SimulatorOptions template, int count)
        {
            if (template == null) throw new ArgumentNullException(nameof(template));
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Count must be at least 1.");
            if (template.Serial.Value > ulong.MaxValue - (ulong)(count - 1))
                throw new ArgumentOutOfRangeException(nameof(count), count, "Consecutive serials from " + template.Serial + " would overflow.");
            template.Validate();
            var started = new List<SimulatedEvse>(count);
            try
            {
                for (int i = 0; i < count; i++)
                    started.Add(Start(template.CloneWith(new EvseSerial(template.Serial.Value + (ulong)i), i)));
            }
            catch
            {
                foreach (var evse in started) Stop(evse);
                throw;
            }
            return started;
        }

        /// <summary>Stops one charger and forgets it.</summary>
        public void Stop(SimulatedEvse evse)
        {
            if (evse == null) throw new ArgumentNullException(nameof(evse));
            lock (_gate) _chargers.Remove(evse);
            evse.Stop();
        }

        /// <summary>Stops every charger.</summary>
        public void StopAll()
        {
            SimulatedEvse[] all;
            lock (_gate)
            {
                all = _chargers.ToArray();
                _chargers.Clear();
            }
            foreach (var evse in all) evse.Stop();
        }

        /// <summary>Stops every charger; the host cannot start more afterwards.</summary>
        public void Dispose()
        {
            lock (_gate) _disposed = true;
            StopAll();
        }
    }
}
