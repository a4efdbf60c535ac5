using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // Building the payloads the charger sends, in the forms its firmware uses.
    public sealed partial class SimulatedEvse
    {
        private LoginPayload BuildLogin() => new LoginPayload
        {
            Form = _options.Faults.LoginForm,
            Type = _options.EffectiveTypeCode,
            Brand = _options.Brand,
            Model = _options.EffectiveModel,
            HardwareVersion = _options.HardwareVersion,
            MaxPowerW = (uint)_options.EffectiveMaxPowerW,
            MaxAmps = (byte)_options.MaxAmps,
            HotLine = _options.HotLine,
        };

        private VersionPayload BuildVersion() => new VersionPayload
        {
            HardwareVersion = _options.HardwareVersion,
            SoftwareVersion = _softwareVersion,
            Feature = 0x42296d48,
            SupportNew = _firmware.VersionForm == 37 ? (byte)1 : (byte?)null,
        };

        private SingleAcStatusPayload BuildStatus()
        {
            bool charging = IsCharging;
            double amps = charging ? _active!.Amps : 0;
                        var volts = new double[3];
            double power = 0;
            for (int i = 0; i < _options.Phases; i++)
            {
                volts[i] = Math.Round((NominalVolts + (_random.NextDouble() * 4.0 - 2.0)) * 10) / 10;
                power += volts[i] * amps;
            }
            return new SingleAcStatusPayload
            {
                Form = _firmware.StatusForm,
                LineId = 1,
                L1VoltageRaw = (ushort)Math.Round(volts[0] * 10),
                L1CurrentRaw = (ushort)Math.Round(amps * 100),
                PowerW = (uint)Math.Round(power),
                MeterRaw = Raw(_meterKWh),
                InnerTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(charging ? 38.5 : 27.0),
                OuterTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(charging ? 31.0 : 25.0),
                EmergencyButton = _emergency ? (byte)2 : (byte)1,
                GunState = ComputeGun(),
                OutputState = charging ? OutputState.Charging : OutputState.Idle,
                CurrentState = ComputeState(),
                Errors = _errors,
                L2VoltageRaw = (ushort)Math.Round(volts[1] * 10),
                L2CurrentRaw = _options.Phases == 3 ? (ushort)Math.Round(amps * 100) : (ushort)0,
                L3VoltageRaw = (ushort)Math.Round(volts[2] * 10),
                L3CurrentRaw = _options.Phases == 3 ? (ushort)Math.Round(amps * 100) : (ushort)0,
                PhaseCount = (byte)_options.Phases,
                SecondaryState = 0xFF,
            };
        }

        private ChargingStatusPayload BuildChargingStatus()
        {
            var s = _active ?? _last;
            var p = new ChargingStatusPayload
            {
                Port = 1,
                CurrentState = ComputeState(),
                CurrentMeterRaw = Raw(_meterKWh),
                MaxAmps = (byte)_configuredAmps,
                Extension = _firmware.ChargingStatusForm == 80 ? new byte[6] : null,
            };
            if (s == null) return p;
            p.ChargeId = s.ChargeId;
            p.UserId = s.UserId;
            p.Terms = s.Terms;
            p.MaxAmps = (byte)s.Amps;
            if (s.ReservedFor.HasValue) p.ReservationDate = Em(s.ReservedFor.Value);
            if (s.StartedAt.HasValue) p.StartDate = Em(s.StartedAt.Value);
            p.DurationSeconds = (uint)Math.Round(s.Duration.TotalSeconds);
            p.StartMeterRaw = s.Phase == SimulatedSessionPhase.Charging ? Raw(s.StartMeterKWh) : 0;
            p.ChargedEnergyRaw = Raw(s.EnergyKWh);
            return p;
        }

        private ChargeRecordPayload BuildRecord(SimulatedSession s, byte stopReason)
        {
            var samples = s.SamplesCopy();
            return new ChargeRecordPayload
            {
                LineId = 1,
                StartUserId = s.UserId,
                EndUserId = s.EndedBy,
                ChargeId = s.ChargeId,
                HasReservation = s.ReservedFor.HasValue ? (byte)1 : (byte)0,
                Terms = s.Terms,
                StopReason = stopReason,
                HasStopCharge = 1,
                ReservationDate = s.ReservedFor.HasValue ? Em(s.ReservedFor.Value) : default,
                StartDate = Em(s.StartedAt!.Value),
                StopDate = Em(s.StoppedAt!.Value),
                ChargedSeconds = (uint)Math.Round(s.Duration.TotalSeconds),
                StartMeterRaw = Raw(s.StartMeterKWh),
                StopMeterRaw = Raw(s.StartMeterKWh + s.EnergyKWh),
                ChargedEnergyRaw = Raw(s.EnergyKWh),
                DeclaredSampleCount = (ushort)samples.Length,
                Slots = samples,
            };
        }
    }
}
