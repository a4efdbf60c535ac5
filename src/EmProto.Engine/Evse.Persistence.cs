using System;
using System.Net;
using EmProto.Engine.Persistence;
using EmProto.Engine.Transport;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>What of a charger is kept in the store, and loading it back.</summary>
    public sealed partial class Evse
    {
        /// <summary>Added by address (AddEvse), so remembered even before a login.</summary>
        internal bool AddedByAddress { get; set; }

        internal bool IsWorthStoring
        {
            get { lock (_sync) return _password != null || _pinned || _timeZone != null || AddedByAddress || _recordOrder.Count > 0; }
        }

        internal StoredEvse ToStored()
        {
            var capabilities = _capabilities.ToStored(out string firmware);
            lock (_sync)
            {
                return new StoredEvse
                {
                    Serial = Serial,
                    Info = _info.Clone(),
                    Config = _config?.Clone(),
                    Address = _endPoint?.Address.ToString(),
                    Port = _endPoint?.Port ?? 0,
                    TimeZone = _timeZone?.Id,
                    Pinned = _pinned,
                    LastSeen = _lastSeen,
                    LastStartStop = _lastStartStop,
                    Password = _password,
                    Records = _recordOrder.ToArray(),
                    Disconnected = _disconnected,
                    Capabilities = capabilities,
                    CapabilitiesFirmware = firmware,
                };
            }
        }

        internal void LoadStored(StoredEvse stored)
        {
            lock (_sync)
            {
                if (stored.Info != null)
                {
                    _info = stored.Info.Clone();
                    _info.Serial = Serial;
                }
                _config = stored.Config;
                if (AddressText.TryParse(stored.Address, out var ip) && stored.Port > 0 && stored.Port < 65536) _endPoint = new IPEndPoint(ip!, stored.Port);
                if (stored.TimeZone != null)
                {
                    try
                    {
                        _timeZone = EvseTimeZones.Find(stored.TimeZone);
                    }
                    catch (ArgumentException)
                    {
                        _timeZone = null;
                    }
                }
                _pinned = stored.Pinned;
                AddedByAddress = true;
                _lastSeen = stored.LastSeen;
                _lastStartStop = stored.LastStartStop;
                _disconnected = stored.Disconnected;
                if (stored.Password != null && EmPassword.IsValid(stored.Password)) _password = stored.Password;
            }
            _capabilities.Load(stored.Capabilities, stored.CapabilitiesFirmware);
            if (stored.Records != null) foreach (var r in stored.Records) AddRecord(r);
        }
    }
}
