using System;
using System.Linq;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class CommandTableTests
    {
        [Fact]
        public void Every_named_command_has_one_row()
        {
            var missing = Enum.GetValues(typeof(EmCommand)).Cast<EmCommand>().Where(c => EmCommandTable.Get(c) == null).ToList();
            Assert.True(missing.Count == 0, "No EmCommandTable row for: " + string.Join(", ", missing));
            Assert.Equal(Enum.GetValues(typeof(EmCommand)).Length, EmCommandTable.All.Count);
        }

        [Fact]
        public void A_reply_is_the_request_number_minus_0x8000_and_a_charger_datagram()
        {
            foreach (var row in EmCommandTable.All.Where(r => r.Reply.HasValue))
            {
                var reply = row.Reply!.Value;
                Assert.True(row.IsRequest, EmCommands.Name(row.Command) + " has a reply but is not a request.");
                Assert.True((ushort)reply == ((ushort)row.Command & 0x7FFF), EmCommands.Name(row.Command) + " is answered by " + EmCommands.Name(reply) + ", not its number minus 0x8000.");
                Assert.False(EmCommandTable.Get(reply)!.IsRequest, EmCommands.Name(reply) + " is a reply but has a request number.");
                Assert.Equal(reply, EmCommandTable.ReplyTo(row.Command));
            }
        }

        [Fact]
        public void An_acknowledgement_is_a_request_without_a_reply_and_the_push_is_charger_originated()
        {
            foreach (var row in EmCommandTable.All.Where(r => r.Acknowledgement.HasValue))
            {
                var ack = EmCommandTable.Get(row.Acknowledgement!.Value)!;
                Assert.True(row.IsOriginatedByCharger, EmCommands.Name(row.Command) + " is acknowledged but not charger-originated.");
                Assert.True(ack.IsRequest && ack.Reply == null, EmCommands.Name(ack.Command) + " acknowledges a push, so it is a request nobody answers.");
            }
        }

        [Fact]
        public void ReplyTo_refuses_a_command_the_charger_does_not_answer()
        {
            var e = Assert.Throws<ArgumentException>(() => EmCommandTable.ReplyTo(EmCommand.HeadingResponse));
            Assert.Contains("HeadingResponse", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Only_requests_have_a_request_length_and_only_charger_datagrams_a_minimum()
        {
            foreach (var row in EmCommandTable.All)
            {
                if (row.IsRequest) Assert.True(row.MinimumPayloadLength == 0, EmCommands.Name(row.Command) + ": requests are accepted short.");
                else Assert.True(row.RequestLength == 0, EmCommands.Name(row.Command) + ": a charger datagram has no request length.");
            }
        }

        [Fact]
        public void Each_row_decodes_an_empty_or_short_payload_to_its_payload_class_or_refuses_it()
        {
            foreach (var row in EmCommandTable.All)
            {
                var bytes = new byte[row.MinimumPayloadLength];
                Assert.Equal(DecodeError.None, DatagramCodec.TryDecodePayload(row.Command, bytes, 0, bytes.Length, out var payload));
                Assert.True(row.PayloadType.IsInstanceOfType(payload),
                    EmCommands.Name(row.Command) + " decoded to " + payload!.GetType().Name + ", not " + row.PayloadType.Name + ".");
                if (row.MinimumPayloadLength > 0)
                    Assert.Equal(DecodeError.PayloadTooShort, DatagramCodec.TryDecodePayload(row.Command, bytes, 0, bytes.Length - 1, out _));
            }
        }
    }
}
