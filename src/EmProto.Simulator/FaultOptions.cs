using System;
using System.Collections.Generic;
using System.Globalization;

namespace EmProto.Simulator
{
    /// <summary>
    /// Misbehaviour a simulated charger can be told to show, each off by default. Ratios are
    /// probabilities from 0 to 1 applied per packet; every decision comes from a random generator
    /// seeded with <see cref="Seed"/>, so a run can be repeated exactly.
    /// </summary>
    public sealed class FaultOptions
    {
        /// <summary>The per-packet probabilities by name: what <see cref="Validate"/> checks and <see cref="AnyPacketFault"/> looks at.</summary>
        private static readonly KeyValuePair<string, Func<FaultOptions, double>>[] Ratios =
        {
            RatioOf(nameof(OutboundLossRatio), o => o.OutboundLossRatio),
            RatioOf(nameof(InboundLossRatio), o => o.InboundLossRatio),
            RatioOf(nameof(DuplicateRatio), o => o.DuplicateRatio),
            RatioOf(nameof(ReorderRatio), o => o.ReorderRatio),
            RatioOf(nameof(CorruptRatio), o => o.CorruptRatio),
            RatioOf(nameof(GarbageRatio), o => o.GarbageRatio),
            RatioOf(nameof(CoalesceRatio), o => o.CoalesceRatio),
        };

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
        public bool AnyPacketFault
        {
            get
            {
                foreach (var ratio in Ratios)
                {
                    if (ratio.Value(this) > 0) return true;
                }
                return false;
            }
        }

        /// <summary>A copy, so one options object can seed many chargers.</summary>
        public FaultOptions Clone() => (FaultOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            foreach (var ratio in Ratios)
            {
                double value = ratio.Value(this);
                if (double.IsNaN(value) || value < 0 || value > 1)
                    throw new ArgumentException(ratio.Key + " must be between 0 and 1; got " + value.ToString(CultureInfo.InvariantCulture) + ".", ratio.Key);
            }
            if (HoldTime < TimeSpan.Zero) throw new ArgumentException("HoldTime must not be negative.", nameof(HoldTime));
            Form(LoginForm, nameof(LoginForm), "70, 118, 119 or 151", 70, 118, 119, 151);
            Form(StatusForm, nameof(StatusForm), "25, 33 or 40 (or 0 for the firmware's form)", 0, 25, 33, 40);
            Form(ChargingStatusForm, nameof(ChargingStatusForm), "74 or 80 (or 0 for the firmware's form)", 0, 74, 80);
            Form(VersionForm, nameof(VersionForm), "36 or 37 (or 0 for the firmware's form)", 0, 36, 37);
            Form(NameForm, nameof(NameForm), "16 or 32 (or 0 for the firmware's width)", 0, 16, 32);
        }

        private static KeyValuePair<string, Func<FaultOptions, double>> RatioOf(string name, Func<FaultOptions, double> value) =>
            new KeyValuePair<string, Func<FaultOptions, double>>(name, value);

        /// <summary>Throws unless <paramref name="value"/> is one of <paramref name="forms"/> (<paramref name="allowed"/> says them in words).</summary>
        private static void Form(int value, string name, string allowed, params int[] forms)
        {
            if (Array.IndexOf(forms, value) < 0)
                throw new ArgumentException(name + " must be " + allowed + "; got " + value.ToString(CultureInfo.InvariantCulture) + ".", name);
        }
    }
}
