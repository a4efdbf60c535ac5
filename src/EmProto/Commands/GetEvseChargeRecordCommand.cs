using System;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets the charge records (finished sessions) the chargers have sent; no network.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseChargeRecord", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseChargeRecord))]
    public sealed class GetEvseChargeRecordCommand : EvseReadCmdletBase
    {
        /// <summary>Only records that started at or after this time.</summary>
        [Parameter]
        public DateTimeOffset? After { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            foreach (var record in evse.Records)
            {
                if (After.HasValue && (!record.Start.HasValue || record.Start.Value < After.Value)) continue;
                WriteObject(record);
            }
        }
    }
}
