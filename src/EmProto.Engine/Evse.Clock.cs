using System.Globalization;

namespace EmProto.Engine
{
    /// <summary>The charger's clock: reading, setting, and the measured skew that planned starts and reported times use.</summary>
    public sealed partial class Evse
    {
        private TimeSpan _skew;
        private DateTimeOffset? _skewMeasuredAt;

        /// <summary>The charger clock's offset from this host (charger minus host), when measured.</summary>
        public TimeSpan? ClockSkew
        {
            get { lock (_sync) return _skewMeasuredAt.HasValue ? _skew : (TimeSpan?)null; }
        }

        /// <summary>
        /// From the last measured skew (no datagram is sent): the hint that the charger's time zone probably
        /// differs from <see cref="TimeZone"/> (see <see cref="EvseSystemTime.TimeZoneHint"/>), or null when the
        /// skew is not near whole hours or was never measured.
        /// </summary>
        public string? TimeZoneHint
        {
            get
            {
                TimeSpan skew;
                lock (_sync)
                {
                    if (!_skewMeasuredAt.HasValue) return null;
                    skew = _skew;
                }
                return ZoneHint(skew, TimeZone);
            }
        }

        /// <summary>Reads the charger's clock and measures its skew from this host.</summary>
        public async Task<EvseSystemTime> GetSystemTimeAsync(CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var reply = await Ask(EmCommand.SetAndGetSystemTime, SystemTimePayload.Get(), EmCommand.SetAndGetSystemTimeResponse, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            return RecordTime(((SystemTimePayload)reply.Payload).Time);
        }

        /// <summary>Sets the charger's clock (default: now) in its time zone, DST-correct.</summary>
        public async Task<EvseSystemTime> SetSystemTimeAsync(DateTimeOffset? time = null, CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var zone = TimeZone;
            var target = time ?? Now;
            EmTimestamp stamp;
            try
            {
                stamp = EmTimestamp.FromInstant(target, zone);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidTime, ex.Message, Serial);
            }
            var reply = await _requests.RequestAsync(EmCommand.SetAndGetSystemTime, SystemTimePayload.Set(stamp),
                d => d.Command == EmCommand.SetAndGetSystemTimeResponse && Math.Abs((long)((SystemTimePayload)d.Payload).Time.Raw - stamp.Raw) <= 30,
                null, "set the clock", false, RequestBudget.Full, cancellationToken).ConfigureAwait(false);
            var result = RecordTime(((SystemTimePayload)reply.Datagram.Payload).Time);
            if (time.HasValue)
            {
                // The clock was set to a chosen time: the skew measures the choice, not drift.
                lock (_sync) _skewMeasuredAt = null;
            }
            return result;
        }

        private EvseSystemTime RecordTime(EmTimestamp stamp)
        {
            var zone = TimeZone;
            var host = Now;
            var charger = stamp.ToInstant(zone);
            var skew = charger - host;
            lock (_sync)
            {
                _skew = skew;
                _skewMeasuredAt = host;
            }
            return new EvseSystemTime
            {
                Serial = Serial,
                ChargerTime = charger,
                HostTime = host.ToOffset(zone.GetUtcOffset(host.UtcDateTime)),
                Skew = skew,
                TimeZone = zone.Id,
                TimeZoneHint = ZoneHint(skew, zone),
            };
        }

        private string? ZoneHint(TimeSpan skew, TimeZoneInfo zone)
        {
            double hours = Math.Round(skew.TotalHours);
            if (Math.Abs(hours) < 1 || Math.Abs(skew.TotalMinutes - hours * 60) > 1) return null;
            string signed = (hours > 0 ? "+" : string.Empty) + hours.ToString("0", CultureInfo.InvariantCulture);
            return "The charger's clock is " + signed + " h off from this host in time zone '" + zone.Id + "': its time zone probably differs. " +
                "Tell EmProto where it lives (Connect-Evse -Serial " + Serial + " -TimeZone <zone id>) before setting its clock with Set-EvseSystemTime.";
        }

        /// <summary>The measured skew when it is at most <paramref name="maxAge"/> old.</summary>
        private TimeSpan? RecentSkew(DateTimeOffset now, TimeSpan maxAge)
        {
            lock (_sync) return _skewMeasuredAt.HasValue && now - _skewMeasuredAt.Value < maxAge ? _skew : (TimeSpan?)null;
        }
    }
}
