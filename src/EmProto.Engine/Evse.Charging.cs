using System.Collections.Generic;
using System.Globalization;

namespace EmProto.Engine
{
    /// <summary>
    /// Charge control: validation, the wear guard (at the moment relays switch), starts and stops confirmed
    /// by their own answers and the charger's pushes — never by an optional request.
    /// </summary>
    public sealed partial class Evse
    {
        private static readonly Random Rng = new Random();
        private DateTimeOffset? _lastStartStop;

        /// <summary>When relays were last switched by a start or stop sent from here (for the wear guard).</summary>
        public DateTimeOffset? LastStartStop
        {
            get { lock (_sync) return _lastStartStop; }
        }

        /// <summary>
        /// Checks a start before anything is sent (also under -WhatIf): current, duration, energy, ids and the
        /// start time. Returns the normalised values.
        /// </summary>
        /// <exception cref="EvseException">An invalid value (its own ErrorId).</exception>
        public void ValidateStart(ChargeStartOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.MaxCurrent.HasValue) ValidateCurrent(options.MaxCurrent.Value);
            DurationMinutes(options);
            EnergyRaw(options);
            ValidateText(string.IsNullOrEmpty(options.UserId) ? EmDefaults.UserId : options.UserId, "UserId", ErrorIds.InvalidUserId);
            if (options.ChargeId != null) ValidateText(options.ChargeId, "ChargeId", ErrorIds.InvalidChargeId);
            if (options.StartAt.HasValue && options.StartAt.Value < Now - TimeSpan.FromSeconds(2))
            {
                var zone = TimeZone;
                var at = TimeZoneInfo.ConvertTime(options.StartAt.Value, zone);
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.StartInPast,
                    "The planned start " + at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (" + zone.Id + ") has already passed; give a time in the future, or no -StartAt to start now.", Serial);
            }
        }

        /// <summary>
        /// Starts a charge now, or plans it. The charger's error and reservation codes become
        /// <see cref="EvseCommandRejectedException"/>s; the wear guard refuses an immediate start too soon after
        /// the last start or stop unless forced (a planned start switches no relay). A retried start is
        /// recognised by its charge id, so a charge is never started twice.
        /// </summary>
        public async Task<ChargeStartResult> StartChargeAsync(ChargeStartOptions options, CancellationToken cancellationToken = default)
        {
            ValidateStart(options);
            var now = Now;
            bool reservation = options.StartAt.HasValue && options.StartAt.Value > now;
            if (!reservation) CheckWearGuard(options.Force, "start");
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var zone = TimeZone;
            int amps = options.MaxCurrent ?? 0;
            if (amps == 0)
            {
                EvseConfig? cached;
                lock (_sync) cached = _config;
                amps = cached != null && cached.MaxCurrent >= 6 ? cached.MaxCurrent : await ReadMaxCurrentAsync(cancellationToken).ConfigureAwait(false);
                ValidateCurrent(amps);
            }
            string userId = string.IsNullOrEmpty(options.UserId) ? EmDefaults.UserId : options.UserId;
            string chargeId = options.ChargeId ?? NewChargeId(now, zone);
            var startAt = reservation ? options.StartAt!.Value : now;
            if (reservation)
            {
                // The charger compares against its own clock: measure it (at most 10 minutes old) and shift.
                var skew = RecentSkew(now, TimeSpan.FromMinutes(10)) ?? (await GetSystemTimeAsync(cancellationToken).ConfigureAwait(false)).Skew;
                startAt += skew;
                // EM timestamps are whole seconds: round rather than truncate, so 23:30 stays 23:30.
                long seconds = (long)Math.Round(startAt.UtcTicks / (double)TimeSpan.TicksPerSecond);
                startAt = new DateTimeOffset(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            }
            int phases;
            bool busyBefore;
            lock (_sync)
            {
                phases = _info.Phases;
                busyBefore = _current != null || _planned != null || StateIsCurrent() && (_state!.State == EvseMetaState.Charging || _state.State == EvseMetaState.Reserved);
            }
            var payload = new ChargeStartPayload
            {
                LineId = (byte)(phases == 3 && !options.SinglePhase ? 2 : 1),
                UserId = userId,
                ChargeId = chargeId,
                IsReservation = (byte)(reservation ? 1 : 0),
                ReservationDate = EmTimestamp.FromInstant(startAt, zone),
                MaxDurationMinutes = DurationMinutes(options),
                MaxEnergyRaw = EnergyRaw(options),
                MaxAmps = (byte)amps,
            };
            if (!reservation)
            {
                lock (_sync) _lastStartStop = now;
                _communicator.MarkDirty(this);
            }
            var reply = await _requests.RequestAsync(EmCommand.ChargeStart, payload, d => d.Command == EmCommand.ChargeStartResponse, null, "start charging", false, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            var r = (ChargeStartResponsePayload)reply.Datagram.Payload;
            if (!r.IsSuccess && !await IsOurStartAsync(r, chargeId, busyBefore, reply.Attempts, cancellationToken).ConfigureAwait(false))
                throw StartRejected(r);
            HintChargingStatus();
            return new ChargeStartResult
            {
                Serial = Serial,
                ChargeId = chargeId,
                IsReservation = reservation && r.ReservationResult != ReservationResult.InThePast,
                StartAt = reservation ? options.StartAt!.Value.ToOffset(zone.GetUtcOffset(options.StartAt.Value.UtcDateTime)) : (DateTimeOffset?)null,
                MaxCurrent = r.MaxAmps != 0 ? r.MaxAmps : amps,
                ReservationResult = r.ReservationResult,
            };
        }

        /// <summary>
        /// "Already charging" or "already reserved" after a start may be our own start whose answer was lost:
        /// it is ours when the session the charger reports carries our charge id, or when the start had to be
        /// resent and nothing ran or was planned before it.
        /// </summary>
        private async Task<bool> IsOurStartAsync(ChargeStartResponsePayload r, string chargeId, bool busyBefore, int attempts, CancellationToken ct)
        {
            bool busy = r.ErrorReason == ChargeStartError.AlreadyCharging || r.ReservationResult == ReservationResult.AlreadyCharging ||
                r.ErrorReason == ChargeStartError.ReservationPending || r.ReservationResult == ReservationResult.AlreadyReserved;
            if (!busy) return false;
            if (SessionCarries(chargeId)) return true;
            if (attempts > 1 && !busyBefore) return true;
            if (_capabilities.MayAsk(EmCommand.RequestChargingStatus))
            {
                try
                {
                    await AskChargingStatusAsync(ct).ConfigureAwait(false);
                }
                catch (EvseTimeoutException)
                {
                    return false;
                }
                return SessionCarries(chargeId);
            }
            return false;
        }

        private bool SessionCarries(string chargeId)
        {
            lock (_sync) return _current?.ChargeId == chargeId || _planned?.ChargeId == chargeId;
        }

        /// <summary>
        /// Stops charging, or cancels a planned charge. The wear guard applies only while the charger is (or
        /// may be) charging: cancelling a plan switches no relay.
        /// </summary>
        public async Task StopChargeAsync(string? userId = null, bool force = false, CancellationToken cancellationToken = default)
        {
            string user = string.IsNullOrEmpty(userId) ? EmDefaults.UserId : userId!;
            ValidateText(user, "UserId", ErrorIds.InvalidUserId);
            bool onlyPlanned;
            lock (_sync) onlyPlanned = _planned != null && _current == null && StateIsCurrent() && _state!.State != EvseMetaState.Charging;
            if (!onlyPlanned) CheckWearGuard(force, "stop");
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            if (!onlyPlanned)
            {
                lock (_sync) _lastStartStop = Now;
                _communicator.MarkDirty(this);
            }
            var reply = await _requests.RequestAsync(EmCommand.ChargeStop, new ChargeStopPayload { UserId = user }, d => d.Command == EmCommand.ChargeStopResponse, null, "stop charging", false, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            var r = (ChargeStopResponsePayload)reply.Datagram.Payload;
            if (r.FailReason != 0 && reply.Attempts == 1)
            {
                // Refused at the first try: nothing may be left to stop (the charger finished on its own), or
                // it really refused. Decide from what the charger reports, never from an optional request alone.
                bool running;
                lock (_sync) running = _current != null || _planned != null || StateIsCurrent() && (_state!.State == EvseMetaState.Charging || _state.State == EvseMetaState.Reserved);
                if (running && _capabilities.MayAsk(EmCommand.RequestChargingStatus))
                {
                    try
                    {
                        await AskChargingStatusAsync(cancellationToken).ConfigureAwait(false);
                        lock (_sync) running = _current != null || _planned != null;
                    }
                    catch (EvseTimeoutException)
                    {
                        // Keep what the pushes said.
                    }
                }
                if (running)
                    throw new EvseCommandRejectedException(ErrorIds.StopRejected, "StopFailed", r.FailReason, "Charger " + Serial + " refused to stop (reason " + r.FailReason + ").", Serial);
            }
            // A refusal of a resent stop means the first one worked and its answer was lost.
            HintChargingStatus();
        }

        /// <summary>
        /// The charging session as the charger reports it. Asks for it (0x8006, an optional request with a
        /// short budget) when this firmware answers it, else — and when the request goes unanswered — returns
        /// what the charger last pushed. While it is not known yet whether the firmware answers, a session the
        /// charger pushed is returned at once and the request goes out in the background, so the call does not
        /// wait on a request the firmware may ignore; it waits (the short budget at most) only when nothing was
        /// pushed either. Returns null when the charger reported that nothing runs, is planned or has finished.
        /// </summary>
        /// <exception cref="EvseException">The charger never reported a session and does not answer the request (ErrorId EvseSessionUnknown).</exception>
        public async Task<EvseChargeSession?> RefreshSessionAsync(CancellationToken cancellationToken = default)
        {
            bool asked = false;
            bool pushed;
            lock (_sync) pushed = _sessionReportedAt.HasValue;
            if (pushed && _capabilities[EmCommand.RequestChargingStatus] == EvseCapability.NotAsked)
            {
                _communicator.RunBackground(AskChargingStatusAsync);
            }
            else if (_capabilities.MayAsk(EmCommand.RequestChargingStatus))
            {
                try
                {
                    await AskChargingStatusAsync(cancellationToken).ConfigureAwait(false);
                    asked = true;
                }
                catch (EvseTimeoutException)
                {
                    // Fall back to the pushes below.
                }
            }
            lock (_sync)
            {
                if (!_sessionReportedAt.HasValue)
                {
                    string why = asked ? string.Empty : _capabilities[EmCommand.RequestChargingStatus] == EvseCapability.Ignored
                        ? " Its firmware does not answer the request for it (0x8006), and it has pushed none since this process started; it pushes one when a session starts or ends."
                        : " It did not answer the request for it (0x8006) and has pushed none since this process started.";
                    throw new EvseException(EvseErrorKind.NotFound, ErrorIds.SessionUnknown, "Charger " + Serial + " has not reported a charging session yet." + why, Serial);
                }
                var s = _current ?? _planned ?? _last;
                return s?.Clone();
            }
        }

        /// <summary>When the charger last reported its charging session (pushed or answered), or null.</summary>
        public DateTimeOffset? SessionReportedAt
        {
            get { lock (_sync) return _sessionReportedAt; }
        }

        private async Task AskChargingStatusAsync(CancellationToken ct)
        {
            await Ask(EmCommand.RequestChargingStatus, ByteValuePayload.Zero, EmCommand.SingleAcChargingStatusResponse, RequestBudget.Short, ct).ConfigureAwait(false);
        }

        /// <summary>After a start or stop: a background hint for the charging status, only to firmware that answers it.</summary>
        private void HintChargingStatus()
        {
            if (_capabilities[EmCommand.RequestChargingStatus] == EvseCapability.Answered)
                _communicator.RunBackground(AskChargingStatusAsync);
        }

        private void CheckWearGuard(bool force, string what)
        {
            if (force) return;
            var interval = _communicator.Options.WearGuardInterval;
            DateTimeOffset? last;
            lock (_sync) last = _lastStartStop;
            var now = Now;
            if (last.HasValue && now - last.Value < interval)
            {
                var allowed = last.Value + interval;
                throw new EvseWearGuardException(
                    "Refusing to " + what + " charger " + Serial + ": the last start/stop was " + (int)(now - last.Value).TotalSeconds + " s ago, and starts and stops within " +
                    (int)interval.TotalSeconds + " s wear the relays and the car's contactors. Allowed from " + allowed.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) +
                    " (" + allowed.ToString("o", CultureInfo.InvariantCulture) + "); use -Force to override.", allowed, Serial);
            }
        }

        private ushort DurationMinutes(ChargeStartOptions options)
        {
            if (!options.MaxDuration.HasValue) return 0xFFFF;
            double minutes = Math.Ceiling(options.MaxDuration.Value.TotalMinutes);
            if (minutes < 1 || minutes > 65534)
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidDuration, "MaxDuration must be 1 minute to 65534 minutes; got " + options.MaxDuration.Value + ".", Serial);
            return (ushort)minutes;
        }

        private ushort EnergyRaw(ChargeStartOptions options)
        {
            if (!options.MaxEnergyKWh.HasValue) return 0xFFFF;
            double raw = Math.Round(options.MaxEnergyKWh.Value * 100);
            if (raw < 1 || raw > 65534)
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidEnergy, "MaxEnergyKWh must be 0.01-655.34 kWh; got " + options.MaxEnergyKWh.Value.ToString(CultureInfo.InvariantCulture) + ".", Serial);
            return (ushort)raw;
        }

        // Why a charger refused a start, and why it refused a planned start: error id and words for each code.
        private static readonly Dictionary<ChargeStartError, (string Id, string Text)> StartErrors = new Dictionary<ChargeStartError, (string, string)>
        {
            [ChargeStartError.NotPluggedIn] = (ErrorIds.StartNotPluggedIn, "no car is plugged in"),
            [ChargeStartError.AlreadyCharging] = (ErrorIds.StartAlreadyCharging, "it is already charging"),
            [ChargeStartError.IncorrectPower] = (ErrorIds.StartIncorrectPower, "the current was refused"),
            [ChargeStartError.IncorrectTime] = (ErrorIds.StartIncorrectTime, "the time was refused (check the charger's clock: Get-EvseSystemTime)"),
            [ChargeStartError.IncorrectFee] = (ErrorIds.StartIncorrectFee, "the fee was refused"),
            [ChargeStartError.ReservationPending] = (ErrorIds.StartReservationPending, "a planned charge is pending (Stop-EvseCharge cancels it)"),
            [ChargeStartError.SystemMaintenance] = (ErrorIds.StartSystemMaintenance, "it is in maintenance"),
            [ChargeStartError.SystemError] = (ErrorIds.StartSystemError, "a system error"),
        };

        private static readonly Dictionary<ReservationResult, (string Id, string Text)> ReservationErrors = new Dictionary<ReservationResult, (string, string)>
        {
            [ReservationResult.TooFarAhead] = (ErrorIds.ReservationTooFarAhead, "the planned start is too far ahead for it"),
            [ReservationResult.NotSupported] = (ErrorIds.ReservationNotSupported, "it does not support planned starts"),
            [ReservationResult.AlreadyReserved] = (ErrorIds.ReservationAlreadyReserved, "a planned charge already exists"),
        };

        private EvseCommandRejectedException StartRejected(ChargeStartResponsePayload r)
        {
            if (r.ErrorReason != ChargeStartError.None)
                return Rejected(StartErrors, r.ErrorReason, ErrorIds.StartRejected, "error ", "refused to start");
            return Rejected(ReservationErrors, r.ReservationResult, ErrorIds.ReservationRejected, "reservation result ", "refused the planned start");
        }

        private EvseCommandRejectedException Rejected<T>(Dictionary<T, (string Id, string Text)> known, T code, string otherId, string otherPrefix, string refused)
            where T : struct, Enum
        {
            int number = Convert.ToInt32(code, CultureInfo.InvariantCulture);
            string reason = Enum.IsDefined(typeof(T), code) ? code.ToString() : "Code" + number.ToString(CultureInfo.InvariantCulture);
            var (id, text) = known.TryGetValue(code, out var entry) ? entry : (otherId, otherPrefix + reason);
            return new EvseCommandRejectedException(id, reason, number, "Charger " + Serial + " " + refused + ": " + text + ".", Serial);
        }

        private void ValidateText(string value, string field, string errorId)
        {
            try
            {
                EmText.Validate(value, 16, field);
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, errorId, ex.Message, Serial);
            }
        }

        private static string NewChargeId(DateTimeOffset now, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            int random;
            lock (Rng) random = Rng.Next(10000);
            return local.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + random.ToString("0000", CultureInfo.InvariantCulture);
        }
    }
}
