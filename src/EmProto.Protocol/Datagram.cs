namespace EmProto.Protocol
{
    /// <summary>One EM datagram: the envelope fields and the typed payload.</summary>
    public readonly struct Datagram
    {
        /// <summary>Creates a datagram to send.</summary>
        public Datagram(EvseSerial serial, EmPassword password, EmCommand command, EmPayload payload, byte keyType = 0)
        {
            Serial = serial;
            Password = password;
            Command = command;
            Payload = payload ?? throw new System.ArgumentNullException(nameof(payload));
            KeyType = keyType;
        }

        /// <summary>The key type byte (0 in everything seen).</summary>
        public byte KeyType { get; }

        /// <summary>The charger's serial.</summary>
        public EvseSerial Serial { get; }

        /// <summary>The password field (masked when printed).</summary>
        public EmPassword Password { get; }

        /// <summary>The command number.</summary>
        public EmCommand Command { get; }

        /// <summary>The typed payload.</summary>
        public EmPayload Payload { get; }

        /// <summary>The total length on the wire: payload + 25.</summary>
        public int Length => Payload.Length + DatagramCodec.EnvelopeLength;

        /// <summary>True when the command number is one this library names.</summary>
        public bool IsKnownCommand => EmCommands.IsKnown(Command);

        /// <inheritdoc/>
        public override string ToString() => EmCommands.Name(Command) + " " + Serial.ToString() + " (" + Length + " bytes)";
    }
}
