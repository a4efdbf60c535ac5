using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // Control methods: what a person or the world does to the charger.
    public sealed partial class SimulatedEvse
    {
        /// <summary>Plugs a car in (gun 2, state 13). Does nothing if one is plugged in.</summary>
        public void PlugIn() => Control(() =>
        {
            if (_plugged) return;
            _plugged = true;
            _finishedWhilePlugged = false;
            _changed = true;
        });

        /// <summary>Unplugs the car: ends a running session (record "Unplugged"), cancels a reservation.</summary>
        public void Unplug() => Control(() =>
        {
            if (!_plugged) return;
            if (IsCharging) EndSession(SimNow, "Unplugged", 2, CurrentState.NotConnected);
            else if (_active != null) CancelReservation();
            _plugged = false;
            _finishedWhilePlugged = false;
            _changed = true;
        });

        /// <summary>Raises error bits; a running session ends (state 1, EVSE fault).</summary>
        public void RaiseError(EvseErrors errors) => Control(() =>
        {
            if (errors == EvseErrors.None) return;
            _errors |= errors;
            if ((errors & EvseErrors.EmergencyStop) != 0) _emergency = true;
            StopForFault("Error");
            _changed = true;
        });

        /// <summary>Clears error bits (all of them by default); clearing <see cref="EvseErrors.EmergencyStop"/> releases the button.</summary>
        public void ClearError(EvseErrors errors = (EvseErrors)uint.MaxValue) => Control(() =>
        {
            if ((_errors & errors) == 0 && !_emergency) return;
            _errors &= ~errors;
            if ((errors & EvseErrors.EmergencyStop) != 0) _emergency = false;
            _changed = true;
        });

        /// <summary>Presses the emergency stop: error bit 6, button state 2, a running session ends.</summary>
        public void PressEmergencyStop() => Control(() =>
        {
            _emergency = true;
            _errors |= EvseErrors.EmergencyStop;
            StopForFault("EmergencyStop");
            _changed = true;
        });

        /// <summary>
        /// Changes the password. A registered app is told with a PasswordErrorResponse and loses its
        /// registration; from now on only the new password is accepted.
        /// </summary>
        /// <exception cref="ArgumentException">Not 6 digits.</exception>
        public void ChangePassword(string password)
        {
            if (password == null || !IsSixDigits(password)) throw new ArgumentException("The password must be exactly 6 digits.", nameof(password));
            var newPassword = EmPassword.FromString(password);
            Control(() =>
            {
                _password = newPassword;
                if (_registered)
                {
                    SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                    Counters.AddPasswordErrors();
                    Unregister();
                }
            });
        }

        /// <summary>
        /// Simulates a firmware update: the charger now reports <paramref name="softwareVersion"/> and reboots,
        /// which drops a registered app without a word and announces itself again (Login broadcast).
        /// </summary>
        /// <exception cref="ArgumentException">Empty, longer than 16 characters, or not printable ASCII.</exception>
        public void ChangeFirmware(string softwareVersion)
        {
            if (string.IsNullOrEmpty(softwareVersion)) throw new ArgumentException("The software version must not be empty.", nameof(softwareVersion));
            EmText.Validate(softwareVersion, 16, nameof(softwareVersion));
            Control(() =>
            {
                _softwareVersion = softwareVersion;
                if (_registered)
                {
                    Counters.AddRegistrationsDropped();
                    Unregister();
                }
            });
        }

        /// <summary>Sets the charger's clock so that it now shows <paramref name="chargerTime"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">More than 10 years off.</exception>
        public void SetClock(DateTimeOffset chargerTime) => Control(() => SetOffset(chargerTime - SimNow));

        /// <summary>Sets how far the charger's clock is off from true time (positive = ahead).</summary>
        /// <exception cref="ArgumentOutOfRangeException">More than 10 years off.</exception>
        public void SetClockOffset(TimeSpan offset) => Control(() => SetOffset(offset));

        /// <summary>
        /// Moves this charger's simulated time forward: its clock, the energy meter, a running session
        /// (limits included) and a reservation coming due. The push cadence keeps following the time provider.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
        public void AdvanceTime(TimeSpan delta)
        {
            if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), delta, "Time can only be advanced (the amount must not be negative).");
            Control(() => _advanced += delta);
        }

        /// <inheritdoc/>
        public override string ToString() => "Simulated EVSE " + Serial + " on port " + Port;

        private void SetOffset(TimeSpan offset)
        {
            if (offset.Duration() > MaxClockOffset)
                throw new ArgumentOutOfRangeException(nameof(offset), offset, "The charger's clock may be at most 3650 days off.");
            _clockOffset = offset;
        }

        private void Control(Action change)
        {
            lock (_gate)
            {
                Integrate();
                change();
                Integrate();
                AfterActivity();
            }
        }
    }
}
