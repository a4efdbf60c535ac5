using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Runs when the module is removed (Remove-Module): stops the simulated chargers this session
    /// started, and the process's communicator (CommunicatorHolder). Other parts of the module add their own cleanup here.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <inheritdoc/>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) SimulatorRegistry.StopAll();
            else SimulatorRegistry.StopOwnedBy(runspace.InstanceId);
            CommunicatorHolder.Reset();
        }
    }
}
