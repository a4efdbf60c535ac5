using System;
using System.Globalization;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>
    /// A snapshot of a charger for the pipeline: plain values only (no references, no cycles), so it
    /// formats, serializes (Export-Clixml, ConvertTo-Json, remoting) and binds to -Serial by property name.
    /// </summary>
    public sealed class EvseCharger
    {
        /// <summary>Serial, 16 hex digits.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>The charger's name (from its configuration), or empty.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Brand.</summary>
        public string Brand { get; set; } = string.Empty;

        /// <summary>Model.</summary>
        public string Model { get; set; } = string.Empty;

        /// <summary>IP address the charger sends from, or empty when not known.</summary>
        public string Address { get; set; } = string.Empty;

        /// <summary>UDP port the charger sends from (0 when not known).</summary>
        public int Port { get; set; }

        /// <summary>The overall state (Offline, Idle, PluggedIn, Charging, ...).</summary>
        public EvseMetaState State { get; set; }

        /// <summary>Charging power now, in kW (0 when not charging or not known).</summary>
        public double PowerKW { get; set; }

        /// <summary>Energy meter, in kWh (null until a status arrived).</summary>
        public double? EnergyMeterKWh { get; set; }

        /// <summary>Number of phases (1 or 3).</summary>
        public int Phases { get; set; }

        /// <summary>Maximum current per phase the charger supports, in A.</summary>
        public int MaxCurrent { get; set; }

        /// <summary>Maximum power the charger supports, in kW.</summary>
        public double MaxPowerKW { get; set; }

        /// <summary>True while its datagrams keep arriving.</summary>
        public bool Online { get; set; }

        /// <summary>True while a login session is live.</summary>
        public bool Connected { get; set; }

        /// <summary>True when a working password is stored (the password itself is never shown).</summary>
        public bool HasPassword { get; set; }

        /// <summary>True when datagrams from another address are ignored.</summary>
        public bool Pinned { get; set; }

        /// <summary>The charger's time zone id.</summary>
        public string TimeZone { get; set; } = string.Empty;

        /// <summary>When the last datagram arrived (UTC), or null.</summary>
        public DateTime? LastSeen { get; set; }

        /// <summary>Hardware version.</summary>
        public string HardwareVersion { get; set; } = string.Empty;

        /// <summary>Software (firmware) version; empty until read.</summary>
        public string SoftwareVersion { get; set; } = string.Empty;

        /// <summary>
        /// What the firmware answers among the optional requests, e.g. "ChargingStatus=Ignored, Schedule=NotAsked,
        /// Brightness=NotAsked" (learned from traffic, kept in the store, cleared when the firmware changes).
        /// </summary>
        public string Capabilities { get; set; } = string.Empty;

        /// <summary>When the state was reported by the charger (UTC), or null when there is no current status.</summary>
        public DateTime? StateReceivedAt { get; set; }

        /// <summary>Why the last login failed (AuthenticationFailed), with the time; empty otherwise.</summary>
        public string LoginProblem { get; set; } = string.Empty;

        /// <summary>Takes a snapshot of an engine charger.</summary>
        public static EvseCharger From(Evse evse)
        {
            if (evse == null) throw new ArgumentNullException(nameof(evse));
            var info = evse.Info;
            var state = evse.State;
            var endPoint = evse.EndPoint;
            var meta = evse.MetaState;
            bool current = evse.IsStateCurrent && evse.IsOnline;
            var failedAt = evse.AuthenticationFailedAt;
            return new EvseCharger
            {
                Serial = evse.Serial,
                Name = evse.Name,
                Brand = info.Brand,
                Model = info.Model,
                Address = endPoint?.Address.ToString() ?? string.Empty,
                Port = endPoint?.Port ?? 0,
                State = meta,
                PowerKW = !current || state == null ? 0 : Math.Round(state.PowerKW, 3),
                EnergyMeterKWh = state?.EnergyMeterKWh,
                Phases = state?.Phases > 1 ? state.Phases : info.Phases,
                MaxCurrent = info.MaxCurrent,
                MaxPowerKW = info.MaxPowerKW,
                Online = evse.IsOnline,
                Connected = evse.IsLoggedIn,
                HasPassword = evse.HasPassword,
                Pinned = evse.IsPinned,
                TimeZone = evse.TimeZone.Id,
                LastSeen = evse.LastSeen?.UtcDateTime,
                HardwareVersion = info.HardwareVersion,
                SoftwareVersion = info.SoftwareVersion,
                Capabilities = evse.Capabilities.ToString(),
                StateReceivedAt = current ? state!.ReceivedAt.UtcDateTime : (DateTime?)null,
                LoginProblem = failedAt.HasValue
                    ? failedAt.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + ": " + evse.AuthenticationFailure + "; Connect-Evse with the right password tries again."
                    : !evse.IsLoggedIn && evse.AuthenticationFailure != null
                        ? evse.AuthenticationFailure + "; the stored password is tried again later, at most " + Evse.AutoLoginAttempts + " times in all."
                        : string.Empty,
            };
        }

        /// <inheritdoc/>
        public override string ToString() =>
            Serial + (Name.Length > 0 ? " '" + Name + "'" : string.Empty) + " " + State + " " + PowerKW.ToString("0.00", CultureInfo.InvariantCulture) + " kW";
    }
}
