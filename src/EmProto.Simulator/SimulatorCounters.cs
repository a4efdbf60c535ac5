using System.Threading;

namespace EmProto.Simulator
{
    /// <summary>What a simulated charger went through; live, thread-safe counts.</summary>
    public sealed class SimulatorCounters
    {
        private long _loginsSent;
        private long _loginRequests;
        private long _loginsAccepted;
        private long _passwordErrors;
        private long _discoveryProbes;
        private long _registrations;
        private long _registrationsDropped;
        private long _headingsSent;
        private long _headingsAnswered;
        private long _statusPushes;
        private long _chargingStatusPushes;
        private long _settingPushes;
        private long _commandsReceived;
        private long _commandsIgnored;
        private long _datagramsDropped;
        private long _chargeStarts;
        private long _chargeStartsRefused;
        private long _chargeStops;
        private long _recordsSent;
        private long _recordsAcknowledged;
        private long _packetsSent;
        private long _packetsReceived;
        private long _packetsLost;
        private long _packetsDuplicated;
        private long _packetsReordered;
        private long _packetsCorrupted;
        private long _garbageSent;
        private long _sendErrors;

        /// <summary>Login announcements sent (command 1).</summary>
        public long LoginsSent => Interlocked.Read(ref _loginsSent);

        /// <summary>RequestLogin datagrams received with this charger's serial.</summary>
        public long LoginRequests => Interlocked.Read(ref _loginRequests);

        /// <summary>LoginResponses sent: the password was right.</summary>
        public long LoginsAccepted => Interlocked.Read(ref _loginsAccepted);

        /// <summary>PasswordErrorResponses sent (wrong or missing password, or a changed one).</summary>
        public long PasswordErrors => Interlocked.Read(ref _passwordErrors);

        /// <summary>Discovery probes (RequestLogin with the all-zero serial) answered.</summary>
        public long DiscoveryProbes => Interlocked.Read(ref _discoveryProbes);

        /// <summary>Times an app registered (LoginConfirm).</summary>
        public long Registrations => Interlocked.Read(ref _registrations);

        /// <summary>Times the registration was dropped because Headings went unanswered.</summary>
        public long RegistrationsDropped => Interlocked.Read(ref _registrationsDropped);

        /// <summary>Headings sent (command 3).</summary>
        public long HeadingsSent => Interlocked.Read(ref _headingsSent);

        /// <summary>HeadingResponses received.</summary>
        public long HeadingsAnswered => Interlocked.Read(ref _headingsAnswered);

        /// <summary>Status pushes sent (command 4 or 13).</summary>
        public long StatusPushes => Interlocked.Read(ref _statusPushes);

        /// <summary>Charging status pushes sent (command 5) and answers (command 6).</summary>
        public long ChargingStatusPushes => Interlocked.Read(ref _chargingStatusPushes);

        /// <summary>Settings changed at the charger and pushed to the app unasked (SetAndGet responses with action 1).</summary>
        public long SettingPushes => Interlocked.Read(ref _settingPushes);

        /// <summary>Datagrams from the app that were decoded and handled.</summary>
        public long CommandsReceived => Interlocked.Read(ref _commandsReceived);

        /// <summary>Decoded datagrams ignored: unknown command, another serial, or nothing to answer.</summary>
        public long CommandsIgnored => Interlocked.Read(ref _commandsIgnored);

        /// <summary>Received bytes that failed validation (bad header, length, checksum, tail, payload).</summary>
        public long DatagramsDropped => Interlocked.Read(ref _datagramsDropped);

        /// <summary>Charge sessions started.</summary>
        public long ChargeStarts => Interlocked.Read(ref _chargeStarts);

        /// <summary>ChargeStart requests answered with an error.</summary>
        public long ChargeStartsRefused => Interlocked.Read(ref _chargeStartsRefused);

        /// <summary>ChargeStop requests received.</summary>
        public long ChargeStops => Interlocked.Read(ref _chargeStops);

        /// <summary>Charge record datagrams sent (command 10), resends included.</summary>
        public long RecordsSent => Interlocked.Read(ref _recordsSent);

        /// <summary>Charge records acknowledged (0x800A or 0x8009).</summary>
        public long RecordsAcknowledged => Interlocked.Read(ref _recordsAcknowledged);

        /// <summary>UDP packets sent.</summary>
        public long PacketsSent => Interlocked.Read(ref _packetsSent);

        /// <summary>UDP packets received.</summary>
        public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

        /// <summary>Packets dropped by fault injection (both directions).</summary>
        public long PacketsLost => Interlocked.Read(ref _packetsLost);

        /// <summary>Packets sent twice by fault injection.</summary>
        public long PacketsDuplicated => Interlocked.Read(ref _packetsDuplicated);

        /// <summary>Packets held back by fault injection (reordered or coalesced).</summary>
        public long PacketsReordered => Interlocked.Read(ref _packetsReordered);

        /// <summary>Packets corrupted by fault injection.</summary>
        public long PacketsCorrupted => Interlocked.Read(ref _packetsCorrupted);

        /// <summary>Packets of random bytes sent by fault injection.</summary>
        public long GarbageSent => Interlocked.Read(ref _garbageSent);

        /// <summary>Sends that failed at the socket.</summary>
        public long SendErrors => Interlocked.Read(ref _sendErrors);

        internal void AddLoginsSent() => Interlocked.Increment(ref _loginsSent);

        internal void AddLoginRequests() => Interlocked.Increment(ref _loginRequests);

        internal void AddLoginsAccepted() => Interlocked.Increment(ref _loginsAccepted);

        internal void AddPasswordErrors() => Interlocked.Increment(ref _passwordErrors);

        internal void AddDiscoveryProbes() => Interlocked.Increment(ref _discoveryProbes);

        internal void AddRegistrations() => Interlocked.Increment(ref _registrations);

        internal void AddRegistrationsDropped() => Interlocked.Increment(ref _registrationsDropped);

        internal void AddHeadingsSent() => Interlocked.Increment(ref _headingsSent);

        internal void AddHeadingsAnswered() => Interlocked.Increment(ref _headingsAnswered);

        internal void AddStatusPushes() => Interlocked.Increment(ref _statusPushes);

        internal void AddChargingStatusPushes() => Interlocked.Increment(ref _chargingStatusPushes);

        internal void AddSettingPushes() => Interlocked.Increment(ref _settingPushes);

        internal void AddCommandsReceived() => Interlocked.Increment(ref _commandsReceived);

        internal void AddCommandsIgnored() => Interlocked.Increment(ref _commandsIgnored);

        internal void AddDatagramsDropped() => Interlocked.Increment(ref _datagramsDropped);

        internal void AddChargeStarts() => Interlocked.Increment(ref _chargeStarts);

        internal void AddChargeStartsRefused() => Interlocked.Increment(ref _chargeStartsRefused);

        internal void AddChargeStops() => Interlocked.Increment(ref _chargeStops);

        internal void AddRecordsSent() => Interlocked.Increment(ref _recordsSent);

        internal void AddRecordsAcknowledged() => Interlocked.Increment(ref _recordsAcknowledged);

        internal void AddPacketsSent() => Interlocked.Increment(ref _packetsSent);

        internal void AddPacketsReceived() => Interlocked.Increment(ref _packetsReceived);

        internal void AddPacketsLost() => Interlocked.Increment(ref _packetsLost);

        internal void AddPacketsDuplicated() => Interlocked.Increment(ref _packetsDuplicated);

        internal void AddPacketsReordered() => Interlocked.Increment(ref _packetsReordered);

        internal void AddPacketsCorrupted() => Interlocked.Increment(ref _packetsCorrupted);

        internal void AddGarbageSent() => Interlocked.Increment(ref _garbageSent);

        internal void AddSendErrors() => Interlocked.Increment(ref _sendErrors);

        /// <inheritdoc/>
        public override string ToString() => "Logins " + LoginsSent + ", registrations " + Registrations + ", headings " + HeadingsSent + ", commands " + CommandsReceived + ", dropped " + DatagramsDropped;
    }
}
