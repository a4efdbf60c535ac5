using System;
using System.IO;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports the chargers (and their passwords) from the emproto library's evses.json.</para>
    /// <para type="description">Reads the file the TypeScript emproto library writes with saveEvses (an array of info, config, lastSeen and password, the password XOR 0xFF and base64) into the communicator and the known-chargers store, so its users can switch without entering passwords again.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "Evse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EvseCharger))]
    public sealed class ImportEvseCommand : EvseCmdletBase
    {
        /// <summary>The emproto evses.json file.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Write the imported chargers to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override object? ForwardedValue(string name, object? value) =>
            name == nameof(Path) && value is string path ? GetUnresolvedProviderPathFromPSPath(path) : base.ForwardedValue(name, value);

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            string file = GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(file))
            {
                WriteError(new ErrorRecord(new FileNotFoundException("The file '" + file + "' does not exist.", file), ErrorIds.ImportFileNotFound, ErrorCategory.ObjectNotFound, Path));
                return;
            }
            if (!ShouldProcess(file, "Import chargers and passwords into the known-chargers store")) return;
            try
            {
                var communicator = CommunicatorHolder.GetOrStart();
                foreach (var evse in communicator.ImportEmproto(file))
                {
                    WriteVerbose("Imported charger " + evse.Serial + (evse.HasPassword ? " with its password." : " (no password in the file)."));
                    if (PassThru) WriteObject(EvseCharger.From(evse));
                }
                // The import is kept in memory and written by a later save; a store that could not be written
                // now is said here, by the command that wrote to it.
                var storeError = CommunicatorHolder.TakeStoreError(communicator);
                if (storeError != null) WriteError(ErrorRecordFactory.StoreError(storeError, communicator.Options.StorePath));
            }
            catch (EvseException ex)
            {
                WriteError(ErrorRecordFactory.FromException(ex, Path));
            }
        }
    }
}
