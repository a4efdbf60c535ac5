using System;
using System.Management.Automation;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// The base of the module's argument transformations: takes the value out of its PSObject wrapper,
    /// passes null and values of the target type through, hands text to <see cref="ParseText"/> and
    /// anything else to <see cref="FromOther"/>; what neither takes is an error that says what is expected.
    /// Every transformation goes on properties and fields (the usage is inherited).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public abstract class ValueTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The type the parameter takes; a value of it passes through unchanged.</summary>
        protected abstract Type TargetType { get; }

        /// <summary>What the parameter takes, for errors: a sentence without the final full stop.</summary>
        protected abstract string Expected { get; }

        /// <inheritdoc/>
        public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            return value == null ? null : TransformValue(value);
        }

        /// <summary>Turns a value (never null, never a PSObject wrapper) into the target type.</summary>
        /// <exception cref="ArgumentTransformationMetadataException">The value cannot be turned into the type.</exception>
        protected virtual object TransformValue(object value) =>
            TargetType.IsInstanceOfType(value) ? value
            : value is string text ? ParseText(text)
            : FromOther(value);

        /// <summary>Turns text (as given, not trimmed) into the target type.</summary>
        protected virtual object ParseText(string text) => throw WrongType(text);

        /// <summary>Turns a value that is neither text nor of the target type into it; by default an error.</summary>
        protected virtual object FromOther(object value) => throw WrongType(value);

        /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
        protected static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>
        /// True when the value is a number whose type code lies from <paramref name="first"/> to <paramref name="last"/>
        /// (SByte to Decimal: every number; Byte to Int64: the integers that fit a long without sign trouble). Enums are not numbers.
        /// </summary>
        protected static bool IsNumber(object value, TypeCode first, TypeCode last)
        {
            if (value == null || value is Enum) return false;
            var code = Type.GetTypeCode(value.GetType());
            return code >= first && code <= last;
        }

        /// <summary>The error for a value of a type the transformation does not take.</summary>
        protected ArgumentTransformationMetadataException WrongType(object value) =>
            new ArgumentTransformationMetadataException(Expected + "; got a " + value.GetType().Name + ".");
    }
}
