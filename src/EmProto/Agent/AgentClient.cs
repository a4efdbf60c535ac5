using System;
using System.Collections;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using EmProto.Engine;

namespace EmProto.PowerShell.Agent
{
    /// <summary>
    /// A session's side of the agent's channel. Decides, per command, whether this session uses an agent (one
    /// answers on the socket, this process runs no communicator of its own, and is not the agent itself), and runs
    /// a command there, handing each record back as it arrives.
    /// </summary>
    internal static class AgentClient
    {
        private static int _isAgentProcess;

        /// <summary>True in the agent's own process: its commands run here, never forwarded.</summary>
        public static bool IsAgentProcess
        {
            get => Volatile.Read(ref _isAgentProcess) == 1;
            set => Volatile.Write(ref _isAgentProcess, value ? 1 : 0);
        }

        /// <summary>
        /// A connection to the agent this session should use now, or null (run in process). Costs one file test when
        /// no agent runs.
        /// </summary>
        /// <exception cref="EvseException">The socket belongs to another user (EvseAgentRefused).</exception>
        public static AgentConnection? TryAttach()
        {
            if (IsAgentProcess || !AgentSocket.IsSupported) return null;
            var own = CommunicatorHolder.Current;
            if (own != null && own.IsRunning) return null;
            return Connect(AgentSocket.DefaultPath);
        }

        /// <summary>A connection to the agent at <paramref name="socketPath"/>, or null when none answers.</summary>
        /// <exception cref="EvseException">The socket belongs to another user (EvseAgentRefused).</exception>
        public static AgentConnection? Connect(string socketPath)
        {
            Socket? socket;
            try
            {
                socket = AgentSocket.TryConnect(socketPath);
            }
            catch (UnauthorizedAccessException)
            {
                throw AgentConnection.Refused("The EmProto agent socket " + socketPath + " belongs to another user. Each user runs their own agent (set EMPROTO_AGENT_SOCKET to a path of yours).");
            }
            return socket == null ? null : new AgentConnection(socket);
        }

        /// <summary>Asks the agent to describe itself; null when it does not answer.</summary>
        public static EvseAgentInfo? Describe(string socketPath)
        {
            using (var connection = Connect(socketPath))
            {
                if (connection == null) return null;
                try
                {
                    return Ask(connection, FrameKind.Describe, string.Empty) as EvseAgentInfo;
                }
                catch (IOException)
                {
                    return null;
                }
            }
        }

        /// <summary>
        /// Watch-Evse's rows of the chargers asked for, from the agent's memory: (rows, literals that matched none).
        /// </summary>
        /// <exception cref="IOException">The agent went away.</exception>
        public static (ArrayList Rows, string[] Unmatched) Snapshot(string socketPath, string[]? serials, string[]? names)
        {
            using (var connection = Connect(socketPath) ?? throw new IOException("No EmProto agent answers at " + socketPath + "."))
            {
                var request = new Hashtable { ["Serials"] = serials, ["Names"] = names };
                if (!(Ask(connection, FrameKind.Snapshot, AgentSerializer.Serialize(request)) is Hashtable reply)) throw new IOException("The EmProto agent sent no rows.");
                var rows = reply["Rows"] as ArrayList ?? new ArrayList();
                var unmatched = new System.Collections.Generic.List<string>();
                if (reply["Unmatched"] is IEnumerable literals)
                {
                    foreach (var literal in literals) unmatched.Add(Convert.ToString(literal, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
                return (rows, unmatched.ToArray());
            }
        }

        /// <summary>One question to the agent: the frame sent, then the output it answers with (null when none) once it says Done.</summary>
        /// <exception cref="EvseException">The agent refuses this user (EvseAgentRefused).</exception>
        /// <exception cref="IOException">The agent went away before it answered.</exception>
        private static object? Ask(AgentConnection connection, FrameKind kind, string text)
        {
            SendFirst(connection, kind, text);
            object? answer = null;
            while (connection.TryReceive(out var replyKind, out var reply))
            {
                if (replyKind == FrameKind.Refused) throw AgentConnection.Refused(reply);
                if (replyKind == FrameKind.Record && reply.Length > 0 && reply[0] == AgentStreams.Output) answer = AgentSerializer.Deserialize(reply.Substring(1));
                if (replyKind == FrameKind.Done) return answer;
            }
            throw new IOException("The EmProto agent went away before it answered.");
        }

        /// <summary>
        /// Runs <paramref name="command"/> in the agent over <paramref name="connection"/> (which it then owns),
        /// calling <paramref name="onRecord"/> on this thread for each record (stream character, value). Cancelling
        /// <paramref name="stop"/> asks the agent to stop the command.
        /// </summary>
        /// <returns>False when the agent went away before the command ended.</returns>
        public static bool Invoke(AgentConnection connection, string command, Hashtable parameters, Hashtable preferences, Action<char, object?> onRecord, CancellationToken stop)
        {
            using (connection)
            using (stop.Register(() => SendStop(connection)))
            {
                try
                {
                    string? text = AgentInvocationText.TryEncode(command, parameters, preferences);
                    if (text != null)
                    {
                        SendFirst(connection, FrameKind.InvokeText, text);
                    }
                    else
                    {
                        var call = new Hashtable
                        {
                            ["Command"] = command,
                            ["Parameters"] = parameters,
                            ["Preferences"] = preferences,
                        };
                        SendFirst(connection, FrameKind.Invoke, AgentSerializer.Serialize(call));
                    }
                    while (connection.TryReceive(out var kind, out var frame))
                    {
                        switch (kind)
                        {
                            case FrameKind.Done:
                                return true;
                            case FrameKind.Refused:
                                throw AgentConnection.Refused(frame);
                            case FrameKind.Record:
                                if (frame.Length == 0) continue;
                                onRecord(frame[0], AgentSerializer.Deserialize(frame.Substring(1)));
                                break;
                        }
                    }
                    return false;
                }
                catch (IOException)
                {
                    return false;
                }
            }
        }

        /// <summary>
        /// Sends a connection's first frame. An agent that refuses this user says so and closes at once, so the write
        /// may find the connection closed: the refusal is still there to be read, and the reader reports it.
        /// </summary>
        internal static void SendFirst(AgentConnection connection, FrameKind kind, string text)
        {
            try
            {
                connection.Send(kind, text);
            }
            catch (IOException)
            {
                // Read on: a refusal (or the end of the connection) follows.
            }
        }

        private static void SendStop(AgentConnection connection)
        {
#pragma warning disable CA1031 // the agent is gone already: nothing to stop
            try
            {
                connection.Send(FrameKind.Stop, string.Empty);
            }
            catch (Exception)
            {
                // Its end of the connection is closed; the reader sees that.
            }
#pragma warning restore CA1031
        }
    }
}
