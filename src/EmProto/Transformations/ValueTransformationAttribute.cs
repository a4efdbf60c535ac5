using System.Management.Automation;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// The base of the module's argument transformations: takes the value out of its PSObject wrapper,
    /// passes null through, and hands anything else to <see cref="TransformValue"/>.
    /// </summary>
    public abstract class ValueTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            return value == null ? null : TransformValue(value);
        }

        /// <summary>Turns a value (never null, never a PSObject wrapper) into the parameter's type.</summary>
        /// <exception cref="ArgumentTransformationMetadataException">The value cannot be turned into the type.</exception>
        protected abstract object TransformValue(object value);

        /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
        protected static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>The error for a value of a type the transformation does not take.</summary>
        /// <param name="expected">What the parameter takes, as a sentence without the final full stop.</param>
        /// <param name="value">The value given.</param>
        protected static ArgumentTransformationMetadataException WrongType(string expected, object value) =>
            new ArgumentTransformationMetadataException(expected + "; got a " + value.GetType().Name + ".");
    }
}
