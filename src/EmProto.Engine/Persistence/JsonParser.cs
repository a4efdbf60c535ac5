using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EmProto.Engine.Persistence
{
    /// <summary>A strict JSON parser into dictionaries, lists, strings, doubles, booleans and null.</summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 32;
        private readonly string _s;
        private int _i;

        /// <summary>A parser over the whole text of one document.</summary>
        public JsonParser(string s) => _s = s;

        /// <summary>The document's one value; text after it is an error.</summary>
        public object? ParseDocument()
        {
            var value = ParseValue(0);
            SkipSpace();
            if (_i != _s.Length) throw Error("unexpected text after the end of the document");
            return value;
        }

        private object? ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nested too deeply");
            SkipSpace();
            if (_i >= _s.Length) throw Error("unexpected end of the document");
            char c = _s[_i];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return ParseString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private Dictionary<string, object?> ParseObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _i++;
            SkipSpace();
            if (Peek() == '}') { _i++; return result; }
            while (true)
            {
                SkipSpace();
                if (Peek() != '"') throw Error("expected a member name");
                string name = ParseString();
                SkipSpace();
                if (Peek() != ':') throw Error("expected ':'");
                _i++;
                result[name] = ParseValue(depth + 1);
                SkipSpace();
                char c = Peek();
                _i++;
                if (c == '}') return result;
                if (c != ',') throw Error("expected ',' or '}'");
            }
        }

        private List<object?> ParseArray(int depth)
        {
            var result = new List<object?>();
            _i++;
            SkipSpace();
            if (Peek() == ']') { _i++; return result; }
            while (true)
            {
                result.Add(ParseValue(depth + 1));
                SkipSpace();
                char c = Peek();
                _i++;
                if (c == ']') return result;
                if (c != ',') throw Error("expected ',' or ']'");
            }
        }

        private string ParseString()
        {
            _i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_i >= _s.Length) throw Error("unterminated string");
                char c = _s[_i++];
                if (c == '"') return sb.ToString();
                if (c < ' ') throw Error("control character in a string");
                if (c != '\\') { sb.Append(c); continue; }
                if (_i >= _s.Length) throw Error("unterminated string");
                char e = _s[_i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            throw Error("bad \\u escape");
                        sb.Append((char)code);
                        _i += 4;
                        break;
                    default: throw Error("bad escape '\\" + e + "'");
                }
            }
        }

        private double ParseNumber()
        {
            int start = _i;
            if (Peek() == '-') _i++;
            while (_i < _s.Length && "0123456789.eE+-".IndexOf(_s[_i]) >= 0) _i++;
            if (!double.TryParse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                throw Error("bad number");
            return d;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) throw Error("unexpected character '" + _s[_i] + "'");
            _i += word.Length;
        }

        private char Peek() => _i < _s.Length ? _s[_i] : '\0';

        private void SkipSpace()
        {
            while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\n' || _s[_i] == '\r')) _i++;
        }

        private FormatException Error(string what)
        {
            int line = 1, column = 1;
            for (int k = 0; k < _i && k < _s.Length; k++)
            {
                if (_s[k] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
            int end = _i;
            while (end < _s.Length && end - _i < 20 && !char.IsWhiteSpace(_s[end]) && _s[end] != ',' && _s[end] != '}' && _s[end] != ']') end++;
            string near = end > _i ? " near '" + _s.Substring(_i, end - _i) + "'" : string.Empty;
            return new FormatException("the text is not valid JSON" + near + " (line " + line.ToString(CultureInfo.InvariantCulture) +
                ", column " + column.ToString(CultureInfo.InvariantCulture) + "): " + what);
        }
    }
}
