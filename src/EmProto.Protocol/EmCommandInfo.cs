using System;

namespace EmProto.Protocol
{
    /// <summary>Whether a client may rely on a charger answering a request (see PROTOCOL.md, Firmware variance).</summary>
    public enum CommandSupport
    {
        /// <summary>Every known firmware answers it: a client may require it.</summary>
        Core,
        /// <summary>Some firmware ignores it: ask once with a short budget, remember the outcome, fall back to pushes.</summary>
        Optional,
    }

    /// <summary>Everything the library knows about one command number (one row of <see cref="EmCommandTable"/>).</summary>
    public sealed class EmCommandInfo
    {
        internal EmCommandInfo(EmCommand command, CommandSupport support, int minimumPayloadLength, int requestLength, EmCommand? reply, EmCommand? acknowledgement,
            bool originated, Type payloadType, PayloadDecoder decode, string description)
        {
            Command = command;
            Support = support;
            MinimumPayloadLength = minimumPayloadLength;
            RequestLength = requestLength;
            Reply = reply;
            Acknowledgement = acknowledgement;
            IsOriginatedByCharger = originated;
            PayloadType = payloadType;
            Decode = decode;
            Description = description;
        }

        /// <summary>The command number.</summary>
        public EmCommand Command { get; }

        /// <summary>True for app-to-charger commands (0x8000 and above).</summary>
        public bool IsRequest => EmCommands.IsAppToCharger(Command);

        /// <summary>Core or optional (meaningful for requests a client waits on).</summary>
        public CommandSupport Support { get; }

        /// <summary>The shortest payload accepted from the network.</summary>
        public int MinimumPayloadLength { get; }

        /// <summary>
        /// For a request: the length of its fixed layout. Chargers accept shorter requests, so the decoder does
        /// too: a shorter request reads as if padded with zeros to this length. 0 for charger datagrams and for
        /// requests without a payload.
        /// </summary>
        public int RequestLength { get; }

        /// <summary>
        /// The payload class a datagram of this command decodes to (<see cref="Payloads.EmptyPayload"/> rows give a
        /// <see cref="Payloads.RawPayload"/> when bytes came anyway).
        /// </summary>
        public Type PayloadType { get; }

        /// <summary>Reads the payload (used by <see cref="DatagramCodec"/>).</summary>
        internal PayloadDecoder Decode { get; }

        /// <summary>For a request that is answered: the charger's reply command.</summary>
        public EmCommand? Reply { get; }

        /// <summary>For a charger push that must be acknowledged: the app's acknowledgement.</summary>
        public EmCommand? Acknowledgement { get; }

        /// <summary>
        /// True for datagrams the charger sends on its own (commands 1-13): only these teach a charger's
        /// address, and only these may add an unknown charger.
        /// </summary>
        public bool IsOriginatedByCharger { get; }

        /// <summary>What it is, in words (used in messages: "read the charging status").</summary>
        public string Description { get; }

        /// <inheritdoc/>
        public override string ToString() => EmCommands.Name(Command) + " (" + Description + ")";
    }
}
