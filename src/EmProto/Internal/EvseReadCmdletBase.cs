using System.Management.Automation;
using EmProto.PowerShell.Completion;

namespace EmProto.PowerShell
{
    /// <summary>The base of cmdlets that read from chargers: -Serial is optional and takes wildcards.</summary>
    public abstract class EvseReadCmdletBase : EvseTargetCmdletBase
    {
        /// <summary>Serials of the chargers (wildcards allowed); bound by property name from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SerialSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EvseSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <inheritdoc/>
        protected override string[]? Serials => Serial;

        /// <inheritdoc/>
        protected override bool SerialWildcards => true;
    }
}
