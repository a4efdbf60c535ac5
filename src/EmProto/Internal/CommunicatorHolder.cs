using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using EmProto.Engine;
using EmProto.Engine.Persistence;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The one <see cref="EvseCommunicator"/> of the process, shared by every runspace. Started with
    /// defaults on first use (EMPROTO_PORT, EMPROTO_LOCAL_ADDRESS and EMPROTO_STORE_PATH override them),
    /// or explicitly by Start-EvseCommunicator. Thread-safe.
    /// </summary>
    public static class CommunicatorHolder
    {
        private static readonly object Gate = new object();
        private static EvseCommunicator? _current;
        private static bool _storeProblemReported;
        private static readonly ConcurrentQueue<string> AddressWarnings = new ConcurrentQueue<string>();
        private const int MaxPendingWarnings = 100;

        /// <summary>The running communicator, or null (never starts one: for completers and status).</summary>
        public static EvseCommunicator? Current
        {
            get { lock (Gate) return _current; }
        }

        /// <summary>The running communicator, started with the defaults when there is none.</summary>
        public static EvseCommunicator GetOrStart()
        {
            lock (Gate)
            {
                if (_current != null && _current.IsRunning) return _current;
                return StartCore(DefaultOptions());
            }
        }

        /// <summary>Starts a communicator with these options; fails when one is running unless <paramref name="replace"/>.</summary>
        public static EvseCommunicator Start(CommunicatorOptions options, bool replace)
        {
            lock (Gate)
            {
                if (_current != null && _current.IsRunning)
                {
                    if (!replace)
                    {
                        throw new EvseException(EvseErrorKind.InvalidOperation, "EvseCommunicatorRunning",
                            "The communicator is already running on " + _current.LocalEndPoint + ". Use Stop-EvseCommunicator first, or -Force to replace it.");
                    }
                    var previous = _current.Options.Clone();
                    StopCore();
                    try
                    {
                        return StartCore(options);
                    }
                    catch (EvseException)
                    {
                        // The replacement could not start (e.g. its port is taken): do not leave the
                        // process without a communicator; bring the previous one back and report the failure.
                        try
                        {
                            StartCore(previous);
                        }
                        catch (EvseException)
                        {
                            // The previous endpoint is gone too; the original error says what to do.
                        }
                        throw;
                    }
                }
                return StartCore(options);
            }
        }

        /// <summary>Stops and disposes the communicator, if any; returns true when one was running.</summary>
        public static bool Stop()
        {
            lock (Gate) return StopCore();
        }

        /// <summary>
        /// Returns the store problem once per communicator (to be reported as a warning), or null.
        /// </summary>
        public static string? TakeStoreProblem()
        {
            lock (Gate)
            {
                if (_current?.StoreProblem == null || _storeProblemReported) return null;
                _storeProblemReported = true;
                return _current.StoreProblem;
            }
        }

        /// <summary>
        /// Takes the address warnings not yet reported: a charger's datagrams came from another address
        /// (it moved, or something impersonates it), or a pinned charger's impostor was ignored. Each is
        /// returned once, to whichever cmdlet asks first; empty when there are none.
        /// </summary>
        public static IReadOnlyList<string> TakeAddressWarnings()
        {
            if (AddressWarnings.IsEmpty) return Array.Empty<string>();
            var list = new List<string>();
            while (AddressWarnings.TryDequeue(out var message)) list.Add(message);
            return list;
        }

        private static void OnEvseChanged(object? sender, EvseEventArgs e)
        {
            if (e.Change != EvseChange.Address || e.Message == null) return;
            if (AddressWarnings.Count >= MaxPendingWarnings) return;
            AddressWarnings.Enqueue(e.Message);
        }

        /// <summary>The defaults for auto-start, with the environment overrides applied.</summary>
        public static CommunicatorOptions DefaultOptions()
        {
            var options = new CommunicatorOptions { StorePath = EvseStore.DefaultPath };
            string? port = Environment.GetEnvironmentVariable("EMPROTO_PORT");
            if (!string.IsNullOrEmpty(port))
            {
                if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 65535)
                    throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidEnvironment", "EMPROTO_PORT must be a port number 0-65535; got '" + port + "'.");
                options.Port = p;
            }
            string? address = Environment.GetEnvironmentVariable("EMPROTO_LOCAL_ADDRESS");
            if (!string.IsNullOrEmpty(address))
            {
                if (!IPAddress.TryParse(address, out var a))
                    throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidEnvironment", "EMPROTO_LOCAL_ADDRESS must be an IP address; got '" + address + "'.");
                options.LocalAddress = a;
            }
            string? store = Environment.GetEnvironmentVariable("EMPROTO_STORE_PATH");
            if (!string.IsNullOrEmpty(store)) options.StorePath = store;
            return options;
        }

        private static EvseCommunicator StartCore(CommunicatorOptions options)
        {
            StopCore();
            var communicator = new EvseCommunicator(options);
            try
            {
                communicator.EvseChanged += OnEvseChanged;
                communicator.Start();
            }
            catch
            {
                communicator.Dispose();
                throw;
            }
            _current = communicator;
            _storeProblemReported = false;
            return communicator;
        }

        private static bool StopCore()
        {
            var c = _current;
            _current = null;
            if (c == null) return false;
            bool wasRunning = c.IsRunning;
            c.Dispose();
            c.EvseChanged -= OnEvseChanged;
            while (AddressWarnings.TryDequeue(out _))
            {
            }
            return wasRunning;
        }
    }
}
