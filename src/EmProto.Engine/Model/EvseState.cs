using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>
    /// A charger's live status (SingleACStatus, commands 4 and 13): what Get-EvseState returns and
    /// what ConvertFrom-EvseDatagram gives for those datagrams.
    /// </summary>
    public sealed class EvseState
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>When this status arrived (for a decoded dump: when it was decoded).</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <summary>The overall state.</summary>
        public EvseMetaState State { get; set; }

        /// <summary>Protocol-level state in effect: the state byte, or the 40-byte form's override (18 or 19).</summary>
        public CurrentState CurrentState { get; set; }

        /// <summary>The state byte as sent (offset 20), before any override; kept for values without a name.</summary>
        public int CurrentStateRaw { get; set; }

        /// <summary>Plug state.</summary>
        public GunState GunState { get; set; }

        /// <summary>Output (relay) state.</summary>
        public OutputState OutputState { get; set; }

        /// <summary>Output state number as sent (its meaning differs between sources).</summary>
        public int OutputStateRaw { get; set; }

        /// <summary>Emergency button: Released in normal operation, Pressed during an emergency stop.</summary>
        public EmergencyButtonState EmergencyButton { get; set; }

        /// <summary>Emergency button number as sent.</summary>
        public int EmergencyButtonRaw { get; set; }

        /// <summary>Line id.</summary>
        public int LineId { get; set; }

        /// <summary>L1 voltage (V).</summary>
        public double L1Volts { get; set; }

        /// <summary>L1 current (A).</summary>
        public double L1Amps { get; set; }

        /// <summary>L2 voltage (V).</summary>
        public double L2Volts { get; set; }

        /// <summary>L2 current (A).</summary>
        public double L2Amps { get; set; }

        /// <summary>L3 voltage (V).</summary>
        public double L3Volts { get; set; }

        /// <summary>L3 current (A).</summary>
        public double L3Amps { get; set; }

        /// <summary>Power in kW: the larger of the reported value and Σ V·A.</summary>
        public double PowerKW { get; set; }

        /// <summary>The power field as reported, in kW (may be 0 or one phase only on some firmware).</summary>
        public double ReportedPowerKW { get; set; }

        /// <summary>Energy meter (kWh).</summary>
        public double EnergyMeterKWh { get; set; }

        /// <summary>Inner temperature (°C), null when absent.</summary>
        public double? InnerTemperatureC { get; set; }

        /// <summary>Outer temperature (°C), null when absent.</summary>
        public double? OuterTemperatureC { get; set; }

        /// <summary>Error bits.</summary>
        public EvseErrors Errors { get; set; }

        /// <summary>Error bits as a number.</summary>
        public long ErrorBits { get; set; }

        /// <summary>True when any error bit is set.</summary>
        public bool HasError => Errors != EvseErrors.None;

        /// <summary>The number of phases reported (1 or 3).</summary>
        public int Phases { get; set; } = 1;

        /// <summary>The payload form the status came in: 25, 33 or 40 bytes.</summary>
        public int Form { get; set; }

        /// <summary>The state a status payload describes, in units (rounded as shown), with the overall state computed.</summary>
        public static EvseState FromPayload(string serial, SingleAcStatusPayload p, DateTimeOffset receivedAt)
        {
            if (p == null) throw new ArgumentNullException(nameof(p));
            var s = new EvseState
            {
                Serial = serial ?? string.Empty,
                ReceivedAt = receivedAt,
                CurrentState = p.EffectiveState,
                CurrentStateRaw = (byte)p.CurrentState,
                GunState = p.GunState,
                OutputState = p.OutputState,
                OutputStateRaw = (byte)p.OutputState,
                EmergencyButton = (EmergencyButtonState)p.EmergencyButton,
                EmergencyButtonRaw = p.EmergencyButton,
                LineId = p.LineId,
                L1Volts = Math.Round(p.L1Volts, 1),
                L1Amps = Math.Round(p.L1Amps, 2),
                L2Volts = Math.Round(p.L2Volts, 1),
                L2Amps = Math.Round(p.L2Amps, 2),
                L3Volts = Math.Round(p.L3Volts, 1),
                L3Amps = Math.Round(p.L3Amps, 2),
                PowerKW = Math.Round(p.EffectivePowerW / 1000.0, 3),
                ReportedPowerKW = Math.Round(p.PowerW / 1000.0, 3),
                EnergyMeterKWh = WireValues.Hundredths(p.MeterRaw),
                InnerTemperatureC = Round2(p.InnerTemperatureC),
                OuterTemperatureC = Round2(p.OuterTemperatureC),
                Errors = p.Errors,
                ErrorBits = (uint)p.Errors,
                Phases = p.Form >= 40 && p.PhaseCount == 3 || p.L2VoltageRaw > 0 || p.L3VoltageRaw > 0 ? 3 : 1,
                Form = p.Form,
            };
            s.State = MetaStateOf(s);
            return s;
        }

        private static double? Round2(double? v) => v.HasValue ? Math.Round(v.Value, 2) : (double?)null;

        private static EvseMetaState MetaStateOf(EvseState s)
        {
            if (s.Errors != EvseErrors.None) return EvseMetaState.Error;
            switch (s.CurrentState)
            {
                case CurrentState.EvseFault:
                case CurrentState.ChargingFault:
                case CurrentState.ChargingFault3:
                    return EvseMetaState.Error;
                case CurrentState.NotConnected: return EvseMetaState.Idle;
                case CurrentState.ReadyToCharge:
                case CurrentState.WaitingForButton:
                case CurrentState.WaitingForSwipe:
                    return EvseMetaState.PluggedIn;
                case CurrentState.Charging: return EvseMetaState.Charging;
                case CurrentState.Reservation: return EvseMetaState.Reserved;
                case CurrentState.Completed:
                case CurrentState.CompletedFull:
                case CurrentState.StoppedByCar:
                case CurrentState.State19:
                    return s.GunState == GunState.Disconnected ? EvseMetaState.Idle : EvseMetaState.Finished;
                default:
                    if (s.OutputState == OutputState.Charging) return EvseMetaState.Charging;
                    if (s.GunState == GunState.Disconnected) return EvseMetaState.Idle;
                    if (s.GunState == GunState.ConnectedLocked || s.GunState == GunState.ConnectedUnlocked) return EvseMetaState.PluggedIn;
                    return EvseMetaState.Unknown;
            }
        }

        /// <summary>A copy.</summary>
        public EvseState Clone() => (EvseState)MemberwiseClone();

        /// <summary>True when the readings a person would care about differ.</summary>
        public bool DiffersFrom(EvseState? other) =>
            other == null || other.State != State || other.CurrentState != CurrentState || other.CurrentStateRaw != CurrentStateRaw || other.GunState != GunState ||
            other.OutputStateRaw != OutputStateRaw || other.Errors != Errors || other.EmergencyButtonRaw != EmergencyButtonRaw ||
            Math.Abs(other.PowerKW - PowerKW) >= 0.01 || Math.Abs(other.EnergyMeterKWh - EnergyMeterKWh) >= 0.01 ||
            Math.Abs(other.L1Amps - L1Amps) >= 0.1 || Math.Abs(other.L2Amps - L2Amps) >= 0.1 || Math.Abs(other.L3Amps - L3Amps) >= 0.1 ||
            other.InnerTemperatureC != InnerTemperatureC;

        /// <inheritdoc/>
        public override string ToString() => State + ", " + PowerKW.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " kW";
    }
}
