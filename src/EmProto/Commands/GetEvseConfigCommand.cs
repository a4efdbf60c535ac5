using System;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets chargers' configuration (name, maximum current, language, temperature unit, offline charge, schedule).</summary>
    [Cmdlet(VerbsCommon.Get, "EvseConfig", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseConfig))]
    public sealed class GetEvseConfigCommand : EvseReadCmdletBase
    {
        /// <summary>Read the configuration again when the one in memory is older than this (TimeSpan or seconds; default 120 s; 0 always reads).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? MaxAge { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            WriteVerbose("Reading the configuration of " + Describe(evse) + " (unless a fresh one is in memory).");
            var maxAge = MaxAge;
            WriteObject(Run(ct => evse.GetConfigAsync(maxAge, ct), "Reading the configuration of " + evse.Serial, serial: evse.Serial));
        }
    }
}
