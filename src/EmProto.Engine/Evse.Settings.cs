namespace EmProto.Engine
{
    /// <summary>Writing settings: each SET is verified by the charger's echo.</summary>
    public sealed partial class Evse
    {
        /// <summary>Sets the name (written with the ACP# prefix; at most 28 ASCII characters). Verified by the echo.</summary>
        public async Task SetNameAsync(string name, CancellationToken cancellationToken = default)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            string trimmed = name.Trim();
            try
            {
                EmText.Validate(trimmed, 32 - NamePrefix.Length, "Name");
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidName, ex.Message, Serial);
            }
            await SetAsync(EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Set, Name = NamePrefix + trimmed },
                p => StripPrefix(((NickNamePayload)p).Name) == trimmed, p => StripPrefix(((NickNamePayload)p).Name), "name", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Name = trimmed);
        }

        /// <summary>Sets the configured maximum current (6 to the charger's maximum). Verified by the echo.</summary>
        public async Task SetMaxCurrentAsync(int amps, CancellationToken cancellationToken = default)
        {
            ValidateCurrent(amps);
            await SetAsync(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = (byte)amps },
                p => ((OutputElectricityPayload)p).Amps == amps, p => ((OutputElectricityPayload)p).Amps, "maximum current", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.MaxCurrent = amps);
        }

        /// <summary>Sets the offline charge mode (raw value 0-255 is sent as given). Verified by the echo.</summary>
        public async Task SetOfflineChargeAsync(OfflineCharge mode, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload { Action = SetAndGetAction.Set, Mode = mode },
                p => ((OfflineChargePayload)p).Mode == mode, p => ((OfflineChargePayload)p).Mode, "offline charge", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c =>
            {
                c.OfflineCharge = mode;
                c.OfflineChargeRaw = (byte)mode;
            });
        }

        /// <summary>Sets the display language. Verified by the echo.</summary>
        public async Task SetLanguageAsync(EvseLanguage language, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetLanguage, new LanguagePayload { Action = SetAndGetAction.Set, Language = language },
                p => ((LanguagePayload)p).Language == language, p => ((LanguagePayload)p).Language, "language", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Language = language);
        }

        /// <summary>Sets the temperature unit. Verified by the echo.</summary>
        public async Task SetTemperatureUnitAsync(TemperatureUnit unit, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetTemperatureUnit, new TemperatureUnitPayload { Action = SetAndGetAction.Set, Unit = unit },
                p => ((TemperatureUnitPayload)p).Unit == unit, p => ((TemperatureUnitPayload)p).Unit, "temperature unit", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.TemperatureUnit = unit);
        }

        /// <summary>Sets the weekly schedule (an optional setting: fails plainly on firmware known to ignore it). Verified by the echo.</summary>
        public async Task SetScheduleAsync(EvseSchedule schedule, CancellationToken cancellationToken = default)
        {
            if (schedule == null) throw new ArgumentNullException(nameof(schedule));
            ScheduleSlot[] slots;
            try
            {
                slots = ScheduleConversion.ToSlots(schedule);
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidSchedule, ex.Message, Serial);
            }
            var expected = ScheduleConversion.ToSchedule(slots);
            await SetAsync(EmCommand.SetAndGetAlarmChargeStrategy, new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = slots },
                p => ScheduleConversion.Same(ScheduleConversion.ToSchedule(((WeeklySchedulePayload)p).Slots), expected),
                p => ScheduleConversion.ToSchedule(((WeeklySchedulePayload)p).Slots), "schedule", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Schedule = expected);
        }

        /// <summary>Sets the screen brightness 0-100 (an optional setting: fails plainly on firmware known to ignore it). Verified by the echo.</summary>
        public async Task SetBrightnessAsync(int brightness, CancellationToken cancellationToken = default)
        {
            if (brightness < 0 || brightness > 100)
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidBrightness, "Brightness must be 0-100; got " + brightness + ".", Serial);
            await SetAsync(EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Set, Value = (byte)brightness },
                p => ((BrightnessPayload)p).Value == brightness, p => ((BrightnessPayload)p).Value, "screen brightness", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Brightness = brightness);
        }

        private async Task SetAsync(EmCommand command, EmPayload payload, Func<EmPayload, bool> applied, Func<EmPayload, object?> shown, string what, CancellationToken ct)
        {
            bool optional = EmCommandTable.IsOptional(command);
            if (optional && !_capabilities.MayAsk(command))
            {
                throw new EvseException(EvseErrorKind.NotSupported, ErrorIds.NotSupportedByFirmware,
                    "Charger " + Serial + " does not answer the " + what + " (" + EmCommands.Name(command) + ") with its firmware " + FirmwareText() + "; it cannot be set here.", Serial);
            }
            await EnsureLoggedInAsync(ct).ConfigureAwait(false);
            var reply = EmCommandTable.Get(command)!.Reply!.Value;
            object? lastSeen = null;
            bool sawReply = false;
            try
            {
                await _requests.RequestAsync(command, payload, d =>
                {
                    if (d.Command != reply) return false;
                    if (applied(d.Payload)) return true;
                    sawReply = true;
                    lastSeen = shown(d.Payload);
                    return false;
                }, null, "set the " + what, false, RequestBudget.Full, ct).ConfigureAwait(false);
                if (optional && _capabilities.Record(command, true)) _communicator.MarkDirty(this);
            }
            catch (EvseTimeoutException) when (sawReply)
            {
                throw new EvseCommandRejectedException(ErrorIds.SettingNotApplied, "NotApplied", 0,
                    "Charger " + Serial + " did not apply the " + what + ": it keeps reporting '" + lastSeen + "'.", Serial);
            }
            catch (EvseTimeoutException) when (optional)
            {
                if (_capabilities.Record(command, false)) _communicator.MarkDirty(this);
                throw new EvseException(EvseErrorKind.NotSupported, ErrorIds.NotSupportedByFirmware,
                    "Charger " + Serial + " did not answer the request to set the " + what + " (" + EmCommands.Name(command) + "); its firmware " + FirmwareText() + " probably does not support it.", Serial);
            }
        }

        private string FirmwareText()
        {
            lock (_sync) return _info.SoftwareVersion.Length > 0 ? "'" + _info.SoftwareVersion + "'" : "(version not read yet)";
        }

        private void ValidateCurrent(int amps)
        {
            int max;
            lock (_sync) max = _info.MaxCurrent >= 6 && _info.MaxCurrent <= 32 ? _info.MaxCurrent : 32;
            if (amps < 6 || amps > max)
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidCurrent, "MaxCurrent must be 6-" + max + " A for charger " + Serial + "; got " + amps + ".", Serial);
        }
    }
}
