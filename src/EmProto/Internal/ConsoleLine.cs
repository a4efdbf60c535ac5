using System.Collections.Generic;
using System.Text;

namespace EmProto.PowerShell
{
    /// <summary>
    /// One line of a console view, built from pieces of text that may carry a colour (an ANSI SGR code such as "32").
    /// It is cut to a width by its visible characters, so colour codes never count against the width.
    /// </summary>
    internal sealed class ConsoleLine
    {
        private const char Escape = '\u001b';
        private readonly List<KeyValuePair<string, string?>> _pieces = new List<KeyValuePair<string, string?>>();

        /// <summary>The number of visible characters.</summary>
        public int Length { get; private set; }

        /// <summary>Adds text, optionally coloured with an SGR code.</summary>
        public ConsoleLine Append(string text, string? style = null)
        {
            if (string.IsNullOrEmpty(text)) return this;
            _pieces.Add(new KeyValuePair<string, string?>(text, style));
            Length += text.Length;
            return this;
        }

        /// <summary>Adds spaces up to <paramref name="column"/> (at least <paramref name="minimum"/>).</summary>
        public ConsoleLine PadTo(int column, int minimum = 0) => Append(new string(' ', System.Math.Max(minimum, column - Length)));

        /// <summary>The line cut to <paramref name="width"/> visible characters, with colour codes when <paramref name="color"/> is set.</summary>
        public string Render(int width, bool color)
        {
            var sb = new StringBuilder();
            int left = width;
            foreach (var piece in _pieces)
            {
                if (left <= 0) break;
                string text = piece.Key.Length > left ? piece.Key.Substring(0, left) : piece.Key;
                left -= text.Length;
                if (color && piece.Value != null) sb.Append(Escape).Append('[').Append(piece.Value).Append('m').Append(text).Append(Escape).Append("[0m");
                else sb.Append(text);
            }
            return sb.ToString();
        }

        /// <inheritdoc/>
        public override string ToString() => Render(int.MaxValue, false);
    }
}
