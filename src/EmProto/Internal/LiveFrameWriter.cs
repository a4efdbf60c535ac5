using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Turns successive screens of lines into the text (with ANSI escape sequences) that redraws them in place
    /// below the prompt: back to the first line of the last screen, each line rewritten and cleared to its end,
    /// and whatever the last screen had below cleared. Lines must be narrower than the window. When the window's
    /// size changes (lines may have re-wrapped, or the last screen may no longer fit) the screen is cleared and
    /// drawn from the top.
    /// </summary>
    internal sealed class LiveFrameWriter
    {
        private const string Csi = "\u001b[";
        private int _lines;
        private int _width;
        private int _height;

        /// <summary>Hides the cursor while the view is live.</summary>
        public static string Begin() => Csi + "?25l";

        /// <summary>Leaves the view: the cursor goes below the last screen and shows again.</summary>
        public string End()
        {
            string text = (_lines > 0 ? "\r\n" : string.Empty) + Csi + "?25h";
            _lines = 0;
            return text;
        }

        /// <summary>The text that replaces the last screen by <paramref name="lines"/> in a window of <paramref name="width"/> × <paramref name="height"/>.</summary>
        public string Frame(IReadOnlyList<string> lines, int width, int height)
        {
            var sb = new StringBuilder();
            if (_lines > 0 && (width != _width || height != _height))
            {
                sb.Append(Csi).Append("2J").Append(Csi).Append('H');
            }
            else if (_lines > 0)
            {
                sb.Append('\r');
                if (_lines > 1) sb.Append(Csi).Append((_lines - 1).ToString(CultureInfo.InvariantCulture)).Append('A');
            }
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) sb.Append("\r\n");
                sb.Append(lines[i]).Append(Csi).Append('K');
            }
            sb.Append(Csi).Append('J');
            _lines = lines.Count;
            _width = width;
            _height = height;
            return sb.ToString();
        }
    }
}
