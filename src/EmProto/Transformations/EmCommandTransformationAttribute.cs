using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using EmProto.Protocol;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Turns what people type for EM commands into <see cref="EmCommand"/> values: names
    /// (RequestChargingStatus, case-insensitive), numbers (32774) and hexadecimal text ('0x8006'),
    /// one or a list. Numbers the protocol table does not name are kept as they are.
    /// </summary>
    public sealed class EmCommandTransformationAttribute : ValueTransformationAttribute
    {
        /// <inheritdoc/>
        protected override Type TargetType => typeof(EmCommand);

        /// <inheritdoc/>
        protected override string Expected => "An EM command is a name such as RequestChargingStatus or a number such as 0x8006 or 32774";

        /// <summary>One command or a list of them, always as an array.</summary>
        protected override object TransformValue(object value)
        {
            if (value is IEnumerable list && !(value is string))
            {
                var commands = new List<EmCommand>();
                foreach (var item in list)
                {
                    object one = Unwrap(item) ?? throw new ArgumentTransformationMetadataException(Expected + "; got nothing.");
                    commands.Add((EmCommand)base.TransformValue(one));
                }
                return commands.ToArray();
            }
            return new[] { (EmCommand)base.TransformValue(value) };
        }

        /// <inheritdoc/>
        protected override object ParseText(string text) => Parse(text.Trim());

        /// <inheritdoc/>
        protected override object FromOther(object value) =>
            IsNumber(value, TypeCode.Byte, TypeCode.Int64) ? FromNumber(System.Convert.ToInt64(value, CultureInfo.InvariantCulture), value) : base.FromOther(value);

        private static EmCommand Parse(string text)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
                long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
                return FromNumber(hex, text);
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                return FromNumber(number, text);
            foreach (EmCommand command in Enum.GetValues(typeof(EmCommand)))
            {
                if (string.Equals(command.ToString(), text, StringComparison.OrdinalIgnoreCase)) return command;
            }
            throw new ArgumentTransformationMetadataException(
                "'" + text + "' is not an EM command: use a name such as RequestChargingStatus or a number such as 0x8006 or 32774.");
        }

        private static EmCommand FromNumber(long number, object original)
        {
            if (number < 0 || number > ushort.MaxValue)
                throw new ArgumentTransformationMetadataException("'" + System.Convert.ToString(original, CultureInfo.InvariantCulture) + "' is not an EM command number (0 to 0xFFFF).");
            return (EmCommand)(ushort)number;
        }
    }
}
