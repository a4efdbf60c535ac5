using System;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>A charger's configuration, read with the GET form of each SetAndGet command.</summary>
    public sealed class EvseConfig
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>When it was read.</summary>
        public DateTimeOffset ReadAt { get; set; }

        /// <summary>
        /// When a setting was last changed since the read: set by this process and verified by the charger's
        /// echo, or pushed by the charger; null when nothing changed since <see cref="ReadAt"/>.
        /// </summary>
        public DateTimeOffset? ChangedAt { get; set; }

        /// <summary>The charger's name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Display language.</summary>
        public EvseLanguage Language { get; set; }

        /// <summary>Temperature unit.</summary>
        public TemperatureUnit TemperatureUnit { get; set; }

        /// <summary>Offline charge mode (name given by the seed library's reading).</summary>
        public OfflineCharge OfflineCharge { get; set; }

        /// <summary>Offline charge number as sent (sources disagree on its meaning).</summary>
        public int OfflineChargeRaw { get; set; }

        /// <summary>Configured maximum current (A).</summary>
        public int MaxCurrent { get; set; }

        /// <summary>Weekly schedule, when the charger answered for it.</summary>
        public EvseSchedule? Schedule { get; set; }

        /// <summary>Screen brightness 0-100, on chargers that answer it (null otherwise; see Capabilities).</summary>
        public int? Brightness { get; set; }

        /// <summary>A deep copy (the schedule too): editing it never changes the cached configuration.</summary>
        public EvseConfig Clone()
        {
            var copy = (EvseConfig)MemberwiseClone();
            copy.Schedule = Schedule?.Clone();
            return copy;
        }

        /// <inheritdoc/>
        public override string ToString() => "'" + Name + "', " + MaxCurrent + " A";
    }
}
