using System.Management.Automation;
using EmProto.PowerShell.Completion;
using EmProto.Simulator;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the simulated chargers running in this process.</para>
    /// <para type="description">Without -Serial, every simulated charger. With -Serial, those whose serial matches (wildcards allowed); a serial without wildcards that matches nothing is an error.</para>
    /// <example><code>Get-EvseSimulator | Format-List</code></example>
    /// <example><code>Get-EvseSimulator -Serial 5e5e*</code></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EvseSimulator")]
    [OutputType(typeof(SimulatedEvse))]
    public sealed class GetEvseSimulatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override bool RunsInAgent => false; // simulated chargers live in this session

        /// <summary>Serials to match (16 hex digits; wildcards allowed).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseSimulatorSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            var chosen = Serial == null ? SimulatorRegistry.Snapshot() : SimulatorSelection.Select(Serial, WriteError);
            foreach (var evse in chosen) WriteObject(evse);
        }
    }
}
