using System;

namespace EmProto.Protocol
{
    /// <summary>
    /// A fixed-width text field that keeps the bytes it was read from, so that echoing it (a
    /// charge id in an acknowledgement) gives back exactly what the charger sent, whatever those
    /// bytes are. Setting the text drops the kept bytes; setting the bytes sets the text as read.
    /// </summary>
    internal sealed class EchoedText
    {
        private readonly int _width;
        private readonly string _field;
        private string _text = string.Empty;
        private byte[]? _bytes;

        public EchoedText(int width, string field)
        {
            _width = width;
            _field = field;
        }

        public string Text
        {
            get => _text;
            set
            {
                _text = value ?? string.Empty;
                _bytes = null;
            }
        }

        /// <summary>The kept bytes, or the text's ASCII bytes zero-padded when none were kept (a copy).</summary>
        public byte[] Bytes
        {
            get => _bytes != null ? (byte[])_bytes.Clone() : EmText.ToBytes(_text, _width);
            set
            {
                if (value == null || value.Length != _width)
                    throw new ArgumentException(_field + "Bytes must be exactly " + _width + " bytes; got " + (value == null ? "null" : value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".", _field + "Bytes");
                _bytes = (byte[])value.Clone();
                _text = EmText.Read(_bytes, 0, _width);
            }
        }

        public void Validate()
        {
            if (_bytes == null) EmText.Validate(_text, _width, _field);
        }

        public void Write(byte[] b, int offset)
        {
            if (_bytes != null) Buffer.BlockCopy(_bytes, 0, b, offset, _width);
            else EmText.Write(b, offset, _width, _text, _field);
        }

        public void Read(byte[] b, int offset) => Bytes = EmText.Copy(b, offset, _width);
    }
}
