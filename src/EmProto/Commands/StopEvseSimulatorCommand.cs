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
    public sealed class StopEvseSimulatorCommand : PSCmdlet
    {
        private const string AllSet = "All";
        private const string InputObjectSet = "InputObject";
        private const string SerialSet = "Serial";

        /// <summary>The simulators to stop.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public SimulatedEvse[]? InputObject { get; set; }

        /// <summary>Serials of the simulators to stop (wildcards allowed).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SerialSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Serial { get; set; }

        /// <summary>Write the stopped simulators to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    foreach (var evse in InputObject!) StopOne(evse);
                    break;
                case SerialSet:
                    var all = SimulatorRegistry.Snapshot();
                    foreach (var pattern in Serial!)
                    {
                        var matches = SimulatorSelection.Match(all, pattern);
                        if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern)) WriteError(SimulatorSelection.NotFound(pattern));
                        foreach (var evse in matches) StopOne(evse);
                    }
                    break;
                default:
                    foreach (var evse in SimulatorRegistry.Snapshot()) StopOne(evse);
                    break;
            }
        }

        private void StopOne(SimulatedEvse evse)
        {
            if (!ShouldProcess(evse.Serial + " (port " + evse.Port + ")", "Stop simulated charger")) return;
            SimulatorRegistry.Stop(evse);
            WriteVerbose("Stopped simulated charger " + evse.Serial + ".");
            if (PassThru) WriteObject(evse);
        }
    }
}
