using System;
using System.Collections.Generic;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// One list of members serves both directions of <see cref="StoreJson"/>: a description of a file
    /// object calls these once per member, in file order, with the member's JSON name and current value,
    /// and assigns what comes back. The writer (<see cref="StoreFieldWriter"/>) writes the value and gives
    /// it back unchanged; the reader (<see cref="StoreFieldReader"/>) gives back what the file holds.
    /// Each name says how the member is written and what is read when the file lacks it.
    /// </summary>
    internal abstract class StoreFields
    {
        /// <summary>A string that is always written; "" when missing.</summary>
        public abstract string Text(string name, string value);

        /// <summary>A string left out when null; null when missing.</summary>
        public abstract string? OptionalText(string name, string? value);

        /// <summary>A string written as JSON null when null; null when missing.</summary>
        public abstract string? NullableText(string name, string? value);

        /// <summary>A whole number that is always written; 0 when missing.</summary>
        public abstract int Int(string name, int value);

        /// <summary>A whole number left out when 0; 0 when missing.</summary>
        public abstract int IntUnlessZero(string name, int value);

        /// <summary>A whole number left out when null; null when missing.</summary>
        public abstract int? OptionalInt(string name, int? value);

        /// <summary>A number that is always written; 0 when missing.</summary>
        public abstract double Number(string name, double value);

        /// <summary>A number left out when 0; 0 when missing.</summary>
        public abstract double NumberUnlessZero(string name, double value);

        /// <summary>A number left out when null; null when missing.</summary>
        public abstract double? OptionalNumber(string name, double? value);

        /// <summary>True or false, always written; false when missing.</summary>
        public abstract bool Bool(string name, bool value);

        /// <summary>True or false, left out when false; false when missing.</summary>
        public abstract bool TrueOrLeftOut(string name, bool value);

        /// <summary>An array of whole numbers left out when null; null when missing.</summary>
        public abstract int[]? OptionalInts(string name, int[]? value);

        /// <summary>A nested object left out when null; null when missing (or not an object).</summary>
        public abstract T? OptionalObject<T>(string name, T? value, Func<T> create, Action<StoreFields, T> members)
            where T : class;

        /// <summary>An array of objects left out when null; null when missing (items that are not objects are skipped).</summary>
        public abstract List<T>? OptionalList<T>(string name, List<T>? items, Func<T> create, Action<StoreFields, T> members)
            where T : class;
    }
}
