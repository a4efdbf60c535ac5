using System.Collections.Generic;

namespace EmProto.Engine
{
    /// <summary>Configuration: versions, settings read and written (verified by the charger's echo), settings pushed by others.</summary>
    public sealed partial class Evse
    {
        private const string NamePrefix = "ACP#";
        private EvseConfig? _config;
        private int _configVersion;
        private readonly List<KeyValuePair<int, Action<EvseConfig>>> _configChanges = new List<KeyValuePair<int, Action<EvseConfig>>>();
        private int _refreshInProgress;

        /// <summary>The latest configuration (a deep copy), or null before it was read.</summary>
        public EvseConfig? Config
        {
            get { lock (_sync) return _config?.Clone(); }
        }

        /// <summary>Reads the software version (at every login, so an update is noticed: raises an Info change).</summary>
        public async Task<EvseInfo> GetVersionAsync(CancellationToken cancellationToken = default)
        {
            var reply = await Ask(EmCommand.GetVersion, EmptyPayload.Instance, EmCommand.GetVersionResponse, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            var v = (VersionPayload)reply.Payload;
            EvseInfo before, after;
            lock (_sync)
            {
                before = _info.Clone();
                _info.SoftwareVersion = v.SoftwareVersion;
                if (v.HardwareVersion.Length > 0) _info.HardwareVersion = v.HardwareVersion;
                _info.Feature = v.Feature;
                after = _info.Clone();
            }
            bool capabilitiesCleared = _capabilities.OnFirmware(after.SoftwareVersion);
            if (before.SoftwareVersion != after.SoftwareVersion || before.HardwareVersion != after.HardwareVersion || capabilitiesCleared)
            {
                _communicator.MarkDirty(this);
                _communicator.Raise(this, EvseChange.Info, before, after,
                    before.SoftwareVersion.Length > 0 && before.SoftwareVersion != after.SoftwareVersion
                        ? "Charger " + Serial + " runs new firmware: " + before.SoftwareVersion + " -> " + after.SoftwareVersion + "; what it answers is learned again." : null);
            }
            return after;
        }

        /// <summary>
        /// Returns the configuration, reading it again when it is older than <paramref name="maxAge"/>. The name
        /// and the maximum current are required; the other core settings keep their last value when a firmware
        /// does not answer them; the optional ones (weekly schedule, brightness) are asked only of chargers
        /// that answer them, with a short budget.
        /// </summary>
        public async Task<EvseConfig> GetConfigAsync(TimeSpan? maxAge = null, CancellationToken cancellationToken = default)
        {
            var age = maxAge ?? _communicator.Options.ConfigRefreshInterval;
            EvseConfig? previous;
            lock (_sync)
            {
                if (_config != null && Now - _config.ReadAt < age) return _config.Clone();
            }
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            int startVersion;
            lock (_sync)
            {
                startVersion = _configVersion;
                previous = _config;
            }
            var name = Read<NickNamePayload>(EmCommand.SetAndGetNickName, new NickNamePayload(), false, cancellationToken);
            var amps = Read<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload(), false, cancellationToken);
            var offline = Read<OfflineChargePayload>(EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload(), true, cancellationToken);
            var language = Read<LanguagePayload>(EmCommand.SetAndGetLanguage, new LanguagePayload(), true, cancellationToken);
            var unit = Read<TemperatureUnitPayload>(EmCommand.SetAndGetTemperatureUnit, new TemperatureUnitPayload(), true, cancellationToken);
            var schedule = Read<WeeklySchedulePayload>(EmCommand.SetAndGetAlarmChargeStrategy, WeeklySchedulePayload.Get(), true, cancellationToken);
            var brightness = Read<BrightnessPayload>(EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Get }, true, cancellationToken);
            try
            {
                await Task.WhenAll(name, amps, offline, language, unit).ConfigureAwait(false);
            }
            catch (EvseException)
            {
                // The required reads' own failures are rethrown below, by name.
            }
            // Optional settings never hold up the read: they were sent together with the core ones and get
            // one more retransmission timeout; later answers still update the configuration (a Config change).
            var optional = Task.WhenAll(schedule, brightness);
            if (!optional.IsCompleted)
            {
                using (var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var delay = _communicator.Options.TimeProvider.Delay(_requests.Timer.Timeout, grace.Token);
                    await Task.WhenAny(optional, delay).ConfigureAwait(false);
                    grace.Cancel();
                }
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (!optional.IsCompleted) _communicator.RunBackground(_ => ApplyLateOptionalAsync(schedule, brightness));
            var off = await offline.ConfigureAwait(false);
            var lang = await language.ConfigureAwait(false);
            var temp = await unit.ConfigureAwait(false);
            var week = schedule.IsCompleted ? await schedule.ConfigureAwait(false) : null;
            var light = brightness.IsCompleted ? await brightness.ConfigureAwait(false) : null;
            var config = new EvseConfig
            {
                Serial = Serial,
                ReadAt = Now,
                Name = StripPrefix((await name.ConfigureAwait(false))!.Name),
                MaxCurrent = (await amps.ConfigureAwait(false))!.Amps,
                OfflineCharge = off?.Mode ?? previous?.OfflineCharge ?? OfflineCharge.Enabled,
                OfflineChargeRaw = off?.RawValue ?? previous?.OfflineChargeRaw ?? 0,
                Language = lang?.Language ?? previous?.Language ?? EvseLanguage.Unknown,
                TemperatureUnit = temp?.Unit ?? previous?.TemperatureUnit ?? TemperatureUnit.Unknown,
                Schedule = week != null ? ScheduleConversion.ToSchedule(week.Slots) : previous?.Schedule?.Clone(),
                Brightness = light != null ? light.Value : previous?.Brightness,
            };
            lock (_sync)
            {
                // Settings written while this read was under way win over what the read saw.
                foreach (var change in _configChanges)
                    if (change.Key > startVersion) change.Value(config);
            }
            SetConfig(config);
            return config.Clone();
        }

        private async Task ApplyLateOptionalAsync(Task<WeeklySchedulePayload?> schedule, Task<BrightnessPayload?> brightness)
        {
            var week = await schedule.ConfigureAwait(false);
            var light = await brightness.ConfigureAwait(false);
            bool known;
            lock (_sync) known = _config != null;
            if (!known || week == null && light == null) return;
            UpdateConfig(c =>
            {
                if (week != null) c.Schedule = ScheduleConversion.ToSchedule(week.Slots);
                if (light != null) c.Brightness = light.Value;
            }, false);
        }

        /// <summary>
        /// Reads one setting. A core read that may go unanswered (<paramref name="tolerated"/>) or an optional
        /// one returns null instead of failing; an optional one is not asked of firmware known to ignore it.
        /// </summary>
        private async Task<T?> Read<T>(EmCommand command, EmPayload payload, bool tolerated, CancellationToken ct) where T : EmPayload
        {
            bool optional = EmCommandTable.IsOptional(command);
            if (optional && !_capabilities.MayAsk(command)) return null;
            try
            {
                var reply = EmCommandTable.Get(command)!.Reply!.Value;
                var d = await Ask(command, payload, reply, optional ? RequestBudget.Short : RequestBudget.Full, ct).ConfigureAwait(false);
                return d.Payload as T;
            }
            catch (EvseTimeoutException) when (tolerated)
            {
                return null;
            }
        }

        /// <summary>
        /// Sends a read and waits for its reply; for an optional request, records whether the firmware
        /// answered it. A timeout of an optional request says that this firmware may not answer it.
        /// </summary>
        private async Task<Datagram> Ask(EmCommand command, EmPayload payload, EmCommand reply, RequestBudget budget, CancellationToken ct)
        {
            var info = EmCommandTable.Get(command);
            string what = "read " + (info?.Description ?? EmCommands.Name(command));
            bool optional = info?.Support == CommandSupport.Optional;
            if (optional) _capabilities.Asking(command, Now);
            try
            {
                var r = await _requests.RequestAsync(command, payload, d => d.Command == reply, null, what, true, budget, ct).ConfigureAwait(false);
                if (optional && _capabilities.Record(command, true)) _communicator.MarkDirty(this);
                return r.Datagram;
            }
            catch (EvseTimeoutException) when (optional)
            {
                if (_capabilities.Record(command, false)) _communicator.MarkDirty(this);
                throw new EvseTimeoutException("Charger " + Serial + " did not answer (" + what + ") within " +
                    _requests.BudgetOf(budget).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) +
                    " s; this is an optional request that some firmware ignores (after " + Session.CapabilityMemory.MissesToIgnore +
                    " unanswered asks in a row it is not asked again of this charger until its next login).", Serial);
            }
        }

        /// <summary>Reads the configured maximum current with a single request (and updates the cached configuration, raising a Config change).</summary>
        public async Task<int> ReadMaxCurrentAsync(CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var d = await Ask(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload(), EmCommand.SetAndGetOutputElectricityResponse, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            int amps = ((OutputElectricityPayload)d.Payload).Amps;
            bool known;
            lock (_sync) known = _config != null;
            if (known) UpdateConfig(c => c.MaxCurrent = amps, false);
            return amps;
        }

        private void SetConfig(EvseConfig config)
        {
            EvseConfig? before;
            lock (_sync)
            {
                before = _config;
                _config = config;
            }
            _communicator.MarkDirty(this);
            if (before == null || before.Name != config.Name || before.MaxCurrent != config.MaxCurrent || before.OfflineChargeRaw != config.OfflineChargeRaw ||
                before.Language != config.Language || before.TemperatureUnit != config.TemperatureUnit || before.Brightness != config.Brightness ||
                !ScheduleConversion.Same(before.Schedule, config.Schedule))
            {
                _communicator.Raise(this, EvseChange.Config, before?.Clone(), config.Clone());
            }
        }

        private void UpdateConfig(Action<EvseConfig> change, bool remember = true)
        {
            EvseConfig next;
            lock (_sync)
            {
                next = _config?.Clone() ?? new EvseConfig { Serial = Serial, ReadAt = DateTimeOffset.MinValue };
                if (remember)
                {
                    _configVersion++;
                    _configChanges.Add(new KeyValuePair<int, Action<EvseConfig>>(_configVersion, change));
                    if (_configChanges.Count > 16) _configChanges.RemoveAt(0);
                }
            }
            change(next);
            next.ChangedAt = Now;
            SetConfig(next);
        }

        internal bool ConfigIsStale(DateTimeOffset now)
        {
            lock (_sync)
                return _loggedIn && _online && (_config == null || now - _config.ReadAt >= _communicator.Options.ConfigRefreshInterval);
        }

        internal bool TryBeginRefresh() => Interlocked.CompareExchange(ref _refreshInProgress, 1, 0) == 0;

        internal void EndRefresh() => Interlocked.Exchange(ref _refreshInProgress, 0);

        /// <summary>
        /// A setting the charger pushed on its own (changed on its screen or by the phone app): applied to the
        /// cached configuration, raising a Config change. False when the datagram is not a setting.
        /// </summary>
        internal bool ApplyPushedSetting(in Datagram d)
        {
            bool known;
            lock (_sync) known = _config != null;
            // Until the whole configuration has been read once, a lone setting is not worth a half-made
            // configuration: the read after the login brings it.
            if (!known && (d.Payload is ActionBytePayload || d.Payload is NickNamePayload || d.Payload is WeeklySchedulePayload || d.Payload is BrightnessPayload))
                return true;
            switch (d.Payload)
            {
                case NickNamePayload n when d.Command == EmCommand.SetAndGetNickNameResponse:
                    string name = StripPrefix(n.Name);
                    UpdateConfig(c => c.Name = name);
                    return true;
                case OutputElectricityPayload a when d.Command == EmCommand.SetAndGetOutputElectricityResponse:
                    UpdateConfig(c => c.MaxCurrent = a.Amps);
                    return true;
                case OfflineChargePayload o when d.Command == EmCommand.SetAndGetOffLineChargeResponse:
                    UpdateConfig(c =>
                    {
                        c.OfflineCharge = o.Mode;
                        c.OfflineChargeRaw = o.RawValue;
                    });
                    return true;
                case LanguagePayload l when d.Command == EmCommand.SetAndGetLanguageResponse:
                    UpdateConfig(c => c.Language = l.Language);
                    return true;
                case TemperatureUnitPayload t when d.Command == EmCommand.SetAndGetTemperatureUnitResponse:
                    UpdateConfig(c => c.TemperatureUnit = t.Unit);
                    return true;
                case WeeklySchedulePayload w when d.Command == EmCommand.SetAndGetAlarmChargeStrategyResponse && w.Slots != null:
                    var schedule = ScheduleConversion.ToSchedule(w.Slots);
                    UpdateConfig(c => c.Schedule = schedule);
                    _capabilities.Record(EmCommand.SetAndGetAlarmChargeStrategy, true);
                    return true;
                case BrightnessPayload b when d.Command == EmCommand.BrightnessResponse:
                    UpdateConfig(c => c.Brightness = b.Value);
                    _capabilities.Record(EmCommand.Brightness, true);
                    return true;
                default:
                    return false;
            }
        }

        private static string StripPrefix(string name) => name.StartsWith(NamePrefix, StringComparison.Ordinal) ? name.Substring(NamePrefix.Length) : name;
    }
}
