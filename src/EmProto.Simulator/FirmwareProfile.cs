using System.Collections.Generic;
using EmProto.Protocol;

namespace EmProto.Simulator
{
    /// <summary>
    /// The wire behaviour of one simulated charger, resolved once from its options: the firmware
    /// profile's payload forms and silences, with explicit form options and
    /// <see cref="SimulatorOptions.IgnoredCommands"/> applied on top.
    /// </summary>
    internal sealed class FirmwareProfile
    {
        private static readonly EmCommand[] TelestarIgnores =
        {
            EmCommand.SingleAcChargingStatusAcknowledge,
            EmCommand.RequestChargingStatus,
            EmCommand.RequestStatusRecord,
            EmCommand.SetAndGetAlarmChargeStrategy,
            EmCommand.Brightness,
        };

        private readonly HashSet<EmCommand> _ignored;

        private FirmwareProfile(SimulatorFirmware firmware, HashSet<EmCommand> ignored)
        {
            Firmware = firmware;
            _ignored = ignored;
        }

        /// <summary>The profile.</summary>
        internal SimulatorFirmware Firmware { get; }

        /// <summary>Status payload length (25, 33 or 40).</summary>
        internal int StatusForm { get; private set; }

        /// <summary>Charging status payload length (74 or 80).</summary>
        internal int ChargingStatusForm { get; private set; }

        /// <summary>Version payload length (36 or 37).</summary>
        internal int VersionForm { get; private set; }

        /// <summary>Width of the nickname field (16 or 32).</summary>
        internal int NameWidth { get; private set; }

        /// <summary>The command finished sessions are reported with (9 or 10).</summary>
        internal EmCommand RecordCommand { get; private set; }

        /// <summary>
        /// True when the charging status (5) goes out with every status push while a session is
        /// charging or planned, and once after a login, instead of on its own cadence.
        /// </summary>
        internal bool ChargingStatusFollowsStatus { get; private set; }

        /// <summary>Resolves the behaviour for these (validated) options.</summary>
        internal static FirmwareProfile Resolve(SimulatorOptions options)
        {
            var ignored = new HashSet<EmCommand>(options.IgnoredCommands);
            if (options.Firmware == SimulatorFirmware.Telestar) ignored.UnionWith(TelestarIgnores);
            var p = new FirmwareProfile(options.Firmware, ignored);
            switch (options.Firmware)
            {
                case SimulatorFirmware.Telestar:
                    p.Set(statusForm: 25, chargingStatusForm: 74, versionForm: 37, nameWidth: 32, EmCommand.CurrentChargeRecord);
                    p.ChargingStatusFollowsStatus = true;
                    break;
                case SimulatorFirmware.BS20:
                    p.Set(statusForm: 40, chargingStatusForm: 80, versionForm: 36, nameWidth: 16, EmCommand.UploadLocalChargeRecord);
                    break;
                default:
                    p.Set(statusForm: options.Phases == 3 ? 33 : 25, chargingStatusForm: 74, versionForm: 37, nameWidth: 32, EmCommand.UploadLocalChargeRecord);
                    break;
            }
            var faults = options.Faults;
            if (faults.StatusForm != 0) p.StatusForm = faults.StatusForm;
            if (faults.ChargingStatusForm != 0) p.ChargingStatusForm = faults.ChargingStatusForm;
            if (faults.VersionForm != 0) p.VersionForm = faults.VersionForm;
            if (faults.NameForm != 0) p.NameWidth = faults.NameForm;
            return p;
        }

        /// <summary>True when the charger silently ignores this request.</summary>
        internal bool Ignores(EmCommand request) => _ignored.Contains(request);

        /// <summary>
        /// True when this acknowledge removes a pending record: the one that belongs to the record
        /// command; <see cref="SimulatorFirmware.Full"/> accepts both 0x8009 and 0x800A.
        /// </summary>
        internal bool AcceptsRecordAcknowledge(EmCommand acknowledge) =>
            Firmware == SimulatorFirmware.Full || acknowledge == EmCommandTable.Get(RecordCommand)?.Acknowledgement;

        private void Set(int statusForm, int chargingStatusForm, int versionForm, int nameWidth, EmCommand recordCommand)
        {
            StatusForm = statusForm;
            ChargingStatusForm = chargingStatusForm;
            VersionForm = versionForm;
            NameWidth = nameWidth;
            RecordCommand = recordCommand;
        }
    }
}
