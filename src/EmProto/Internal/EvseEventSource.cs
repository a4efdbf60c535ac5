using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.Protocol;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The source object of one Register-EvseEvent subscription: listens to the communicator, filters by
    /// event and charger, and raises <see cref="EvseEvent"/>. Disposed when the subscriber is removed,
    /// which detaches it from the communicator.
    /// </summary>
    public sealed class EvseEventSource : IDisposable
    {
        private readonly EvseCommunicator _communicator;
        private readonly EvseEventName _eventName;
        private readonly HashSet<string>? _serials;
        private readonly WildcardFilter? _patterns;
        private readonly WildcardFilter? _names;
        private int _disposed;

        /// <summary>Subscribes to the communicator's events.</summary>
        public EvseEventSource(EvseCommunicator communicator, EvseEventName eventName, IEnumerable<string>? serials, IEnumerable<string>? patterns, IEnumerable<string>? names = null)
        {
            _communicator = communicator ?? throw new ArgumentNullException(nameof(communicator));
            _eventName = eventName;
            if (serials != null) _serials = new HashSet<string>(serials, StringComparer.OrdinalIgnoreCase);
            _patterns = WildcardFilter.From(patterns);
            _names = WildcardFilter.From(names);
            switch (eventName)
            {
                case EvseEventName.Added:
                    communicator.EvseAdded += OnAdded;
                    break;
                case EvseEventName.Removed:
                    communicator.EvseRemoved += OnRemoved;
                    break;
                default:
                    communicator.EvseChanged += OnChanged;
                    break;
            }
        }

        /// <summary>Raised for each matching event (on the communicator's dispatcher thread).</summary>
        public event EventHandler<EvseChargerEventArgs>? EvseEvent;

        /// <summary>The event subscribed to.</summary>
        public EvseEventName EventName => _eventName;

        /// <summary>Detaches from the communicator.</summary>
        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _communicator.EvseAdded -= OnAdded;
            _communicator.EvseRemoved -= OnRemoved;
            _communicator.EvseChanged -= OnChanged;
        }

        private void OnAdded(object? sender, EvseEventArgs e) => Forward(e, e.OldValue, e.NewValue);

        private void OnRemoved(object? sender, EvseEventArgs e) => Forward(e, e.OldValue, e.NewValue);

        private void OnChanged(object? sender, EvseEventArgs e)
        {
            var change = e.Change;
            switch (_eventName)
            {
                case EvseEventName.Changed:
                    Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.StateChanged:
                    if (change == EvseChange.StateChanged) Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.ChargingStarted:
                    if (change == EvseChange.ChargingStarted) Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.ChargingStopped:
                    if (change == EvseChange.ChargingStopped) Forward(e, e.OldValue, e.NewValue ?? e.OldValue ?? e.Evse.LastSession);
                    break;
                case EvseEventName.Error:
                    if (change == EvseChange.Error && e.NewValue is EvseErrors errors && errors != EvseErrors.None) Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.Online:
                    if (change == EvseChange.Online && e.NewValue is bool on && on) Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.Offline:
                    if (change == EvseChange.Online && e.NewValue is bool off && !off) Forward(e, e.OldValue, e.NewValue);
                    break;
                case EvseEventName.FirmwareChanged:
                    if (change == EvseChange.Info && e.OldValue is EvseInfo before && e.NewValue is EvseInfo after
                        && before.SoftwareVersion.Length > 0 && before.SoftwareVersion != after.SoftwareVersion)
                        Forward(e, before.SoftwareVersion, after.SoftwareVersion);
                    break;
            }
        }

        private void Forward(EvseEventArgs e, object? oldValue, object? newValue)
        {
            if (Volatile(ref _disposed) == 1 || !Wanted(e.Serial, e.Evse.Name)) return;
            var args = new EvseChargerEventArgs(EvseCharger.From(e.Evse), _eventName, e.Change, oldValue, newValue, e.Time, e.Message);
            EvseEvent?.Invoke(this, args);
        }

        private static int Volatile(ref int value) => System.Threading.Volatile.Read(ref value);

        private bool Wanted(string serial, string? name)
        {
            if (_names != null && _names.IsMatch(name)) return true;
            if (_serials == null && _patterns == null) return _names == null;
            if (_serials != null && _serials.Contains(serial)) return true;
            return _patterns != null && _patterns.IsMatch(serial);
        }

        /// <inheritdoc/>
        public override string ToString() => "EmProto " + _eventName + " events";
    }
}
