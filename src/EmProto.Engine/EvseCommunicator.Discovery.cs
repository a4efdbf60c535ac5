using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>Discovery: the active probe and finding a charger at an address.</summary>
    public sealed partial class EvseCommunicator
    {
        // ------------------------------------------------------------------ discovery

        /// <summary>
        /// Sends the active discovery probe: a RequestLogin with an all-zero serial and an all-zero password;
        /// chargers answer PasswordErrorResponse carrying their serial.
        /// </summary>
        public Task ProbeAsync(IPEndPoint? target = null)
        {
            var d = new Datagram(EvseSerial.Zero, EmPassword.Zeros, EmCommand.RequestLogin, ByteValuePayload.Zero);
            return SendAsync(d, target ?? Options.ProbeTarget);
        }

        /// <summary>
        /// Finds the charger at an address (probe sent there, waiting for its answer or any datagram it
        /// originates) — for a charger on another subnet.
        /// </summary>
        /// <exception cref="EvseTimeoutException">Nothing answered from that address.</exception>
        public async Task<Evse> FindAtAddressAsync(IPAddress address, int port, CancellationToken cancellationToken = default)
        {
            var found = new TaskCompletionSource<Evse>(TaskCreationOptions.RunContinuationsAsynchronously);
            EventHandler<DatagramTrafficEventArgs> handler = (s, e) =>
            {
                if (e.Direction == TrafficDirection.Received && e.Remote.Address.Equals(address))
                {
                    var evse = GetEvse(e.Serial);
                    if (evse != null) found.TrySetResult(evse);
                }
            };
            foreach (var e in _evses.Values)
            {
                var ep = e.EndPoint;
                if (ep != null && ep.Address.Equals(address) && e.IsOnline) return e;
            }
            DatagramTraffic += handler;
            try
            {
                int attempts = Options.RetryCount + 1;
                for (int i = 0; i < attempts; i++)
                {
                    await ProbeAsync(new IPEndPoint(address, port)).ConfigureAwait(false);
                    using (var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        var delay = Options.TimeProvider.Delay(Options.RequestTimeout, cts.Token);
                        var first = await Task.WhenAny(found.Task, delay).ConfigureAwait(false);
                        cts.Cancel();
                        if (first == found.Task) return await found.Task.ConfigureAwait(false);
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    if (i + 1 < attempts) Counters.Retry();
                }
                Counters.Timeout();
                throw new EvseTimeoutException("No charger answered from " + address + ":" + port + " after " + attempts + " probes.");
            }
            finally
            {
                DatagramTraffic -= handler;
            }
        }
    }
}
