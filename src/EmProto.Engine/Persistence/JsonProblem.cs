using System;
using System.Text.RegularExpressions;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Says in plain words what is wrong with a JSON file that the serializer rejected, without the
    /// serializer's type names and token jargon.
    /// </summary>
    internal static class JsonProblem
    {
        private static readonly Regex FoundToken = new Regex(@"was expected but found '(?<found>[^']*)'", RegexOptions.CultureInvariant);
        private static readonly Regex BadValue = new Regex(@"The value '(?<value>[^']*)' cannot be parsed as the type '(?<type>\w+)'", RegexOptions.CultureInvariant);
        private static readonly Regex UnexpectedCharacter = new Regex(@"[Ee]ncountered unexpected character '(?<found>[^']*)'", RegexOptions.CultureInvariant);

        /// <summary>What is wrong, e.g. "the text is not valid JSON near 'this'" or "the value 'abc' is not a whole number".</summary>
        public static string Describe(byte[] bytes, Exception ex)
        {
            if (IsBlank(bytes)) return "the file is empty";
            for (var e = ex; e != null; e = e.InnerException)
            {
                var m = BadValue.Match(e.Message);
                if (m.Success) return "the value '" + Shorten(m.Groups["value"].Value) + "' is not " + Expected(m.Groups["type"].Value);
                m = FoundToken.Match(e.Message);
                if (!m.Success) m = UnexpectedCharacter.Match(e.Message);
                if (m.Success) return "the text is not valid JSON near '" + Shorten(m.Groups["found"].Value) + "'";
            }
            return "the JSON does not have the expected shape (a field holds an object, a list or text where another kind of value belongs)";
        }

        /// <summary>The first character that is not white space, or '\0'.</summary>
        public static char FirstSignificant(byte[] bytes)
        {
            int i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            for (; i < bytes.Length; i++)
            {
                char c = (char)bytes[i];
                if (!char.IsWhiteSpace(c)) return c;
            }
            return '\0';
        }

        private static bool IsBlank(byte[] bytes) => FirstSignificant(bytes) == '\0';

        private static string Expected(string type)
        {
            switch (type.ToUpperInvariant())
            {
                case "INT16":
                case "INT32":
                case "INT64":
                case "INT":
                case "LONG":
                case "BYTE":
                    return "a whole number";
                case "DOUBLE":
                case "SINGLE":
                case "FLOAT":
                case "DECIMAL":
                    return "a number";
                case "BOOLEAN":
                case "BOOL":
                    return "true or false";
                default:
                    return "a value of the expected kind";
            }
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "...";
    }
}
