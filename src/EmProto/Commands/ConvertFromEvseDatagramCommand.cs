using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.Protocol;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Decodes EM datagrams from a packet dump.</para>
    /// <para type="description">Takes hex text (spaces, dashes, colons and 0x prefixes allowed) or byte
    /// arrays and writes one object per datagram; a packet holding several datagrams gives several
    /// objects. EM timestamps are shown in the charger's time zone (-TimeZone, default: local).
    /// Invalid input gives a non-terminating error (EvseDatagramInvalid) per item. Passwords are
    /// never written, only whether a datagram carried one.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "EvseDatagram", DefaultParameterSetName = HexParameterSet)]
    [OutputType(typeof(DecodedDatagram))]
    public sealed class ConvertFromEvseDatagramCommand : PSCmdlet
    {
        /// <summary>Parameter set for hex text.</summary>
        public const string HexParameterSet = "Hex";

        /// <summary>Parameter set for byte arrays.</summary>
        public const string BytesParameterSet = "Bytes";

        /// <summary>The ErrorId of every decoding error.</summary>
        public const string InvalidErrorId = ErrorIds.DatagramInvalid;

        /// <summary>
        /// <para type="description">Hex text of one UDP packet per string, e.g.
        /// '0601 0019 00 9181102751219513 ffffffffffff 0003 0880 0f02'.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = HexParameterSet)]
        [AllowEmptyString]
        public string[] Hex { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">The bytes of one UDP packet. A byte array piped without the unary
        /// comma arrives byte by byte: consecutive single bytes from the pipeline are joined into one
        /// packet, so both $bytes | ConvertFrom-EvseDatagram and ,$bytes | ConvertFrom-EvseDatagram work.</para>
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = BytesParameterSet)]
        [AllowEmptyCollection]
        public byte[] Bytes { get; set; } = Array.Empty<byte>();

        /// <summary>
        /// <para type="description">The charger's time zone, for EM timestamps: a TimeZoneInfo, an id
        /// (Europe/Amsterdam, 'W. Europe Standard Time'), 'UTC', 'Local' or an offset (+02:00).
        /// Default: the local zone.</para>
        /// </summary>
        [Parameter]
        [TimeZoneTransformation]
        [ValidateNotNull]
        public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

        private List<byte>? _enumeratedBytes;

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (ParameterSetName == BytesParameterSet)
            {
                var bytes = Bytes ?? Array.Empty<byte>();
                if (MyInvocation.ExpectingInput && bytes.Length == 1)
                {
                    // PowerShell enumerated a byte array into the pipeline: gather it back.
                    (_enumeratedBytes ??= new List<byte>()).Add(bytes[0]);
                    return;
                }
                DecodeEnumeratedBytes();
                DecodePacket(bytes, bytes);
                return;
            }
            foreach (var text in Hex ?? Array.Empty<string>())
            {
                var bytes = HexText.TryParse(DebugLineText.HexPart(text, out bool masked), out string? reason);
                if (bytes == null)
                {
                    WriteInvalid("The input is not hex text: " + reason + ".", text);
                    continue;
                }
                if (masked && !DebugLineText.FixMaskedChecksum(bytes))
                {
                    WriteInvalid("The input is not a datagram whose password is masked: " + Describe(DecodeError.BadLength), text);
                    continue;
                }
                DecodePacket(bytes, text);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing() => DecodeEnumeratedBytes();

        private void DecodeEnumeratedBytes()
        {
            if (_enumeratedBytes == null || _enumeratedBytes.Count == 0) return;
            var packet = _enumeratedBytes.ToArray();
            _enumeratedBytes.Clear();
            DecodePacket(packet, packet);
        }

        private void DecodePacket(byte[] packet, object input)
        {
            if (packet.Length == 0)
            {
                WriteInvalid("The input holds no bytes (TooShort: a datagram is at least " + DatagramCodec.EnvelopeLength + " bytes).", input);
                return;
            }
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            int index = 0;
            while (reader.TryReadNext(out var datagram, out var error))
            {
                index++;
                if (error == DecodeError.None)
                {
                    WriteObject(DatagramProjection.Project(datagram, TimeZone, DateTimeOffset.Now));
                    continue;
                }
                WriteInvalid("Datagram " + index + " of the packet (" + packet.Length + " bytes) is invalid: " + error + " - " + Describe(error), input);
            }
        }

        private void WriteInvalid(string message, object input) =>
            WriteError(new ErrorRecord(new InvalidDataException(message), InvalidErrorId, ErrorCategory.InvalidData, input));

        private static string Describe(DecodeError error)
        {
            switch (error)
            {
                case DecodeError.TooShort: return "fewer than 25 bytes.";
                case DecodeError.BadHeader: return "it does not start with 0601.";
                case DecodeError.BadLength: return "the declared length is below 25 or beyond the bytes given.";
                case DecodeError.BadChecksum: return "the checksum does not match the bytes.";
                case DecodeError.BadTail: return "it does not end with 0f02.";
                case DecodeError.PayloadTooShort: return "the payload is shorter than its command needs.";
                default: return "the payload cannot be read.";
            }
        }
    }
}
