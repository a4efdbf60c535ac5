using System;
using System.Collections.Generic;
using System.Text;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>What a charger's firmware did with an optional request.</summary>
    public enum EvseCapability
    {
        /// <summary>Not asked yet (since the firmware version last changed).</summary>
        NotAsked,
        /// <summary>The charger answered it.</summary>
        Answered,
        /// <summary>The charger ignored it: it is asked again at most once per login, never per call.</summary>
        Ignored,
    }

    /// <summary>
    /// What a charger answers among the optional requests (those some firmware ignores; see
    /// <see cref="EmCommandTable"/>), learned from traffic and kept in the store. A snapshot.
    /// </summary>
    public sealed class EvseCapabilities
    {
        /// <summary>The optional requests the engine uses, in display order.</summary>
        public static readonly IReadOnlyList<EmCommand> Tracked = new[]
        {
            EmCommand.RequestChargingStatus, EmCommand.SetAndGetAlarmChargeStrategy, EmCommand.Brightness,
        };

        private readonly Dictionary<EmCommand, EvseCapability> _states;

        internal EvseCapabilities(Dictionary<EmCommand, EvseCapability> states, string firmware)
        {
            _states = states;
            Firmware = firmware;
        }

        /// <summary>The software version the capabilities were learned with (empty when not known).</summary>
        public string Firmware { get; }

        /// <summary>0x8006: asking for the charging status.</summary>
        public EvseCapability ChargingStatus => this[EmCommand.RequestChargingStatus];

        /// <summary>0x810E: the weekly schedule.</summary>
        public EvseCapability Schedule => this[EmCommand.SetAndGetAlarmChargeStrategy];

        /// <summary>0x8162: the screen brightness.</summary>
        public EvseCapability Brightness => this[EmCommand.Brightness];

        /// <summary>The state of one optional request.</summary>
        public EvseCapability this[EmCommand request] => _states.TryGetValue(request, out var s) ? s : EvseCapability.NotAsked;

        /// <summary>"ChargingStatus=Ignored, Schedule=Answered, Brightness=NotAsked".</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append("ChargingStatus=").Append(ChargingStatus).Append(", Schedule=").Append(Schedule).Append(", Brightness=").Append(Brightness);
            return sb.ToString();
        }
    }
}
