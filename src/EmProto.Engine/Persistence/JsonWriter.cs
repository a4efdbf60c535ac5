using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EmProto.Engine.Persistence
{
    /// <summary>Indented JSON text; commas and line breaks are placed by the nesting state.</summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly Stack<bool> _hasItems = new Stack<bool>();
        private bool _afterMember;

        public JsonWriter BeginObject() => Open('{');

        public JsonWriter EndObject() => Close('}');

        public JsonWriter BeginArray() => Open('[');

        public JsonWriter EndArray() => Close(']');

        public JsonWriter Member(string name)
        {
            NextItem();
            AppendQuoted(name);
            _sb.Append(": ");
            _afterMember = true;
            return this;
        }

        public void OptionalString(string name, string? value)
        {
            if (value != null) Member(name).String(value);
        }

        public void NullableString(string? value)
        {
            if (value == null) Raw("null");
            else String(value);
        }

        public void String(string value)
        {
            Value();
            AppendQuoted(value);
        }

        public void Number(int value) => Raw(value.ToString(CultureInfo.InvariantCulture));

        public void Number(double value) => Raw(value.ToString("R", CultureInfo.InvariantCulture));

        public void Bool(bool value) => Raw(value ? "true" : "false");

        public override string ToString() => _sb.ToString();

        private void Raw(string text)
        {
            Value();
            _sb.Append(text);
        }

        private JsonWriter Open(char bracket)
        {
            Value();
            _sb.Append(bracket);
            _hasItems.Push(false);
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            bool any = _hasItems.Pop();
            if (any) NewLine();
            _sb.Append(bracket);
            return this;
        }

        /// <summary>Before a value: after a member name nothing; inside an array a new item.</summary>
        private void Value()
        {
            if (_afterMember) { _afterMember = false; return; }
            if (_hasItems.Count > 0) NextItem();
        }

        private void NextItem()
        {
            bool any = _hasItems.Pop();
            if (any) _sb.Append(',');
            _hasItems.Push(true);
            NewLine();
        }

        private void NewLine()
        {
            _sb.Append('\n');
            _sb.Append(' ', _hasItems.Count * 2);
        }

        private void AppendQuoted(string s)
        {
            _sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': _sb.Append("\\\""); break;
                    case '\\': _sb.Append("\\\\"); break;
                    case '\n': _sb.Append("\\n"); break;
                    case '\r': _sb.Append("\\r"); break;
                    case '\t': _sb.Append("\\t"); break;
                    default:
                        if (c < ' ') _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else _sb.Append(c);
                        break;
                }
            }
            _sb.Append('"');
        }
    }
}
