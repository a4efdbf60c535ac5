using System;
using System.Globalization;

namespace EmProto.Protocol
{
    /// <summary>Facts about command numbers.</summary>
    public static class EmCommands
    {
        /// <summary>True when the library names this command.</summary>
        public static bool IsKnown(EmCommand command) => Enum.IsDefined(typeof(EmCommand), command);

        /// <summary>The command's name, or "Unknown(0x1234)".</summary>
        public static string Name(EmCommand command) =>
            IsKnown(command) ? command.ToString() : "Unknown(0x" + ((ushort)command).ToString("x4", CultureInfo.InvariantCulture) + ")";

        /// <summary>True for app-to-charger commands (0x8000 and above).</summary>
        public static bool IsAppToCharger(EmCommand command) => (ushort)command >= 0x8000;

        /// <summary>The minimum payload length accepted from the network for this command (from <see cref="EmCommandTable"/>).</summary>
        public static int MinimumPayloadLength(EmCommand command) => EmCommandTable.Get(command)?.MinimumPayloadLength ?? 0;

        /// <summary>True for datagrams a charger sends on its own (commands 1-13; see <see cref="EmCommandInfo.IsOriginatedByCharger"/>).</summary>
        public static bool IsOriginatedByCharger(EmCommand command) => EmCommandTable.Get(command)?.IsOriginatedByCharger ?? false;
    }
}
