using System;
using System.Collections.Generic;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// The reading direction of <see cref="StoreFields"/>: each member is taken from the parsed JSON object
    /// (<see cref="JsonParser"/>); the value passed in is ignored. A member of the wrong type is a
    /// <see cref="FormatException"/> that names it; unknown members are never asked for.
    /// </summary>
    internal sealed class StoreFieldReader : StoreFields
    {
        private Dictionary<string, object?> _o;

        public StoreFieldReader(Dictionary<string, object?> root) => _o = root;

        public override string Text(string name, string value) => Str(name) ?? string.Empty;

        public override string? OptionalText(string name, string? value) => Str(name);

        public override string? NullableText(string name, string? value) => Str(name);

        public override int Int(string name, int value) => OptionalInt(name, null) ?? 0;

        public override int IntUnlessZero(string name, int value) => OptionalInt(name, null) ?? 0;

        public override int? OptionalInt(string name, int? value) => Find(name, out var v) ? ToInt(v, name) : (int?)null;

        public override double Number(string name, double value) => OptionalNumber(name, null) ?? 0;

        public override double NumberUnlessZero(string name, double value) => OptionalNumber(name, null) ?? 0;

        public override double? OptionalNumber(string name, double? value)
        {
            if (!Find(name, out var v)) return null;
            return v is double d ? d : throw new FormatException("'" + name + "' is not a number");
        }

        public override bool Bool(string name, bool value)
        {
            if (!Find(name, out var v)) return false;
            return v is bool b ? b : throw new FormatException("'" + name + "' is not true or false");
        }

        public override bool TrueOrLeftOut(string name, bool value) => Bool(name, value);

        public override int[]? OptionalInts(string name, int[]? value)
        {
            if (!_o.ContainsKey(name)) return null;
            var list = new List<int>();
            foreach (var v in Array(name)) list.Add(ToInt(v, name));
            return list.ToArray();
        }

        public override T? OptionalObject<T>(string name, T? value, Func<T> create, Action<StoreFields, T> members)
            where T : class =>
            _o.TryGetValue(name, out var v) && v is Dictionary<string, object?> o ? Object(o, create, members) : null;

        public override List<T>? OptionalList<T>(string name, List<T>? items, Func<T> create, Action<StoreFields, T> members)
            where T : class
        {
            if (!_o.ContainsKey(name)) return null;
            var list = new List<T>();
            foreach (var item in Array(name))
            {
                if (item is Dictionary<string, object?> o) list.Add(Object(o, create, members));
            }
            return list;
        }

        /// <summary>Reads one object: a new <typeparamref name="T"/> with its members taken from <paramref name="o"/>.</summary>
        public T Object<T>(Dictionary<string, object?> o, Func<T> create, Action<StoreFields, T> members)
        {
            var outer = _o;
            _o = o;
            var value = create();
            members(this, value);
            _o = outer;
            return value;
        }

        private bool Find(string name, out object? value) => _o.TryGetValue(name, out value) && value != null;

        private string? Str(string name)
        {
            if (!Find(name, out var v)) return null;
            return v as string ?? throw new FormatException("'" + name + "' is not a string");
        }

        private List<object?> Array(string name)
        {
            if (!Find(name, out var v)) return new List<object?>();
            return v as List<object?> ?? throw new FormatException("'" + name + "' is not an array");
        }

        private static int ToInt(object? v, string name)
        {
            if (v is double d && d >= int.MinValue && d <= int.MaxValue && Math.Floor(d) == d) return (int)d;
            throw new FormatException("'" + name + "' is not a whole number");
        }
    }
}
