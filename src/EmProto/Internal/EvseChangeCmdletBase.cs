using System.Management.Automation;
using EmProto.PowerShell.Completion;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The base of cmdlets that change chargers: -Serial is required and exact. Derived cmdlets declare
    /// SupportsShouldProcess and ask ShouldProcess before anything is sent.
    /// </summary>
    public abstract class EvseChangeCmdletBase : EvseTargetCmdletBase
    {
        /// <summary>Serials of the chargers (exact); bound by property name from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SerialSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <inheritdoc/>
        protected override string[]? Serials => Serial;
    }
}
