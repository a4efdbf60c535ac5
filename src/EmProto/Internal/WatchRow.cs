using System;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>What Watch-Evse shows of one charger at one moment: a snapshot taken from the engine's memory (never the network).</summary>
    internal sealed class WatchRow
    {
        /// <summary>Nominal voltage used to estimate a charger's full power from its current limit.</summary>
        private const double NominalVolts = 230;

        /// <summary>Serial, 16 hex digits.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>The charger's name, or empty.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Phases (1 or 3).</summary>
        public int Phases { get; set; } = 1;

        /// <summary>True while datagrams keep arriving.</summary>
        public bool Online { get; set; }

        /// <summary>True while a login session is live.</summary>
        public bool LoggedIn { get; set; }

        /// <summary>True when the charger was removed from the communicator while watched.</summary>
        public bool Removed { get; set; }

        /// <summary>When the last datagram arrived.</summary>
        public DateTimeOffset? LastSeen { get; set; }

        /// <summary>The overall state.</summary>
        public EvseMetaState State { get; set; }

        /// <summary>The latest status, when it is live (online and logged in); null otherwise.</summary>
        public EvseState? Status { get; set; }

        /// <summary>Energy of the session charging now (kWh), null when none.</summary>
        public double? SessionKWh { get; set; }

        /// <summary>The power that fills the sparkline (kW): the charger's rated power, or 0 when unknown.</summary>
        public double FullScaleKW { get; set; }

        /// <summary>The power readings of the last minutes.</summary>
        public PowerHistory History { get; set; } = new PowerHistory();

        /// <summary>The name when there is one, else the serial.</summary>
        public string Title => Name.Length > 0 ? Name : Serial;

        /// <summary>Takes a snapshot of a charger from the engine's memory.</summary>
        public static WatchRow From(Evse evse, PowerHistory history, bool removed)
        {
            if (evse == null) throw new ArgumentNullException(nameof(evse));
            var info = evse.Info;
            var state = evse.State;
            bool online = evse.IsOnline, loggedIn = evse.IsLoggedIn;
            int phases = Math.Max(info.Phases, state?.Phases ?? 1);
            double fullScale = info.MaxPowerKW;
            if (fullScale <= 0)
            {
                int amps = info.MaxCurrent > 0 ? info.MaxCurrent : evse.Config?.MaxCurrent ?? 0;
                fullScale = amps * NominalVolts * phases / 1000.0;
            }
            var session = evse.CurrentSession;
            bool live = online && loggedIn && state != null && !removed;
            return new WatchRow
            {
                Serial = evse.Serial,
                Name = evse.Name,
                Phases = phases,
                Online = online,
                LoggedIn = loggedIn,
                Removed = removed,
                LastSeen = evse.LastSeen,
                State = evse.MetaState,
                Status = live ? state : null,
                SessionKWh = live && session != null ? session.EnergyKWh : (double?)null,
                FullScaleKW = fullScale,
                History = history ?? throw new ArgumentNullException(nameof(history)),
            };
        }

        /// <summary>The row as it crosses the agent's channel (the history stays with the session that draws it).</summary>
        public System.Collections.Hashtable ToWire() => new System.Collections.Hashtable
        {
            [nameof(Serial)] = Serial,
            [nameof(Name)] = Name,
            [nameof(Phases)] = Phases,
            [nameof(Online)] = Online,
            [nameof(LoggedIn)] = LoggedIn,
            [nameof(LastSeen)] = LastSeen,
            [nameof(State)] = State,
            [nameof(Status)] = Status,
            [nameof(SessionKWh)] = SessionKWh,
            [nameof(FullScaleKW)] = FullScaleKW,
        };

        /// <summary>A row from the agent's channel, drawn with this session's history of the charger.</summary>
        public static WatchRow FromWire(System.Collections.IDictionary wire, PowerHistory history, bool removed)
        {
            if (wire == null) throw new ArgumentNullException(nameof(wire));
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            return new WatchRow
            {
                Serial = Convert.ToString(wire[nameof(Serial)], culture) ?? string.Empty,
                Name = Convert.ToString(wire[nameof(Name)], culture) ?? string.Empty,
                Phases = Convert.ToInt32(wire[nameof(Phases)] ?? 1, culture),
                Online = Convert.ToBoolean(wire[nameof(Online)] ?? false, culture),
                LoggedIn = Convert.ToBoolean(wire[nameof(LoggedIn)] ?? false, culture),
                Removed = removed,
                LastSeen = wire[nameof(LastSeen)] as DateTimeOffset?,
                State = wire[nameof(State)] is EvseMetaState state ? state : EvseMetaState.Unknown,
                Status = removed ? null : wire[nameof(Status)] as EvseState,
                SessionKWh = removed || wire[nameof(SessionKWh)] == null ? (double?)null : Convert.ToDouble(wire[nameof(SessionKWh)], culture),
                FullScaleKW = Convert.ToDouble(wire[nameof(FullScaleKW)] ?? 0.0, culture),
                History = history ?? throw new ArgumentNullException(nameof(history)),
            };
        }
    }
}
