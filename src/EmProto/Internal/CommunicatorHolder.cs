using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using EmProto.Engine;
using EmProto.Engine.Persistence;
using EmProto.Engine.Transport;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The one <see cref="EvseCommunicator"/> of the process, shared by every runspace. Started with
    /// defaults on first use (EMPROTO_PORT, EMPROTO_LOCAL_ADDRESS and EMPROTO_STORE_PATH override them),
    /// or explicitly by Start-EvseCommunicator. After Stop-EvseCommunicator, the next cmdlet that needs
    /// one starts it again with the settings of the one stopped (same address, port and store), not the
    /// defaults; only removing the module forgets them. Thread-safe.
    /// </summary>
    public static class CommunicatorHolder
    {
        private static readonly object Gate = new object();
        private static EvseCommunicator? _current;
        private static CommunicatorOptions? _lastOptions;
        private static EvseException? _reportedStoreError;
        private static int _lastPort;
        private static readonly ConcurrentQueue<string> AddressWarnings = new ConcurrentQueue<string>();
        private const int MaxPendingWarnings = 100;

        /// <summary>The running communicator, or null (never starts one: for completers and status).</summary>
        public static EvseCommunicator? Current
        {
            get { lock (Gate) return _current; }
        }

        /// <summary>
        /// The running communicator; when there is none, one is started with the settings of the last one
        /// stopped in this process (its port too, when it had asked for any free port and that port is still
        /// free), else with the defaults.
        /// </summary>
        public static EvseCommunicator GetOrStart()
        {
            lock (Gate)
            {
                if (_current != null && _current.IsRunning) return _current;
                if (_lastOptions == null) return StartCore(DefaultOptions());
                var again = _lastOptions.Clone();
                if (again.Port == 0 && _lastPort != 0)
                {
                    var samePort = again.Clone();
                    samePort.Port = _lastPort;
                    try
                    {
                        var restarted = StartCore(samePort);
                        _lastOptions = again;
                        return restarted;
                    }
                    catch (EvseException)
                    {
                        // The port was taken meanwhile: any free port, as the user asked at first.
                    }
                }
                return StartCore(again);
            }
        }

        /// <summary>The settings the next automatic start uses when none is running (null: the defaults).</summary>
        public static CommunicatorOptions? RememberedOptions
        {
            get { lock (Gate) return _lastOptions?.Clone(); }
        }

        /// <summary>Stops the communicator and forgets its settings (Remove-Module): the next start uses the defaults.</summary>
        public static void Reset()
        {
            lock (Gate)
            {
                StopCore();
                _lastOptions = null;
                _lastPort = 0;
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
                        throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.CommunicatorRunning,
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
        /// Returns the store failure of <paramref name="communicator"/> (default: the running one) once, to be
        /// reported by whichever cmdlet asks first; null when there is none or it was reported already.
        /// </summary>
        public static EvseException? TakeStoreError(EvseCommunicator? communicator = null)
        {
            lock (Gate)
            {
                var error = (communicator ?? _current)?.StoreError;
                if (error == null || ReferenceEquals(error, _reportedStoreError)) return null;
                _reportedStoreError = error;
                return error;
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
                    throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidEnvironment, "EMPROTO_PORT must be a port number 0-65535; got '" + port + "'.");
                options.Port = p;
            }
            string? address = Environment.GetEnvironmentVariable("EMPROTO_LOCAL_ADDRESS");
            if (!string.IsNullOrEmpty(address))
            {
                if (!AddressText.TryParse(address, out var a))
                    throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidEnvironment, "EMPROTO_LOCAL_ADDRESS must be an IP address; got '" + address + "'.");
                options.LocalAddress = a!;
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
            _lastOptions = options.Clone();
            _lastPort = communicator.LocalEndPoint?.Port ?? 0;
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
