using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Persistence;
using EmProto.Engine.Transport;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>
    /// The one UDP endpoint of a process: receives and decodes every packet, keeps the registry of
    /// chargers, answers keep-alives and acknowledges pushes, and carries every request. Thread-safe;
    /// shared by all runspaces. Events are raised on a dedicated dispatcher thread, never on the
    /// receive path.
    /// </summary>
    public sealed partial class EvseCommunicator : IDisposable
    {
        private readonly ConcurrentDictionary<EvseSerial, Evse> _evses = new ConcurrentDictionary<EvseSerial, Evse>();
        private readonly HashSet<string> _dirty = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new HashSet<string>(StringComparer.Ordinal);
        private readonly object _lifecycle = new object();
        private readonly object _storeLock = new object();
        private readonly object _saveGate = new object();
        private readonly ConcurrentDictionary<Task, bool> _background = new ConcurrentDictionary<Task, bool>();
        private readonly EventDispatcher _dispatcher;
        private CancellationTokenSource _cts = new CancellationTokenSource();
        private IUdpTransport? _transport;
        private Task? _receiveLoop;
        private ITimer? _housekeeping;
        private StoreWriter? _storeWriter;
        private int _ticking; // housekeeping ticks asked for and not yet covered by a run
        private bool _disposed;

        /// <summary>Creates a communicator (not started).</summary>
        public EvseCommunicator(CommunicatorOptions? options = null)
        {
            Options = (options ?? new CommunicatorOptions()).Clone();
            Options.Validate();
            _dispatcher = new EventDispatcher(Counters);
        }

        /// <summary>The settings (treat as read-only once started).</summary>
        public CommunicatorOptions Options { get; }

        /// <summary>Counters: received, sent, dropped by reason, retries, timeouts.</summary>
        public CommunicatorCounters Counters { get; } = new CommunicatorCounters();

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning => _transport != null;

        /// <summary>The bound local endpoint while running.</summary>
        public IPEndPoint? LocalEndPoint => _transport?.LocalEndPoint;

        /// <summary>When it was started.</summary>
        public DateTimeOffset? StartedAt { get; private set; }

        /// <summary>
        /// Why the known-chargers file could not be read (it is then left untouched for the whole session) or,
        /// the last time, written (locked or unwritable: what was not written is tried again), or null.
        /// </summary>
        public string? StoreProblem => StoreError?.Message;

        /// <summary>
        /// The failure behind <see cref="StoreProblem"/> (ErrorId EvseStoreUnreadable, EvseStoreWriteFailed or
        /// EvseStoreLocked), or null.
        /// </summary>
        public EvseException? StoreError { get; private set; }

        internal CancellationToken Lifetime => _cts.Token;

        /// <summary>A charger appeared.</summary>
        public event EventHandler<EvseEventArgs>? EvseAdded;

        /// <summary>Something about a charger changed (see <see cref="EvseEventArgs.Change"/>).</summary>
        public event EventHandler<EvseEventArgs>? EvseChanged;

        /// <summary>A charger was removed (forgotten).</summary>
        public event EventHandler<EvseEventArgs>? EvseRemoved;

        /// <summary>A datagram was received or sent (for dumps; the password is masked).</summary>
        public event EventHandler<DatagramTrafficEventArgs>? DatagramTraffic;

        /// <summary>
        /// How many handlers are attached to <see cref="EvseAdded"/>, <see cref="EvseChanged"/>,
        /// <see cref="EvseRemoved"/> and <see cref="DatagramTraffic"/> together (to see that subscriptions
        /// are released).
        /// </summary>
        public int EventSubscriberCount =>
            Count(EvseAdded) + Count(EvseChanged) + Count(EvseRemoved) + Count(DatagramTraffic);

        /// <summary>Work started in the background (refreshes, automatic logins) and not finished yet.</summary>
        internal int BackgroundTaskCount => _background.Count;

        /// <summary>Requests waiting for an answer, over all chargers.</summary>
        internal int PendingRequestCount
        {
            get
            {
                int n = 0;
                foreach (var e in _evses.Values) n += e.PendingRequestCount;
                return n;
            }
        }

        private static int Count(Delegate? handlers) => handlers?.GetInvocationList().Length ?? 0;

        /// <summary>Binds the socket, loads the known chargers and starts receiving.</summary>
        /// <exception cref="EvseException">The port is in use (EvsePortInUse) or the socket cannot be bound.</exception>
        public void Start()
        {
            lock (_lifecycle)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(EvseCommunicator));
                if (_transport != null) return;
                LoadStore();
                _cts = new CancellationTokenSource();
                _transport = Options.TransportFactory(Options);
                StartedAt = Options.TimeProvider.GetUtcNow();
                var transport = _transport;
                var token = _cts.Token;
                // Its own thread: the socket transport receives synchronously, so the whole loop stays on it.
                _receiveLoop = Task.Factory.StartNew(() => ReceiveLoopAsync(transport, token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
                _housekeeping = Options.TimeProvider.CreateTimer(_ => Housekeeping(), null, Options.HousekeepingInterval, Options.HousekeepingInterval);
                if (Options.StorePath != null)
                {
                    _storeWriter = new StoreWriter(Save);
                    _storeWriter.Start();
                }
            }
        }

        /// <summary>Stops receiving, saves the known chargers and closes the socket. Chargers stay in memory.</summary>
        public void Stop()
        {
            Task? loop;
            StoreWriter? writer;
            lock (_lifecycle)
            {
                if (_transport == null) return;
                _housekeeping?.Dispose();
                _housekeeping = null;
                writer = _storeWriter;
                _storeWriter = null;
                _cts.Cancel();
                _transport.Dispose();
                _transport = null;
                loop = _receiveLoop;
                _receiveLoop = null;
            }
            try
            {
                loop?.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends by cancellation; anything else was already counted.
            }
            var pending = new List<Task>(_background.Keys);
            try
            {
                Task.WaitAll(pending.ToArray(), TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Background work ends by cancellation.
            }
            foreach (var evse in _evses.Values) evse.FailWaiters(new OperationCanceledException("The communicator was stopped."));
            writer?.Dispose();
            Save();
        }

        /// <summary>Stops and releases everything; no thread, timer or socket outlives it.</summary>
        public void Dispose()
        {
            Stop();
            lock (_lifecycle)
            {
                if (_disposed) return;
                _disposed = true;
            }
            _dispatcher.Dispose();
            _cts.Dispose();
        }

        // ------------------------------------------------------------------ registry

        /// <summary>The chargers known, sorted by serial.</summary>
        public IReadOnlyList<Evse> GetEvses()
        {
            var list = new List<Evse>(_evses.Values);
            list.Sort((a, b) => a.SerialValue.CompareTo(b.SerialValue));
            return list;
        }

        /// <summary>A charger by serial (16 hex digits), or null.</summary>
        public Evse? GetEvse(string serial) => EvseSerial.TryParse(serial, out var s) && _evses.TryGetValue(s, out var e) ? e : null;

        /// <summary>Adds (or returns) a charger at a known address — for chargers on another subnet, where broadcasts do not reach.</summary>
        public Evse AddEvse(string serial, IPEndPoint endPoint)
        {
            if (!EvseSerial.TryParse(serial, out var s))
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidSerial, "A charger serial is 16 hexadecimal digits; got '" + serial + "'.");
            var evse = GetOrAdd(s, out bool added);
            evse.SetEndPoint(endPoint);
            evse.AddedByAddress = true;
            MarkDirty(evse);
            if (added) RaiseAdded(evse);
            return evse;
        }

        /// <summary>Forgets a charger, including its stored password.</summary>
        public bool RemoveEvse(string serial)
        {
            if (!EvseSerial.TryParse(serial, out var s) || !_evses.TryRemove(s, out var evse)) return false;
            evse.EndSession();
            lock (_storeLock)
            {
                _removed.Add(evse.Serial);
                _dirty.Remove(evse.Serial);
            }
            Save();
            var args = new EvseEventArgs(evse, null, null, null, Options.TimeProvider.GetUtcNow());
            _dispatcher.Post(() => EvseRemoved?.Invoke(this, args));
            return true;
        }

        private Evse GetOrAdd(EvseSerial serial, out bool added, IPEndPoint? firstSeenAt = null, LoginPayload? announced = null)
        {
            if (_evses.TryGetValue(serial, out var existing))
            {
                added = false;
                return existing;
            }
            var created = new Evse(this, serial);
            // Publish a charger only with its address, so no caller sees it half-made.
            if (firstSeenAt != null) created.SetEndPoint(firstSeenAt);
            if (announced != null) created.ApplyInfo(announced, quiet: true);
            var actual = _evses.GetOrAdd(serial, created);
            added = ReferenceEquals(actual, created);
            // A removed charger seen again stays in _removed until the removal is saved: a save applies the
            // removals first and then writes what is worth keeping, so a re-added charger that earns its line
            // (a login, a pin) is written again, and a stray late reply does not undo the removal.
            return actual;
        }

        // ------------------------------------------------------------------ receive path

        private async Task ReceiveLoopAsync(IUdpTransport transport, CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                UdpPacket packet;
                try
                {
                    packet = await transport.ReceiveAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
#pragma warning disable CA1031 // the receive loop never dies: a failed receive is retried
                catch (Exception)
                {
                    if (token.IsCancellationRequested) return;
                    Counters.Drop(DropReason.HandlerError);
                    continue;
                }
                try
                {
                    HandlePacket(packet.Buffer, packet.Count, packet.Remote);
                }
                catch (Exception)
                {
                    Counters.Drop(DropReason.HandlerError);
                }
#pragma warning restore CA1031
            }
        }

        /// <summary>Processes one received packet (the receive path; public for tests and fuzzing).</summary>
        public void HandlePacket(byte[] buffer, int count, IPEndPoint remote)
        {
            Counters.PacketReceived();
            var reader = DatagramCodec.ReadPacket(buffer, 0, count);
            while (reader.TryReadNext(out var datagram, out var error))
            {
                if (error != DecodeError.None)
                {
                    Counters.Drop((DropReason)((int)error - 1));
                    continue;
                }
#pragma warning disable CA1031 // one bad datagram must not stop the rest of the packet
                try
                {
                    HandleDatagram(datagram, remote, buffer, count);
                }
                catch (Exception)
                {
                    Counters.Drop(DropReason.HandlerError);
                }
#pragma warning restore CA1031
            }
        }

        /// <summary>How long a charger's old address must have been silent for an announce from a new port to count as its restart.</summary>
        private static readonly TimeSpan RestartSilence = TimeSpan.FromSeconds(3);

        private void HandleDatagram(in Datagram d, IPEndPoint remote, byte[] buffer, int count)
        {
            if (EmCommands.IsAppToCharger(d.Command))
            {
                Counters.Drop(DropReason.NotFromCharger);
                return;
            }
            Counters.DatagramReceived();
            var now = Options.TimeProvider.GetUtcNow();
            bool originated = EmCommands.IsOriginatedByCharger(d.Command);
            bool mayCreate = originated || d.Command == EmCommand.PasswordErrorResponse;
            Evse? evse;
            bool added = false;
            if (mayCreate)
            {
                if (!_evses.TryGetValue(d.Serial, out evse))
                {
                    if (_evses.Count >= Options.MaxChargers)
                    {
                        Counters.Drop(DropReason.RegistryFull);
                        return;
                    }
                    evse = GetOrAdd(d.Serial, out added, remote, d.Payload as LoginPayload);
                }
            }
            else if (!_evses.TryGetValue(d.Serial, out evse))
            {
                Counters.Drop(DropReason.Unsolicited);
                return;
            }

            var silentSince = evse.LastSeen;
            bool moved = evse.AcceptEndPoint(remote, originated, out var previous, out bool rejected);
            if (rejected)
            {
                Counters.Drop(DropReason.AddressMismatch);
                if (originated)
                {
                    Raise(evse, EvseChange.Address, previous, remote,
                        "Ignored a datagram claiming to be charger " + evse.Serial + " from " + remote + "; it is pinned to " + previous + ".");
                }
                return;
            }
            if (DatagramTraffic != null) PostTraffic(TrafficDirection.Received, remote, d, buffer, count);
            if (added)
            {
                MarkDirty(evse);
                RaiseAdded(evse);
            }
            if (moved)
            {
                MarkDirty(evse);
                // A rebooted charger binds a new source port and announces itself (Login) from the same IP after
                // its old address fell silent: a restart, recorded quietly. Another IP, a new port seen first on
                // any other datagram, or an announce while the old address is still sending may be an impostor.
                bool oldAddressSilent = !silentSince.HasValue || now - silentSince.Value >= RestartSilence;
                if (d.Command == EmCommand.Login && oldAddressSilent && previous != null && previous.Address.Equals(remote.Address))
                {
                    Raise(evse, EvseChange.Restarted, previous, remote,
                        "Charger " + evse.Serial + " restarted: it announced itself from port " + remote.Port + " (was " + previous.Port + ") of the same address " + remote.Address + ".");
                }
                else
                {
                    Raise(evse, EvseChange.Address, previous, remote,
                        "Charger " + evse.Serial + " now sends from " + remote + " (was " + previous + "). If you did not expect this, another device may be impersonating it: pin it with Connect-Evse -Pin.");
                }
            }
            if (evse.Touch(now)) Raise(evse, EvseChange.Online, false, true);

            switch (d.Command)
            {
                case EmCommand.Login:
                    evse.ApplyInfo((LoginPayload)d.Payload);
                    evse.OnAnnounce(now);
                    if (evse.NeedsLogin(now, TimeSpan.FromSeconds(3))) AutoLogin(evse);
                    break;
                case EmCommand.LoginResponse:
                    if (!evse.Deliver(d)) Counters.Drop(DropReason.Unsolicited);
                    break;
                case EmCommand.PasswordErrorResponse:
                    if (!evse.Deliver(d) && !added && evse.EndPoint != null) evse.OnPasswordRejected();
                    break;
                case EmCommand.Heading:
                    // After Disconnect-Evse the charger is handed back: unanswered Headings make it drop us and
                    // return to broadcasting, so the phone app can take it.
                    if (!evse.AnswersHeadings) break;
                    Acknowledge(evse, d.Command, remote);
                    evse.OnHeading(now);
                    if (!evse.IsLoggedIn && evse.NeedsLogin(now, TimeSpan.FromSeconds(3))) AutoLogin(evse);
                    break;
                case EmCommand.SingleAcStatus:
                    Acknowledge(evse, d.Command, remote);
                    evse.ApplyStatus((SingleAcStatusPayload)d.Payload, now);
                    break;
                case EmCommand.StatusRecord:
                    evse.ApplyStatus((SingleAcStatusPayload)d.Payload, now);
                    evse.Deliver(d);
                    break;
                case EmCommand.SingleAcChargingStatusPublicAuto:
                case EmCommand.SingleAcChargingStatusResponse:
                    // Both carry the session: 5 is pushed (and acknowledged), 6 answers 0x8006 or is pushed by some firmware.
                    Acknowledge(evse, d.Command, remote);
                    evse.ApplyChargingStatus((ChargingStatusPayload)d.Payload);
                    evse.Deliver(d);
                    break;
                case EmCommand.CurrentChargeRecord:
                {
                    var r = (ChargeRecordPayload)d.Payload;
                    Reply(evse, EmCommand.CurrentChargeRecordResponse, new CurrentChargeRecordAckPayload { LineId = r.LineId, ChargeIdBytes = r.ChargeIdBytes, Status = 1 }, remote);
                    if (evse.AddRecord(r, now)) RequestSave();
                    break;
                }
                case EmCommand.UploadLocalChargeRecord:
                {
                    var r = (ChargeRecordPayload)d.Payload;
                    Reply(evse, EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeIdBytes = r.ChargeIdBytes }, remote);
                    if (evse.AddRecord(r, now)) RequestSave();
                    break;
                }
                default:
                    if (evse.Deliver(d)) break;
                    // A setting the charger pushes on its own (changed on its screen or in the phone app).
                    if (evse.ApplyPushedSetting(d)) break;
                    if (!IsUnsolicitedReport(d)) Counters.Drop(DropReason.Unsolicited);
                    break;
            }
        }

        private static bool IsUnsolicitedReport(in Datagram d) =>
            d.Command == EmCommand.SetAndGetSystemTimeResponse || d.Command == EmCommand.ChargeStartResponse || d.Command == EmCommand.ChargeStopResponse;

        /// <summary>Sends the acknowledgement the command table names for a push, if any.</summary>
        private void Acknowledge(Evse evse, EmCommand push, IPEndPoint remote)
        {
            var ack = EmCommandTable.Get(push)?.Acknowledgement;
            if (ack.HasValue) Reply(evse, ack.Value, ack.Value == EmCommand.SingleAcStatusResponse ? ByteValuePayload.One : ByteValuePayload.Zero, remote);
        }

        private void Reply(Evse evse, EmCommand command, EmPayload payload, IPEndPoint remote)
        {
            var pw = evse.StoredPassword;
            var d = new Datagram(evse.SerialValue, pw != null ? EmPassword.FromString(pw) : EmPassword.None, command, payload);
            _ = SendAsync(d, remote);
        }

        private void AutoLogin(Evse evse) => RunBackground(evse.AutoLoginAsync);

        // ------------------------------------------------------------------ sending

        internal Task SendAsync(in Datagram d, IPEndPoint target)
        {
            var transport = _transport;
            if (transport == null)
                throw new EvseException(EvseErrorKind.Connection, ErrorIds.CommunicatorStopped, "The communicator is not running (Start-EvseCommunicator starts it).", d.Serial.ToString());
            var bytes = DatagramCodec.Encode(d);
            Counters.DatagramSent();
            if (DatagramTraffic != null) PostTraffic(TrafficDirection.Sent, target, d, bytes, bytes.Length);
            try
            {
                return transport.SendAsync(bytes, bytes.Length, target);
            }
            catch (ObjectDisposedException)
            {
                throw new EvseException(EvseErrorKind.Connection, ErrorIds.CommunicatorStopped, "The communicator was stopped.", d.Serial.ToString());
            }
        }

        private void PostTraffic(TrafficDirection direction, IPEndPoint remote, in Datagram d, byte[] buffer, int count)
        {
            var args = DatagramTrafficEventArgs.Create(direction, remote, d, Options.TimeProvider.GetUtcNow());
            _dispatcher.Post(() => DatagramTraffic?.Invoke(this, args));
        }

    }
}
