namespace EmProto.Protocol
{
    /// <summary>
    /// Walks the datagrams of one UDP packet (several may be back to back). Each step yields a
    /// datagram or the reason the next bytes were rejected; reading stops when fewer than 25
    /// bytes are left or the framing is lost.
    /// </summary>
    public struct PacketReader
    {
        private readonly byte[] _packet;
        private readonly int _end;
        private int _position;
        private bool _readAny;

        internal PacketReader(byte[] packet, int offset, int count)
        {
            _packet = packet;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>Bytes not read yet.</summary>
        public int Remaining => _end - _position;

        /// <summary>
        /// Reads the next datagram. Returns false when nothing is left. A packet shorter than 25
        /// bytes yields <see cref="DecodeError.TooShort"/>; fewer than 25 bytes after at least one
        /// datagram are padding and end the packet.
        /// </summary>
        public bool TryReadNext(out Datagram datagram, out DecodeError error)
        {
            datagram = default;
            error = DecodeError.None;
            int remaining = _end - _position;
            if (remaining <= 0) return false;
            if (remaining < DatagramCodec.EnvelopeLength)
            {
                _position = _end;
                if (_readAny) return false;
                _readAny = true;
                error = DecodeError.TooShort;
                return true;
            }
            _readAny = true;
            error = DatagramCodec.TryDecode(_packet, _position, remaining, out datagram, out int consumed);
            _position += consumed > 0 ? consumed : remaining;
            return true;
        }
    }
}
