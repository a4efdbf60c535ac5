using System.Globalization;
using System.Text;

namespace EmProto.Protocol.Tests
{
    /// <summary>
    /// Writes docs/protocol.md from <see cref="EmCommandTable"/>: the one generator of that page.
    /// <see cref="ProtocolDocumentTests"/> fails when the committed page differs; tools/New-ProtocolDoc.ps1 rewrites it.
    /// </summary>
    public static class ProtocolDocument
    {
        public static string Render()
        {
            var md = new StringBuilder();
            Line(md, "# EM protocol commands");
            Line(md, "");
            Line(md, "<!-- Generated from src/EmProto.Protocol/EmCommandTable.cs by tools/New-ProtocolDoc.ps1; do not edit by hand.");
            Line(md, "     The test ProtocolDocumentTests fails when this page and the table differ. -->");
            Line(md, "");
            Line(md, "Every command EmProto knows, as `EmCommandTable` describes it. The wire format (envelope, checksum,");
            Line(md, "field layouts) and what differs between firmware are in PROTOCOL.md; this page is the command list.");
            Line(md, "");
            Line(md, "- **Direction**: app requests are 0x8000 and above; the charger's reply to a request is the same");
            Line(md, "  number minus 0x8000. *Charger-originated* datagrams (commands 1-13) are the only ones that teach a");
            Line(md, "  charger's address or add an unknown charger.");
            Line(md, "- **Support** (requests): *core* requests every known firmware answers; *optional* ones some firmware ignores");
            Line(md, "  (ask once with a short budget, remember the outcome, fall back to pushes).");
            Line(md, "- **Reply**: the charger's answer to a request. **Ack**: the app's acknowledgement of a charger push.");
            Line(md, "- **Min**: the shortest payload accepted from the network (shorter: `PayloadTooShort`).");
            Line(md, "  **Request**: the length of a request's layout; a shorter request reads as if padded with zeros.");
            Line(md, "- **Payload**: the class in `EmProto.Protocol.Payloads` it decodes to. Unknown commands decode to");
            Line(md, "  `RawPayload` and are skipped by their declared length.");
            Line(md, "");
            Line(md, "| Hex | Name | Direction | Support | Reply | Ack | Min | Request | Payload | Description |");
            Line(md, "|-----|------|-----------|---------|-------|-----|----:|--------:|---------|-------------|");
            foreach (var row in EmCommandTable.All)
            {
                string direction = row.IsRequest ? "app → charger" : row.IsOriginatedByCharger ? "charger → app, charger-originated" : "charger → app";
                md.Append("| ").Append(Hex(row.Command))
                    .Append(" | ").Append(EmCommands.Name(row.Command))
                    .Append(" | ").Append(direction)
                    .Append(" | ").Append(!row.IsRequest ? "" : row.Support == CommandSupport.Core ? "core" : "optional")
                    .Append(" | ").Append(Reference(row.Reply))
                    .Append(" | ").Append(Reference(row.Acknowledgement))
                    .Append(" | ").Append(row.MinimumPayloadLength.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(row.IsRequest && row.RequestLength > 0 ? row.RequestLength.ToString(CultureInfo.InvariantCulture) : "")
                    .Append(" | ").Append(row.PayloadType.Name)
                    .Append(" | ").Append(row.Description)
                    .Append(" |\n");
            }
            return md.ToString();
        }

        private static string Hex(EmCommand command) => "0x" + ((ushort)command).ToString("X4", CultureInfo.InvariantCulture);

        private static string Reference(EmCommand? command) => command.HasValue ? Hex(command.Value) + " " + EmCommands.Name(command.Value) : "";

        private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
    }
}
