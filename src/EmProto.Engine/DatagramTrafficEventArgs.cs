using System;
using System.Net;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>Direction of a datagram.</summary>
    public enum TrafficDirection
    {
        /// <summary>From a charger.</summary>
        Received,
        /// <summary>To a charger.</summary>
        Sent,
    }

    /// <summary>A datagram on the wire, for dumps. The password bytes are masked.</summary>
    public sealed class DatagramTrafficEventArgs : EventArgs
    {
        private DatagramTrafficEventArgs(TrafficDirection direction, IPEndPoint remote, in Datagram d, DateTimeOffset time)
        {
            Direction = direction;
            Remote = remote;
            Serial = d.Serial.ToString();
            Command = d.Command;
            Hex = MaskedHex(d);
            Time = time;
        }

        /// <summary>Received or sent.</summary>
        public TrafficDirection Direction { get; }

        /// <summary>The other side.</summary>
        public IPEndPoint Remote { get; }

        /// <summary>The serial in the envelope.</summary>
        public string Serial { get; }

        /// <summary>The command.</summary>
        public EmCommand Command { get; }

        /// <summary>The command's name.</summary>
        public string CommandName => EmCommands.Name(Command);

        /// <summary>The datagram as hex with the password field shown as "******" when present.</summary>
        public string Hex { get; }

        /// <summary>When.</summary>
        public DateTimeOffset Time { get; }

        internal static DatagramTrafficEventArgs Create(TrafficDirection direction, IPEndPoint remote, in Datagram d, DateTimeOffset time) =>
            new DatagramTrafficEventArgs(direction, remote, d, time);

        private static string MaskedHex(in Datagram d)
        {
            // Re-encode rather than slice the receive buffer: the buffer is reused by the next receive.
            var bytes = DatagramCodec.Encode(d);
            string hex = HexText.ToHex(bytes, 0, bytes.Length);
            return d.Password.IsPresent ? hex.Substring(0, 26) + "************" + hex.Substring(38) : hex;
        }

        /// <inheritdoc/>
        public override string ToString() => (Direction == TrafficDirection.Received ? "<- " : "-> ") + Remote + " " + CommandName + " " + Hex;
    }
}
