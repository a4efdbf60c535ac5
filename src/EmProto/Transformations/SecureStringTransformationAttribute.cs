using System;
using System.Management.Automation;
using System.Security;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Lets a SecureString parameter also take a plain string (for scripts). The usual caveat applies:
    /// a string was in clear in memory before it got here.
    /// </summary>
    public sealed class SecureStringTransformationAttribute : ValueTransformationAttribute
    {
        /// <inheritdoc/>
        protected override Type TargetType => typeof(SecureString);

        /// <inheritdoc/>
        protected override string Expected => "A password is a SecureString, a string or a number";

        /// <inheritdoc/>
        protected override object ParseText(string text) => ToSecureString(text);

        /// <summary>A number becomes its digits; anything else is left for the parameter binder to reject.</summary>
        protected override object FromOther(object value) =>
            value is int || value is long ? ToSecureString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) : value;

        /// <summary>Copies a string into a read-only SecureString.</summary>
        public static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text ?? string.Empty) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
