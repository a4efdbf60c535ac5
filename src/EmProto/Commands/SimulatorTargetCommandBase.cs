using System.Management.Automation;
using EmProto.PowerShell.Completion;
using EmProto.Simulator;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Base of the cmdlets that act on simulated chargers given on the pipeline or by -Serial
    /// (wildcards allowed; a serial without wildcards that matches nothing is an error).
    /// </summary>
    public abstract class SimulatorTargetCommandBase : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override bool RunsInAgent => false; // simulated chargers live in this session

        /// <summary>Parameter set: simulators from the pipeline.</summary>
        protected const string InputObjectSet = "InputObject";

        /// <summary>Parameter set: simulators by serial.</summary>
        protected const string SerialSet = "Serial";

        /// <summary>The simulators to act on.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public SimulatedEvse[]? InputObject { get; set; }

        /// <summary>Serials of the simulators to act on (wildcards allowed).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SerialSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseSimulatorSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <summary>Write the simulators acted on to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    foreach (var evse in InputObject!) Act(evse);
                    break;
                case SerialSet:
                    foreach (var evse in SimulatorSelection.Select(Serial!, WriteError)) Act(evse);
                    break;
                default:
                    foreach (var evse in SimulatorRegistry.Snapshot()) Act(evse);
                    break;
            }
        }

        /// <summary>Acts on one simulator (ShouldProcess and -PassThru are the implementation's).</summary>
        protected abstract void Act(SimulatedEvse evse);
    }
}
