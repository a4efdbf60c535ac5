using System;
using System.Management.Automation;
using System.Security;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Lets a SecureString parameter also take a plain string (for scripts). The usual caveat applies:
    /// a string was in clear in memory before it got here.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ValueTransformationAttribute
    {
        /// <inheritdoc/>
        protected override object TransformValue(object value)
        {
            if (value is string s) return ToSecureString(s);
            if (value is int || value is long) return ToSecureString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            return value;
        }

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
