using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Live status (commands 4 and 13): 25 bytes single-phase, 33 with L2/L3, 40 on newer
    /// three-phase firmware. Raw wire values are kept; scaled values are computed properties.
    /// </summary>
    public sealed class SingleAcStatusPayload : EmPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; }

        /// <summary>L1 voltage, raw (× 0.1 V).</summary>
        public ushort L1VoltageRaw { get; set; }

        /// <summary>L1 current, raw (× 0.01 A).</summary>
        public ushort L1CurrentRaw { get; set; }

        /// <summary>Reported power in watts (may be 0 or one phase only on some firmware).</summary>
        public uint PowerW { get; set; }

        /// <summary>Energy meter, raw (× 0.01 kWh).</summary>
        public uint MeterRaw { get; set; }

        /// <summary>Inner temperature, raw ((raw − 20000) × 0.01 °C; 0xFFFF absent).</summary>
        public ushort InnerTemperatureRaw { get; set; } = 0xFFFF;

        /// <summary>Outer temperature, raw.</summary>
        public ushort OuterTemperatureRaw { get; set; } = 0xFFFF;

        /// <summary>Emergency button state (1 = OK in every capture).</summary>
        public byte EmergencyButton { get; set; } = 1;

        /// <summary>Gun (plug) state.</summary>
        public GunState GunState { get; set; }

        /// <summary>Output (relay) state.</summary>
        public OutputState OutputState { get; set; }

        /// <summary>Current state byte as sent (see <see cref="EffectiveState"/>).</summary>
        public CurrentState CurrentState { get; set; }

        /// <summary>Error bits.</summary>
        public EvseErrors Errors { get; set; }

        /// <summary>L2 voltage, raw (33 and 40-byte forms).</summary>
        public ushort L2VoltageRaw { get; set; }

        /// <summary>L2 current, raw.</summary>
        public ushort L2CurrentRaw { get; set; }

        /// <summary>L3 voltage, raw.</summary>
        public ushort L3VoltageRaw { get; set; }

        /// <summary>L3 current, raw.</summary>
        public ushort L3CurrentRaw { get; set; }

        /// <summary>Phase count (40-byte form).</summary>
        public byte PhaseCount { get; set; }

        /// <summary>Secondary state (40-byte form; 0xFF unused; 18 or 19 override the state).</summary>
        public byte SecondaryState { get; set; } = 0xFF;

        /// <summary>The payload length form: 25, 33 or 40.</summary>
        public int Form { get; set; } = 25;

        /// <summary>The state after applying the 40-byte form's override.</summary>
        public CurrentState EffectiveState =>
            Form >= 40 && (SecondaryState == 18 || SecondaryState == 19) ? (CurrentState)SecondaryState : CurrentState;

        /// <summary>L1 voltage in volts.</summary>
        public double L1Volts => L1VoltageRaw * 0.1;

        /// <summary>L1 current in amps.</summary>
        public double L1Amps => L1CurrentRaw * 0.01;

        /// <summary>L2 voltage in volts.</summary>
        public double L2Volts => L2VoltageRaw * 0.1;

        /// <summary>L2 current in amps.</summary>
        public double L2Amps => L2CurrentRaw * 0.01;

        /// <summary>L3 voltage in volts.</summary>
        public double L3Volts => L3VoltageRaw * 0.1;

        /// <summary>L3 current in amps.</summary>
        public double L3Amps => L3CurrentRaw * 0.01;

        /// <summary>Energy meter in kWh.</summary>
        public double MeterKWh => MeterRaw * 0.01;

        /// <summary>Power in watts: the larger of the reported value and Σ V·A.</summary>
        public double EffectivePowerW => Math.Max(PowerW, L1Volts * L1Amps + L2Volts * L2Amps + L3Volts * L3Amps);

        /// <summary>Inner temperature in °C, or null when absent.</summary>
        public double? InnerTemperatureC => Temperature(InnerTemperatureRaw);

        /// <summary>Outer temperature in °C, or null when absent.</summary>
        public double? OuterTemperatureC => Temperature(OuterTemperatureRaw);

        /// <summary>Converts °C to the raw wire form (0xFFFF for null).</summary>
        public static ushort TemperatureToRaw(double? celsius)
        {
            if (celsius == null) return 0xFFFF;
            double raw = Math.Round(celsius.Value * 100 + 20000);
            if (raw < 0 || raw > 0xFFFE) throw new ArgumentOutOfRangeException(nameof(celsius), celsius, "Temperature must be between -200 °C and 455.34 °C.");
            return (ushort)raw;
        }

        private static double? Temperature(ushort raw) => raw == 0xFFFF ? (double?)null : (raw - 20000) * 0.01;

        /// <inheritdoc/>
        public override int Length => Form;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (Form != 25 && Form != 33 && Form != 40)
                throw new ArgumentException("Form must be 25, 33 or 40; got " + Form + ".", nameof(Form));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            BigEndian.Put16(b, o + 1, L1VoltageRaw);
            BigEndian.Put16(b, o + 3, L1CurrentRaw);
            BigEndian.Put32(b, o + 5, PowerW);
            BigEndian.Put32(b, o + 9, MeterRaw);
            BigEndian.Put16(b, o + 13, InnerTemperatureRaw);
            BigEndian.Put16(b, o + 15, OuterTemperatureRaw);
            b[o + 17] = EmergencyButton;
            b[o + 18] = (byte)GunState;
            b[o + 19] = (byte)OutputState;
            b[o + 20] = (byte)CurrentState;
            BigEndian.Put32(b, o + 21, (uint)Errors);
            if (Form >= 33)
            {
                BigEndian.Put16(b, o + 25, L2VoltageRaw);
                BigEndian.Put16(b, o + 27, L2CurrentRaw);
                BigEndian.Put16(b, o + 29, L3VoltageRaw);
                BigEndian.Put16(b, o + 31, L3CurrentRaw);
            }
            if (Form >= 40)
            {
                b[o + 33] = PhaseCount;
                b[o + 34] = SecondaryState;
                Array.Clear(b, o + 35, 5);
            }
        }

        internal static SingleAcStatusPayload Decode(byte[] b, int o, int n)
        {
            var p = new SingleAcStatusPayload
            {
                Form = n >= 40 ? 40 : n >= 33 ? 33 : 25,
                LineId = b[o],
                L1VoltageRaw = BigEndian.U16(b, o + 1),
                L1CurrentRaw = BigEndian.U16(b, o + 3),
                PowerW = BigEndian.U32(b, o + 5),
                MeterRaw = BigEndian.U32(b, o + 9),
                InnerTemperatureRaw = BigEndian.U16(b, o + 13),
                OuterTemperatureRaw = BigEndian.U16(b, o + 15),
                EmergencyButton = b[o + 17],
                GunState = (GunState)b[o + 18],
                OutputState = (OutputState)b[o + 19],
                CurrentState = (CurrentState)b[o + 20],
                Errors = (EvseErrors)BigEndian.U32(b, o + 21),
            };
            if (n >= 33)
            {
                p.L2VoltageRaw = BigEndian.U16(b, o + 25);
                p.L2CurrentRaw = BigEndian.U16(b, o + 27);
                p.L3VoltageRaw = BigEndian.U16(b, o + 29);
                p.L3CurrentRaw = BigEndian.U16(b, o + 31);
            }
            if (n >= 40)
            {
                p.PhaseCount = b[o + 33];
                p.SecondaryState = b[o + 34];
            }
            return p;
        }
    }
}
