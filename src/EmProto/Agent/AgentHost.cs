using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Sockets;
using System.Threading;
using EmProto.Engine;

namespace EmProto.PowerShell.Agent
{
    /// <summary>
    /// The agent's server, in the agent's process (Start-EvseAgent -Wait): accepts the sessions of its user on the
    /// socket and runs each forwarded command in a runspace of its own pool, against the process's one communicator,
    /// streaming every record back as it is written; serves event subscriptions; stops on Shutdown.
    /// </summary>
    internal sealed class AgentHost : IDisposable
    {
        private static AgentHost? _current;

        private readonly Socket _listener;
        private readonly RunspacePool _pool;
        private readonly Thread _acceptThread;
        private readonly ManualResetEventSlim _stopRequested = new ManualResetEventSlim(false);
        private readonly ConcurrentDictionary<AgentConnection, bool> _open = new ConcurrentDictionary<AgentConnection, bool>();
        private readonly DateTime _startedAt = DateTime.UtcNow;
        private int _disposed;

        /// <summary>Listens at <paramref name="socketPath"/>; the pool's runspaces import the module from <paramref name="modulePath"/>.</summary>
        public AgentHost(string socketPath, string modulePath)
        {
            SocketPath = socketPath;
            _listener = AgentSocket.Listen(socketPath);
            try
            {
                var state = InitialSessionState.CreateDefault2();
                state.ImportPSModule(new[] { modulePath });
                _pool = RunspaceFactory.CreateRunspacePool(state);
                _pool.SetMaxRunspaces(64);
                _pool.Open();
            }
            catch
            {
                _listener.Dispose();
                TryDelete(socketPath);
                throw;
            }
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "EmProto agent" };
            _acceptThread.Start();
            Volatile.Write(ref _current, this);
        }

        /// <summary>The agent this process hosts, or null.</summary>
        public static AgentHost? Current => Volatile.Read(ref _current);

        /// <summary>The socket file.</summary>
        public string SocketPath { get; }

        /// <summary>Set when a client asked the agent to stop (Stop-EvseAgent).</summary>
        public WaitHandle StopRequested => _stopRequested.WaitHandle;

        /// <summary>What Get-EvseAgent shows.</summary>
        public EvseAgentInfo Describe()
        {
            var communicator = CommunicatorHolder.Current;
            var info = new EvseAgentInfo
            {
                ProcessId = Process.GetCurrentProcess().Id,
                SocketPath = SocketPath,
                StartedAt = _startedAt,
                UserName = Environment.UserName,
                Sessions = _open.Count,
                Version = typeof(AgentHost).Assembly.GetName().Version?.ToString() ?? string.Empty,
            };
            if (communicator != null)
            {
                info.LocalEndPoint = communicator.LocalEndPoint?.ToString() ?? string.Empty;
                info.StorePath = communicator.Options.StorePath ?? string.Empty;
                foreach (var evse in communicator.GetEvses())
                {
                    info.Chargers++;
                    if (evse.IsLoggedIn) info.Connected++;
                }
            }
            return info;
        }

        private void AcceptLoop()
        {
            while (Volatile.Read(ref _disposed) == 0)
            {
                Socket socket;
                try
                {
                    socket = _listener.Accept();
                }
                catch (SocketException)
                {
                    if (Volatile.Read(ref _disposed) != 0) return;
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
#pragma warning disable CA1031 // a session that cannot be served is closed; the agent goes on
                try
                {
                    var connection = new AgentConnection(socket);
                    _open[connection] = true;
                    var thread = new Thread(() => Serve(connection)) { IsBackground = true, Name = "EmProto agent session" };
                    thread.Start();
                }
                catch (Exception ex)
                {
                    socket.Dispose();
                    Console.Error.WriteLine("EmProto agent: a session could not be served: " + ex.GetType().Name + ": " + ex.Message);
                }
#pragma warning restore CA1031
            }
        }

        private void Serve(AgentConnection connection)
        {
#pragma warning disable CA1031 // one session's failure must not end the agent
            try
            {
                int me = AgentSocket.CurrentUserId;
                int? peer = AgentSocket.PeerUserId(connection.Socket);
                if (peer.HasValue && me >= 0 && peer.Value != me)
                {
                    connection.Send(FrameKind.Refused, "The EmProto agent at " + SocketPath + " belongs to user " + Environment.UserName + " (uid " + me + "); it serves no other user (uid " + peer.Value + "). Each user runs their own agent, with their own socket.");
                    return;
                }
                if (!connection.TryReceive(out var kind, out var text)) return;
                switch (kind)
                {
                    case FrameKind.Invoke:
                        var call = AgentSerializer.Deserialize(text) as Hashtable ?? throw new InvalidDataException("An invocation is a hashtable.");
                        RunInvocation(connection, call["Command"] as string, call["Parameters"] as Hashtable, call["Preferences"] as Hashtable);
                        break;
                    case FrameKind.InvokeText:
                        var (command, parameters, preferences) = AgentInvocationText.Decode(text);
                        RunInvocation(connection, command, parameters, preferences);
                        break;
                    case FrameKind.Subscribe:
                        RunSubscription(connection, text);
                        break;
                    case FrameKind.Snapshot:
                        RunSnapshot(connection, text);
                        break;
                    case FrameKind.Describe:
                        connection.Send(FrameKind.Record, AgentStreams.Output + AgentSerializer.Serialize(Describe()));
                        connection.Send(FrameKind.Done, string.Empty);
                        break;
                    case FrameKind.Shutdown:
                        connection.Send(FrameKind.Done, string.Empty);
                        _stopRequested.Set();
                        break;
                    default:
                        connection.Send(FrameKind.Refused, "Unexpected frame " + (int)kind + " on the agent's channel.");
                        break;
                }
            }
            catch (IOException)
            {
                // The session went away.
            }
            catch (Exception ex)
            {
                // A malformed request: the session is closed, and the agent's log says why.
                Console.Error.WriteLine("EmProto agent: a session ended on an error: " + ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                _open.TryRemove(connection, out _);
                connection.Dispose();
            }
#pragma warning restore CA1031
        }

        private void RunInvocation(AgentConnection connection, string? command, Hashtable? parameters, Hashtable? preferences)
        {
            if (command == null) throw new InvalidDataException("An invocation names its command.");
            parameters ??= new Hashtable();
            preferences ??= new Hashtable();
            if (!command.StartsWith("EmProto\\", StringComparison.Ordinal))
                throw new InvalidDataException("The agent runs EmProto's commands only.");

            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.RunspacePool = _pool;
                // The command itself with the parameters bound in the session; the session's preferences arrive as the
                // common parameters that carry them (-Verbose, -Debug); errors, warnings and information all come back.
                ps.AddCommand(command);
                foreach (DictionaryEntry parameter in parameters) ps.AddParameter(Convert.ToString(parameter.Key, System.Globalization.CultureInfo.InvariantCulture), parameter.Value);
                foreach (DictionaryEntry preference in preferences) ps.AddParameter(Convert.ToString(preference.Key, System.Globalization.CultureInfo.InvariantCulture), preference.Value);
                var output = new PSDataCollection<PSObject>();
                output.DataAdded += (s, e) => Send(connection, AgentStreams.Output, output[e.Index]);
                ps.Streams.Error.DataAdded += (s, e) => Send(connection, AgentStreams.Error, ps.Streams.Error[e.Index]);
                ps.Streams.Warning.DataAdded += (s, e) => Send(connection, AgentStreams.Warning, ps.Streams.Warning[e.Index].Message);
                ps.Streams.Verbose.DataAdded += (s, e) => Send(connection, AgentStreams.Verbose, ps.Streams.Verbose[e.Index].Message);
                ps.Streams.Debug.DataAdded += (s, e) => Send(connection, AgentStreams.Debug, ps.Streams.Debug[e.Index].Message);
                ps.Streams.Progress.DataAdded += (s, e) => Send(connection, AgentStreams.Progress, ps.Streams.Progress[e.Index]);
                ps.Streams.Information.DataAdded += (s, e) => Send(connection, AgentStreams.Information, ps.Streams.Information[e.Index]);

                // The session may ask to stop (Ctrl+C) or go away while the command runs: either stops it.
                int finished = 0;
                var watcher = new Thread(() =>
                {
                    try
                    {
                        while (connection.TryReceive(out var kind, out _))
                        {
                            if (kind == FrameKind.Stop) break;
                        }
                    }
#pragma warning disable CA1031 // whatever breaks the connection stops the command; it must not end the agent
                    catch (Exception)
                    {
                        // Gone: stop below.
                    }
#pragma warning restore CA1031
                    if (Volatile.Read(ref finished) != 0) return;
#pragma warning disable CA1031 // the command may have ended (and its PowerShell gone) since the check above
                    try
                    {
                        ps.BeginStop(null, null);
                    }
                    catch (Exception)
                    {
                        // Ended meanwhile: nothing to stop.
                    }
#pragma warning restore CA1031
                }) { IsBackground = true, Name = "EmProto agent stop watcher" };
                watcher.Start();
                try
                {
                    ps.Invoke(null, output);
                }
                catch (RuntimeException ex)
                {
                    Send(connection, AgentStreams.Terminating, ex.ErrorRecord);
                }
                finally
                {
                    Volatile.Write(ref finished, 1);
                }
                connection.Send(FrameKind.Done, string.Empty);
            }
        }

        private static void Send(AgentConnection connection, char stream, object? value)
        {
#pragma warning disable CA1031 // a session gone mid-command: its records have nowhere to go
            try
            {
                connection.Send(FrameKind.Record, stream + AgentSerializer.Serialize(value));
            }
            catch (IOException)
            {
                // The watcher stops the command.
            }
#pragma warning restore CA1031
        }

        private static void RunSubscription(AgentConnection connection, string text)
        {
            var request = AgentSerializer.Deserialize(text) as Hashtable ?? throw new InvalidDataException("A subscription is a hashtable.");
            var eventName = (EvseEventName)Enum.Parse(typeof(EvseEventName), Convert.ToString(request["EventName"], System.Globalization.CultureInfo.InvariantCulture) ?? nameof(EvseEventName.Changed), true);
            var communicator = CommunicatorHolder.GetOrStart();
            using (var source = new EvseEventSource(communicator, eventName, Strings(request["Serials"]), Strings(request["Patterns"]), Strings(request["Names"])))
            {
                source.EvseEvent += (s, e) =>
                {
#pragma warning disable CA1031 // the subscriber went away: the read below ends the subscription
                    try
                    {
                        connection.Send(FrameKind.Event, AgentSerializer.Serialize(e));
                    }
                    catch (Exception)
                    {
                        connection.Dispose();
                    }
#pragma warning restore CA1031
                };
                connection.Send(FrameKind.Done, string.Empty);
                // Nothing more comes from the subscriber; its end of the connection closing ends the subscription.
                while (connection.TryReceive(out _, out _))
                {
                }
            }
        }

        /// <summary>
        /// Watch-Evse's rows of the chargers asked for (serial patterns and names; none: every charger), from memory,
        /// and the literal serials and names that matched none.
        /// </summary>
        private static void RunSnapshot(AgentConnection connection, string text)
        {
            var request = AgentSerializer.Deserialize(text) as Hashtable ?? new Hashtable();
            var serials = WildcardFilter.From(Strings(request["Serials"]));
            var names = WildcardFilter.From(Strings(request["Names"]));
            var rows = new ArrayList();
            var communicator = CommunicatorHolder.Current;
            if (communicator != null)
            {
                foreach (var evse in communicator.GetEvses())
                {
                    bool wanted = serials == null && names == null;
                    if (serials != null && serials.IsMatch(evse.Serial)) wanted = true;
                    if (names != null && names.IsMatch(evse.Name)) wanted = true;
                    if (wanted) rows.Add(WatchRow.From(evse, new PowerHistory(), removed: false).ToWire());
                }
            }
            var unmatched = new List<string>();
            if (serials != null) unmatched.AddRange(serials.UnmatchedLiterals());
            if (names != null) unmatched.AddRange(names.UnmatchedLiterals());
            var reply = new Hashtable { ["Rows"] = rows, ["Unmatched"] = unmatched.ToArray() };
            connection.Send(FrameKind.Record, AgentStreams.Output + AgentSerializer.Serialize(reply));
            connection.Send(FrameKind.Done, string.Empty);
        }

        private static List<string>? Strings(object? value)
        {
            if (value == null) return null;
            var list = new List<string>();
            if (value is string one)
            {
                list.Add(one);
                return list;
            }
            if (value is IEnumerable many)
            {
                foreach (var item in many)
                {
                    if (item != null) list.Add(item.ToString() ?? string.Empty);
                }
            }
            return list;
        }

        /// <summary>Asks the host to stop (as Stop-EvseAgent does).</summary>
        public void RequestStop() => _stopRequested.Set();

        /// <summary>Stops listening, ends the sessions, closes the pool and removes the socket file.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Interlocked.CompareExchange(ref _current, null, this);
            _listener.Dispose();
            foreach (var connection in _open.Keys) connection.Dispose();
            _pool.Dispose();
            TryDelete(SocketPath);
            _stopRequested.Set();
        }

        private static void TryDelete(string path)
        {
#pragma warning disable CA1031 // a socket file that cannot be removed is replaced by the next agent
            try
            {
                File.Delete(path);
            }
            catch (Exception)
            {
                // Left behind: harmless.
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>The first character of a Record frame: which stream the record belongs to.</summary>
    internal static class AgentStreams
    {
        public const char Output = 'O';
        public const char Error = 'E';
        public const char Warning = 'W';
        public const char Verbose = 'V';
        public const char Debug = 'D';
        public const char Progress = 'P';
        public const char Information = 'I';
        public const char Terminating = 'T';
    }
}
