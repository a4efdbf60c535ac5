using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator.Tests
{
    /// <summary>
    /// Plays the app in tests: a UDP socket on 127.0.0.1:0 that collects every datagram it
    /// receives (decoded through the codec) and sends raw requests to a simulated charger.
    /// </summary>
    public sealed class TestApp : IDisposable
    {
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
        private readonly UdpClient _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly BlockingCollection<Datagram> _received = new BlockingCollection<Datagram>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _decodeErrors;
        private int _packets;
        private int _multiDatagramPackets;

        public TestApp()
        {
            EndPoint = (IPEndPoint)_udp.Client.LocalEndPoint!;
            _ = Task.Run(ReceiveLoop);
        }

        public IPEndPoint EndPoint { get; }

        /// <summary>
        /// When set, every Expect waits until this charger released its lock: a reply is sent under
        /// the lock before the charger re-arms its timer, and fake time must not move before that.
        /// </summary>
        public SimulatedEvse? Charger { get; set; }

        public int DecodeErrors => Volatile.Read(ref _decodeErrors);

        public int Packets => Volatile.Read(ref _packets);

        public int MultiDatagramPackets => Volatile.Read(ref _multiDatagramPackets);

        public List<byte[]> RawPackets { get; } = new List<byte[]>();

        public SimulatorOptions Options(string password = "123456") => new SimulatorOptions
        {
            AppEndPoint = EndPoint,
            Password = password,
            Serial = new EvseSerial(0x9181102751219513UL),
        };

        private async Task ReceiveLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult r;
                try { r = await _udp.ReceiveAsync(_stop.Token); }
                catch (OperationCanceledException) { return; }
                catch (ObjectDisposedException) { return; }
                catch (SocketException) { continue; }
                Interlocked.Increment(ref _packets);
                lock (RawPackets) RawPackets.Add(r.Buffer);
                var reader = DatagramCodec.ReadPacket(r.Buffer, 0, r.Buffer.Length);
                int count = 0;
                while (reader.TryReadNext(out var d, out var error))
                {
                    if (error != DecodeError.None) { Interlocked.Increment(ref _decodeErrors); continue; }
                    count++;
                    _received.Add(d);
                }
                if (count > 1) Interlocked.Increment(ref _multiDatagramPackets);
            }
        }

        /// <summary>Waits for the next datagram with the command, skipping others; fails with a message on timeout.</summary>
        public Datagram Expect(EmCommand command, string because)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_received.TryTake(out var d, left))
                    throw new Xunit.Sdk.XunitException("Expected " + command + " from the simulator (" + because + ") but none arrived within " + Patience.TotalSeconds + " s.");
                if (d.Command == command)
                {
                    _ = Charger?.IsRunning;
                    return d;
                }
            }
        }

        /// <summary>Waits for the next datagram with the command; returns it and everything received before it, in order.</summary>
        public List<Datagram> CollectUntil(EmCommand command, string because)
        {
            var list = new List<Datagram>();
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_received.TryTake(out var d, left))
                    throw new Xunit.Sdk.XunitException("Expected " + command + " from the simulator (" + because + ") but none arrived within " + Patience.TotalSeconds + " s.");
                list.Add(d);
                if (d.Command == command)
                {
                    _ = Charger?.IsRunning;
                    return list;
                }
            }
        }

        /// <summary>
        /// Proves the charger has handled everything sent before: sends a GetVersion and collects what
        /// arrives up to its answer (the charger handles datagrams in order).
        /// </summary>
        public List<Datagram> Barrier(SimulatedEvse evse)
        {
            Send(evse, EmCommand.GetVersion, EmptyPayload.Instance);
            return CollectUntil(EmCommand.GetVersionResponse, "GetVersion is answered by every firmware");
        }

        public T ExpectPayload<T>(EmCommand command, string because) where T : EmPayload
        {
            var d = Expect(command, because);
            return Xunit.Assert.IsType<T>(d.Payload);
        }

        /// <summary>Discards everything received so far.</summary>
        public void Drain()
        {
            while (_received.TryTake(out _)) { }
        }

        /// <summary>Takes every datagram already received.</summary>
        public List<Datagram> TakeAll()
        {
            var list = new List<Datagram>();
            while (_received.TryTake(out var d)) list.Add(d);
            return list;
        }

        public void Send(SimulatedEvse evse, EmCommand command, EmPayload payload, string? password = "123456", EvseSerial? serial = null)
        {
            var pw = password == null ? EmPassword.None : EmPassword.FromString(password);
            var bytes = DatagramCodec.Encode(new Datagram(serial ?? evse.Serial, pw, command, payload));
            _udp.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, evse.Port));
        }

        public void SendRaw(SimulatedEvse evse, byte[] bytes) => _udp.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, evse.Port));

        /// <summary>Logs in and registers: RequestLogin, LoginResponse, LoginConfirm, then the first pushes.</summary>
        public void Register(SimulatedEvse evse, string password = "123456")
        {
            Send(evse, EmCommand.RequestLogin, ByteValuePayload.Zero, password);
            Expect(EmCommand.LoginResponse, "the password is right");
            Send(evse, EmCommand.LoginConfirm, ByteValuePayload.Zero, password);
            Expect(EmCommand.SingleAcStatus, "registration pushes the status at once");
            Expect(EmCommand.SingleAcChargingStatusPublicAuto, "registration pushes the charging status at once");
        }

        /// <summary>Waits until a condition about the charger holds (it processes datagrams on its own thread).</summary>
        public static void WaitUntil(Func<bool> condition, string what)
        {
            if (!SpinWait.SpinUntil(condition, Patience))
                throw new Xunit.Sdk.XunitException("Timed out after " + Patience.TotalSeconds + " s waiting until " + what + ".");
        }

        public void Dispose()
        {
            _stop.Cancel();
            _udp.Dispose();
            _received.Dispose();
            _stop.Dispose();
        }
    }
}
