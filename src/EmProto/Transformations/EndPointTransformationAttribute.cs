using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Turns 'host:port' text (an IPv4 address or 'localhost'), a bare port number, or an
    /// <see cref="IPEndPoint"/> into an <see cref="IPEndPoint"/>. Host names are not resolved.
    /// </summary>
    public sealed class EndPointTransformationAttribute : ValueTransformationAttribute
    {
        /// <inheritdoc/>
        protected override Type TargetType => typeof(IPEndPoint);

        /// <inheritdoc/>
        protected override string Expected => "An endpoint is 'address:port' (for example 127.0.0.1:28376), a port number, or an IPEndPoint";

        /// <inheritdoc/>
        protected override object FromOther(object value) =>
            value is int port ? new IPEndPoint(IPAddress.Loopback, CheckPort(port, value)) : base.FromOther(value);

        /// <inheritdoc/>
        protected override object ParseText(string text)
        {
            text = text.Trim();
            int colon = text.LastIndexOf(':');
            string host = colon < 0 ? "127.0.0.1" : text.Substring(0, colon);
            string portText = colon < 0 ? text : text.Substring(colon + 1);
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port))
                throw new ArgumentTransformationMetadataException("'" + text + "' is not an endpoint: use 'address:port', for example 127.0.0.1:28376.");
            IPAddress? address;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) address = IPAddress.Loopback;
            else if (!IPAddress.TryParse(host, out address))
                throw new ArgumentTransformationMetadataException("'" + host + "' is not an IP address (host names are not resolved); use for example 127.0.0.1:28376.");
            return new IPEndPoint(address, CheckPort(port, text));
        }

        private static int CheckPort(int port, object original)
        {
            if (port < 1 || port > 65535)
                throw new ArgumentTransformationMetadataException("The port in '" + Convert.ToString(original, CultureInfo.InvariantCulture) + "' must be 1 to 65535.");
            return port;
        }
    }
}
