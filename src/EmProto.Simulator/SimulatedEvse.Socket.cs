using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // The UDP socket: receiving datagrams and sending them through the fault injector.
    public sealed partial class SimulatedEvse
    {
        private async Task ReceiveLoopAsync(UdpClient udp)
        {
            while (true)
            {
                UdpReceiveResult received;
                try
                {
                    received = await udp.ReceiveAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    lock (_gate) if (_stopped) return;
                    continue;
                }
                try
                {
                    lock (_gate)
                    {
                        if (_stopped) return;
                        HandlePacket(received.Buffer, received.RemoteEndPoint);
                        AfterActivity();
                    }
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is SocketException)
                {
                    Counters.AddDatagramsDropped();
                }
            }
        }

        private void HandlePacket(byte[] packet, IPEndPoint from)
        {
            Counters.AddPacketsReceived();
            if (_faults.DropInbound()) return;
            Integrate();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            while (reader.TryReadNext(out var datagram, out var error))
            {
                if (error != DecodeError.None)
                {
                    Counters.AddDatagramsDropped();
                    continue;
                }
                Handle(datagram, from);
            }
        }

        private void SendToApp(EmCommand command, EmPayload payload)
        {
            if (_udp == null) return;
            _faults.Send(Encode(command, payload), _time.GetUtcNow());
        }

        private void SendTo(IPEndPoint to, EmCommand command, EmPayload payload)
        {
            if (_udp == null) return;
            SendRaw(Encode(command, payload), to);
        }

        private byte[] Encode(EmCommand command, EmPayload payload) => DatagramCodec.Encode(new Datagram(Serial, EmPassword.None, command, payload));

        private void SendRaw(byte[] packet) => SendRaw(packet, _options.AppEndPoint);

        private void SendRaw(byte[] packet, IPEndPoint to)
        {
            var udp = _udp;
            if (udp == null) return;
            try
            {
                udp.Send(packet, packet.Length, to);
                Counters.AddPacketsSent();
            }
            catch (SocketException)
            {
                Counters.AddSendErrors();
            }
        }
    }
}
