using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Reads chargers' clocks, with the skew against this host.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseSystemTime", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseSystemTime))]
    public sealed class GetEvseSystemTimeCommand : EvseReadCmdletBase
    {
        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            WriteVerbose("Sending the clock read (SetAndGetSystemTime) to " + Describe(evse) + ".");
            var time = Run(ct => evse.GetSystemTimeAsync(ct), "Reading the clock of " + evse.Serial, serial: evse.Serial);
            if (time.TimeZoneHint != null) WriteWarning(time.TimeZoneHint);
            WriteObject(time);
        }
    }
}
