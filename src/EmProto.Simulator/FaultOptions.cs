using System;

namespace EmProto.Simulator
{
    /// <summary>
    /// Misbehaviour a simulated charger can be told to show, each off by default. Ratios are
    /// probabilities from 0 to 1 applied per packet; every decision comes from a random generator
    /// seeded with <see cref="Seed"/>, so a run can be repeated exactly.
    /// </summary>
    public sealed class FaultOptions
    {
        /// <summary>Probability that a packet to the app is dropped.</summary>
        public double OutboundLossRatio { get; set; }

        /// <summary>Probability that a packet from the app is dropped unread.</summary>
        public double InboundLossRatio { get; set; }

        /// <summary>Probability that a packet to the app is sent twice.</summary>
        public double DuplicateRatio { get; set; }

        /// <summary>Probability that a packet to the app is held back and sent after the next one (or after <see cref="HoldTime"/>).</summary>
        public double ReorderRatio { get; set; }

        /// <summary>Probability that a packet to the app has one byte changed (its checksum no longer fits).</summary>
        public double CorruptRatio { get; set; }

        /// <summary>Probability that a packet to the app is followed by a packet of random bytes.</summary>
        public double GarbageRatio { get; set; }

        /// <summary>Probability that a packet to the app is held back and sent together with the next one, in one UDP packet.</summary>
        public double CoalesceRatio { get; set; }

        /// <summary>How long a held-back packet waits for a successor before it is sent alone (default 0.2 s).</summary>
        public TimeSpan HoldTime { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>Seed of the random generator behind every fault decision and the voltage noise.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Login payload length: 70 (default), 118, 119 or 151.</summary>
        public int LoginForm { get; set; } = 70;

        /// <summary>
        /// Status payload length: 25, 33 or 40; 0 (default) uses the firmware profile's form
        /// (<see cref="SimulatorFirmware.Full"/>: 25 for one phase, 33 for three).
        /// </summary>
        public int StatusForm { get; set; }

        /// <summary>Charging status payload length: 74 or 80; 0 (default) uses the firmware profile's form (Full: 74).</summary>
        public int ChargingStatusForm { get; set; }

        /// <summary>Version payload length: 37 (with the supportNew byte) or 36; 0 (default) uses the firmware profile's form (Full: 37).</summary>
        public int VersionForm { get; set; }

        /// <summary>Width of the name field in nickname replies: 32 or 16; 0 (default) uses the firmware profile's width (Full: 32).</summary>
        public int NameForm { get; set; }

        /// <summary>Send the status push as command 13 (status record) instead of 4.</summary>
        public bool StatusAsRecord { get; set; }

        /// <summary>True when any packet-level fault has a non-zero ratio.</summary>
        public bool AnyPacketFault =>
            OutboundLossRatio > 0 || InboundLossRatio > 0 || DuplicateRatio > 0 || ReorderRatio > 0 ||
            CorruptRatio > 0 || GarbageRatio > 0 || CoalesceRatio > 0;

        /// <summary>A copy, so one options object can seed many chargers.</summary>
        public FaultOptions Clone() => (FaultOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            Ratio(OutboundLossRatio, nameof(OutboundLossRatio));
            Ratio(InboundLossRatio, nameof(InboundLossRatio));
            Ratio(DuplicateRatio, nameof(DuplicateRatio));
            Ratio(ReorderRatio, nameof(ReorderRatio));
            Ratio(CorruptRatio, nameof(CorruptRatio));
            Ratio(GarbageRatio, nameof(GarbageRatio));
            Ratio(CoalesceRatio, nameof(CoalesceRatio));
            if (HoldTime < TimeSpan.Zero) throw new ArgumentException("HoldTime must not be negative.", nameof(HoldTime));
            if (LoginForm != 70 && LoginForm != 118 && LoginForm != 119 && LoginForm != 151)
                throw new ArgumentException("LoginForm must be 70, 118, 119 or 151; got " + LoginForm + ".", nameof(LoginForm));
            if (StatusForm != 0 && StatusForm != 25 && StatusForm != 33 && StatusForm != 40)
                throw new ArgumentException("StatusForm must be 25, 33 or 40 (or 0 for the firmware's form); got " + StatusForm + ".", nameof(StatusForm));
            if (ChargingStatusForm != 0 && ChargingStatusForm != 74 && ChargingStatusForm != 80)
                throw new ArgumentException("ChargingStatusForm must be 74 or 80 (or 0 for the firmware's form); got " + ChargingStatusForm + ".", nameof(ChargingStatusForm));
            if (VersionForm != 0 && VersionForm != 36 && VersionForm != 37)
                throw new ArgumentException("VersionForm must be 36 or 37 (or 0 for the firmware's form); got " + VersionForm + ".", nameof(VersionForm));
            if (NameForm != 0 && NameForm != 16 && NameForm != 32)
                throw new ArgumentException("NameForm must be 16 or 32 (or 0 for the firmware's width); got " + NameForm + ".", nameof(NameForm));
        }

        private static void Ratio(double value, string name)
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
                throw new ArgumentException(name + " must be between 0 and 1; got " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", name);
        }
    }
}
