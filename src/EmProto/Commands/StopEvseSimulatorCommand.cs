using System.Management.Automation;
using EmProto.Simulator;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops simulated chargers.</para>
    /// <para type="description">Stops the chargers given on the pipeline or by -Serial (wildcards allowed); without either, stops every simulated charger in this process.</para>
    /// <example><code>Stop-EvseSimulator</code></example>
    /// <example><code>Get-EvseSimulator -Serial 5e5e* | Stop-EvseSimulator -PassThru</code></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "EvseSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AllSet)]
    [OutputType(typeof(SimulatedEvse))]
    public sealed class StopEvseSimulatorCommand : SimulatorTargetCommandBase
    {
        private const string AllSet = "All";

        /// <inheritdoc/>
        protected override void Act(SimulatedEvse evse) => StopOne(evse);

        private void StopOne(SimulatedEvse evse)
        {
            if (!ShouldProcess(evse.Serial + " (port " + evse.Port + ")", "Stop simulated charger")) return;
            SimulatorRegistry.Stop(evse);
            WriteVerbose("Stopped simulated charger " + evse.Serial + ".");
            if (PassThru) WriteObject(evse);
        }
    }
}
