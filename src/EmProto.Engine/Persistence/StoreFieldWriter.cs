using System;
using System.Collections.Generic;

namespace EmProto.Engine.Persistence
{
    /// <summary>The writing direction of <see cref="StoreFields"/>: each member goes to a <see cref="JsonWriter"/>, its value comes back unchanged.</summary>
    internal sealed class StoreFieldWriter : StoreFields
    {
        private readonly JsonWriter _w;

        public StoreFieldWriter(JsonWriter writer) => _w = writer;

        public override string Text(string name, string value)
        {
            _w.Member(name).String(value);
            return value;
        }

        public override string? OptionalText(string name, string? value)
        {
            _w.OptionalString(name, value);
            return value;
        }

        public override string? NullableText(string name, string? value)
        {
            _w.Member(name).NullableString(value);
            return value;
        }

        public override int Int(string name, int value)
        {
            _w.Member(name).Number(value);
            return value;
        }

        public override int IntUnlessZero(string name, int value) => value != 0 ? Int(name, value) : value;

        public override int? OptionalInt(string name, int? value) => value.HasValue ? Int(name, value.Value) : value;

        public override double Number(string name, double value)
        {
            _w.Member(name).Number(value);
            return value;
        }

        public override double NumberUnlessZero(string name, double value) => value != 0 ? Number(name, value) : value;

        public override double? OptionalNumber(string name, double? value) => value.HasValue ? Number(name, value.Value) : value;

        public override bool Bool(string name, bool value)
        {
            _w.Member(name).Bool(value);
            return value;
        }

        public override bool TrueOrLeftOut(string name, bool value) => value && Bool(name, value);

        public override int[]? OptionalInts(string name, int[]? value)
        {
            if (value == null) return null;
            _w.Member(name).BeginArray();
            foreach (int v in value) _w.Number(v);
            _w.EndArray();
            return value;
        }

        public override T? OptionalObject<T>(string name, T? value, Func<T> create, Action<StoreFields, T> members)
            where T : class
        {
            if (value == null) return null;
            _w.Member(name);
            Object(value, members);
            return value;
        }

        public override List<T>? OptionalList<T>(string name, List<T>? items, Func<T> create, Action<StoreFields, T> members)
            where T : class
        {
            if (items == null) return null;
            _w.Member(name).BeginArray();
            foreach (var item in items) Object(item, members);
            _w.EndArray();
            return items;
        }

        /// <summary>Writes one object: its members between braces.</summary>
        public void Object<T>(T value, Action<StoreFields, T> members)
        {
            _w.BeginObject();
            members(this, value);
            _w.EndObject();
        }
    }
}
