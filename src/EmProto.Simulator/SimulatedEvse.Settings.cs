using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // The SetAndGet family: settings the app reads and writes, and settings changed at the
    // charger itself (its screen or phone app), which the charger then pushes to the app.
    public sealed partial class SimulatedEvse
    {
        private const string NamePrefix = "ACP#";

        /// <summary>
        /// Changes the output current as if on the charger's screen or phone app: a registered app is
        /// sent SetAndGetOutputElectricity (0x0107) with action 1 and the new value, then a status push.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not 6 to <see cref="MaxAmps"/>.</exception>
        public void ChangeMaxCurrentLocally(int amps)
        {
            if (amps < 6 || amps > _options.MaxAmps)
                throw new ArgumentOutOfRangeException(nameof(amps), amps, "The current must be 6 to " + _options.MaxAmps + " A (the charger's maximum).");
            Control(() =>
            {
                if (_configuredAmps != amps) _changed = true;
                _configuredAmps = amps;
                PushSetting(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = (byte)amps });
            });
        }

        /// <summary>
        /// Changes the name as if on the charger's screen or phone app: a registered app is sent
        /// SetAndGetNickName (0x0108) with action 1 and the new name, in the firmware's field width.
        /// </summary>
        /// <exception cref="ArgumentException">Not ASCII, or longer than the firmware's name field.</exception>
        public void ChangeNameLocally(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            EmText.Validate(name, Math.Min(28, _firmware.NameWidth), nameof(name));
            Control(() =>
            {
                _name = name;
                PushSetting(EmCommand.SetAndGetNickName, NameReply(SetAndGetAction.Set));
            });
        }

        /// <summary>
        /// Changes the offline charge (start mode) byte as if on the charger's screen or phone app: a
        /// registered app is sent SetAndGetOffLineCharge (0x010D) with action 1 and the new value.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not 0, 1 or 2.</exception>
        public void ChangeOfflineChargeLocally(byte value) =>
            ChangeLocally(_offlineCharge, value, nameof(value), value, "The offline charge value must be 0, 1 or 2.");

        /// <summary>
        /// Changes the display language as if on the charger's screen: a registered app is sent
        /// SetAndGetLanguage (0x010F) with action 1 and the new value.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not a language the charger knows (1 to 6).</exception>
        public void ChangeLanguageLocally(EvseLanguage language) =>
            ChangeLocally(_language, (byte)language, nameof(language), language, "The language must be one of 1 to 6.");

        /// <summary>
        /// Changes the temperature unit as if on the charger's screen: a registered app is sent
        /// SetAndGetTemperatureUnit (0x0112) with action 1 and the new value.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Neither Celsius nor Fahrenheit.</exception>
        public void ChangeTemperatureUnitLocally(TemperatureUnit unit) =>
            ChangeLocally(_temperatureUnit, (byte)unit, nameof(unit), unit, "The temperature unit must be Celsius or Fahrenheit.");

        /// <summary>
        /// Takes a one-byte setting changed at the charger and pushes it to a registered app with action 1;
        /// a value the charger does not take throws, naming <paramref name="parameter"/>.
        /// </summary>
        private void ChangeLocally<T>(ByteSetting<T> setting, byte value, string parameter, object actual, string message)
            where T : ActionBytePayload, new()
        {
            if (!setting.Accepts(value)) throw new ArgumentOutOfRangeException(parameter, actual, message);
            Control(() =>
            {
                setting.Value = value;
                PushSetting(setting.Request, setting.Reply(SetAndGetAction.Set));
            });
        }

        /// <summary>
        /// Pushes a setting changed at the charger to the registered app (nothing when none is), as the reply to
        /// <paramref name="request"/> it would send when asked.
        /// </summary>
        private void PushSetting(EmCommand request, EmPayload payload)
        {
            if (!_registered) return;
            SendToApp(EmCommandTable.ReplyTo(request), payload);
            Counters.AddSettingPushes();
        }

        private bool OnSystemTime(in Datagram d)
        {
            if (!(d.Payload is SystemTimePayload request)) return false;
            bool set = request.Action == SetAndGetAction.Set && !request.Time.IsZero;
            if (set)
            {
                var offset = request.Time.ToInstant(_zone) - SimNow;
                if (offset.Duration() > MaxClockOffset) return false;
                _clockOffset = offset;
            }
            // Seen on real chargers: a SET is answered with action 0, a read with action 1.
            return Answered(d, new SystemTimePayload { Action = set ? SetAndGetAction.Report : SetAndGetAction.Set, Time = Em(ChargerClock) });
        }

        private bool OnGetVersion(in Datagram d) => Answered(d, BuildVersion());

        private bool OnOutputElectricity(in Datagram d)
        {
            if (!(d.Payload is OutputElectricityPayload amps)) return false;
            if (amps.Action == SetAndGetAction.Set && amps.Amps >= 6 && amps.Amps <= _options.MaxAmps && amps.Amps != _configuredAmps)
            {
                _configuredAmps = amps.Amps;
                _changed = true;
            }
            return Answered(d, new OutputElectricityPayload { Action = amps.Action, Amps = (byte)_configuredAmps });
        }

        private bool OnNickName(in Datagram d)
        {
            if (!(d.Payload is NickNamePayload name)) return false;
            if (name.Action == SetAndGetAction.Set && name.Name.StartsWith(NamePrefix, StringComparison.Ordinal))
            {
                var text = name.Name.Substring(NamePrefix.Length).Trim();
                // A name longer than the firmware's field is not taken; the reply shows the old one.
                if (text.Length <= _firmware.NameWidth) _name = text;
            }
            return Answered(d, NameReply(name.Action));
        }

        /// <summary>A one-byte SetAndGet: a SET with a value the charger takes changes it; the reply carries the value in force.</summary>
        private bool OnByteSetting<T>(in Datagram d, ByteSetting<T> setting) where T : ActionBytePayload, new()
        {
            if (!(d.Payload is T request)) return false;
            if (request.Action == SetAndGetAction.Set && setting.Accepts(request.RawValue)) setting.Value = request.RawValue;
            return Answered(d, setting.Reply(request.Action));
        }

        private bool OnSchedule(in Datagram d)
        {
            if (!(d.Payload is WeeklySchedulePayload request)) return false;
            if (request.Action == SetAndGetAction.Set)
            {
                if (request.Slots == null || request.Slots.Length != 7) return false;
                foreach (var s in request.Slots)
                {
                    if (s.Hour > 23 || s.Minute > 59) return false;
                }
                for (int i = 0; i < 7; i++) _schedule[i] = CopySlot(request.Slots[i]);
            }
            var slots = new ScheduleSlot[7];
            for (int i = 0; i < 7; i++) slots[i] = CopySlot(_schedule[i]);
            return Answered(d, new WeeklySchedulePayload { Action = request.Action, Slots = slots });
        }

        private bool OnBrightness(in Datagram d)
        {
            if (!(d.Payload is BrightnessPayload brightness)) return false;
            if (brightness.Action == SetAndGetAction.Set && brightness.Value <= 100) _brightness = brightness.Value;
            return Answered(d, new BrightnessPayload { Action = SetAndGetAction.Set, Value = _brightness });
        }

        private bool OnSetPassword(in Datagram d)
        {
            if (!(d.Payload is SetPasswordPayload pin)) return false;
            if (!pin.NewPassword.IsPresent || !IsSixDigits(pin.NewPassword.Reveal())) return false;
            _password = pin.NewPassword;
            return true;
        }

        private NickNamePayload NameReply(SetAndGetAction action) => new NickNamePayload { Action = action, Name = _name, NameWidth = _firmware.NameWidth };

        private static ScheduleSlot CopySlot(ScheduleSlot s) =>
            new ScheduleSlot { Mode = s.Mode, Hour = s.Hour, Minute = s.Minute, DurationMinutes = s.DurationMinutes, Reserved = s.Reserved };

        private static bool IsSixDigits(string s)
        {
            if (s.Length != 6) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>
        /// A one-byte SetAndGet setting (u8 action, u8 value): the value in force, the values the charger
        /// takes, and the reply that carries it. Read and written under the charger's lock.
        /// </summary>
        private sealed class ByteSetting<T> where T : ActionBytePayload, new()
        {
            private readonly Func<byte, bool> _accepts;

            internal ByteSetting(EmCommand request, byte initial, Func<byte, bool> accepts)
            {
                Request = request;
                Value = initial;
                _accepts = accepts;
            }

            /// <summary>The app's SetAndGet request for the setting.</summary>
            internal EmCommand Request { get; }

            /// <summary>The value in force.</summary>
            internal byte Value { get; set; }

            /// <summary>True for a value the charger takes.</summary>
            internal bool Accepts(byte value) => _accepts(value);

            /// <summary>The payload that tells the value in force with <paramref name="action"/>.</summary>
            internal T Reply(SetAndGetAction action) => new T { Action = action, RawValue = Value };
        }
    }
}
