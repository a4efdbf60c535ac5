using System.Net;
using System.Text;
using EmProto.Engine.Transport;

namespace EmProto.Engine.Tests
{
    /// <summary>
    /// AddressText reads a stored address exactly as IPAddress.TryParse does: the same answer and the
    /// same address for every text, the dotted quads it reads itself and everything it hands on.
    /// </summary>
    public sealed class AddressTextTests
    {
        [Theory]
        [InlineData("192.168.1.20")]
        [InlineData("0.0.0.0")]
        [InlineData("255.255.255.255")]
        [InlineData("127.0.0.1")]
        [InlineData("10.0.100.9")]
        [InlineData("010.0.0.1")]          // leading zero: octal to IPAddress
        [InlineData("127.1")]              // fewer parts
        [InlineData("0x7f.0.0.1")]         // hexadecimal
        [InlineData("::1")]
        [InlineData("fe80::1%2")]
        [InlineData("::ffff:192.168.1.20")]
        [InlineData("256.1.1.1")]
        [InlineData("1.2.3.4.5")]
        [InlineData("1.2.3.")]
        [InlineData(".1.2.3")]
        [InlineData("1..2.3")]
        [InlineData("1.2.3.1000")]
        [InlineData(" 1.2.3.4")]
        [InlineData("1.2.3.4 ")]
        [InlineData("1.2.3.-4")]
        [InlineData("")]
        [InlineData("charger")]
        public void Reads_every_text_as_IPAddress_does(string text) => AssertSameAsFramework(text);

        [Fact]
        public void Null_is_not_an_address()
        {
            Assert.False(AddressText.TryParse(null, out var address));
            Assert.Null(address);
        }

        [Fact]
        public void Reads_random_dotted_texts_as_IPAddress_does()
        {
            // Seeded: digits, dots and a few other characters in every arrangement up to 17 characters,
            // and canonical addresses, 20,000 of each.
            var random = new DeterministicRandom(0xADD7E55);
            const string alphabet = "0123456789....x:a ";
            var text = new StringBuilder();
            for (int i = 0; i < 20_000; i++)
            {
                text.Clear();
                int length = random.Next(18);
                for (int j = 0; j < length; j++) text.Append(alphabet[random.Next(alphabet.Length)]);
                AssertSameAsFramework(text.ToString());
                AssertSameAsFramework($"{random.Next(256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}");
            }
        }

        private static void AssertSameAsFramework(string text)
        {
            bool expected = IPAddress.TryParse(text, out var framework);
            Assert.Equal(expected, AddressText.TryParse(text, out var ours));
            Assert.Equal(framework, ours);
        }
    }
}
