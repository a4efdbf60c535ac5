namespace EmProto.Engine
{
    /// <summary>The login session: the only place that logs in, and the rules for logging in again on its own.</summary>
    public sealed partial class Evse
    {
        private static readonly TimeSpan AnnounceGrace = TimeSpan.FromSeconds(5);

        /// <summary>Automatic logins refused in a row before the engine stops trying (until Connect-Evse).</summary>
        internal const int AutoLoginFailureLimit = 3;

        /// <summary>How many refusals of the stored password end automatic logins (until an explicit login).</summary>
        public static int AutoLoginAttempts => AutoLoginFailureLimit;

        private readonly SemaphoreSlim _loginGate = new SemaphoreSlim(1, 1);
        private string? _password;
        private bool _loggedIn, _disconnected;
        private DateTimeOffset? _lastHeading, _loggedInAt, _nextAutoLoginAt, _authFailedAt;
        private string? _authFailure;
        private int _autoLoginFailures;
        private int _loginInProgress;
        private int _loginRequestsSent, _loginAnswers;
        private int _disconnects;
        private DateTimeOffset _lastLoginRequestAt;

        /// <summary>True while a login session is live.</summary>
        public bool IsLoggedIn
        {
            get { lock (_sync) return _loggedIn; }
        }

        /// <summary>True when a password that worked is known (it is never exposed).</summary>
        public bool HasPassword
        {
            get { lock (_sync) return _password != null; }
        }

        /// <summary>True after <see cref="Disconnect"/> until the next explicit login: no automatic login, Headings unanswered.</summary>
        public bool IsDisconnected
        {
            get { lock (_sync) return _disconnected; }
        }

        /// <summary>When the charger last refused the stored password (automatic logins then stop), or null.</summary>
        public DateTimeOffset? AuthenticationFailedAt
        {
            get { lock (_sync) return _authFailedAt; }
        }

        /// <summary>Why the last login failed, in words, or null.</summary>
        public string? AuthenticationFailure
        {
            get { lock (_sync) return _authFailure; }
        }

        /// <summary>When the current login session began, or null.</summary>
        public DateTimeOffset? LoggedInAt
        {
            get { lock (_sync) return _loggedIn ? _loggedInAt : null; }
        }

        internal bool LoginInProgress => Volatile.Read(ref _loginInProgress) == 1;

        /// <summary>
        /// True when the last successful login changed what the store holds for other processes (a new password,
        /// or the end of a disconnect or a refusal); otherwise its small changes are written with the next save.
        /// </summary>
        public bool LastLoginChangedStore { get; private set; }

        internal string? StoredPassword
        {
            get { lock (_sync) return _password; }
        }

        /// <summary>
        /// Logs in: RequestLogin, then LoginResponse or PasswordErrorResponse, then LoginConfirm, and returns
        /// as soon as the charger accepted the password. Versions, configuration and charging status are read
        /// afterwards in the background and never delay or fail the login. The password is remembered (and
        /// stored) only after it worked. An explicit login also ends a <see cref="Disconnect"/> and clears a
        /// refused password.
        /// </summary>
        /// <exception cref="EvseAuthenticationException">The charger refused the password.</exception>
        /// <exception cref="EvseTimeoutException">No answer within the retry budget.</exception>
        public Task LoginAsync(string password, CancellationToken cancellationToken = default) => LoginCoreAsync(password, true, cancellationToken);

        private async Task LoginCoreAsync(string password, bool explicitLogin, CancellationToken cancellationToken)
        {
            if (!EmPassword.IsValid(password))
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.InvalidPassword, "The password must be exactly 6 printable ASCII characters (the charger's 6-digit PIN).", Serial);
            var secret = EmPassword.FromString(password);
            await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _loginInProgress, 1);
            try
            {
                int disconnectsAtStart;
                lock (_sync)
                {
                    // Someone logged in or disconnected while this automatic login queued.
                    if (!explicitLogin && (_loggedIn || _disconnected || _authFailedAt.HasValue)) return;
                    disconnectsAtStart = _disconnects;
                }
                // Answers to login requests are not numbered: requests of a just-finished login that were
                // resent may still be answered. Skip as many late answers as such requests are outstanding.
                int stale;
                lock (_sync)
                {
                    // Only a request sent within two retransmission timeouts can still be answered late
                    // (older ones were lost, or their answers were), so skip at most one such answer: a lossy
                    // earlier login must not make this one ignore the answers it is waiting for.
                    var recent = TimeSpan.FromTicks(_requests.Timer.Timeout.Ticks * 2);
                    stale = Now - _lastLoginRequestAt < recent && _loginRequestsSent > _loginAnswers ? 1 : 0;
                    _loginAnswers = _loginRequestsSent;
                }
                Func<Datagram, bool> answer = d =>
                {
                    if (d.Command != EmCommand.LoginResponse && d.Command != EmCommand.PasswordErrorResponse) return false;
                    if (stale > 0)
                    {
                        stale--;
                        return false;
                    }
                    return true;
                };
                var reply = (await _requests.RequestAsync(EmCommand.RequestLogin, ByteValuePayload.Zero, answer, secret, "log in", false, RequestBudget.Full, cancellationToken).ConfigureAwait(false)).Datagram;
                if (reply.Command == EmCommand.PasswordErrorResponse && explicitLogin)
                {
                    // A PasswordErrorResponse carries nothing to correlate it with: a late one meant for an
                    // earlier try (another password, or a lost-and-resent request) must not fail this login.
                    // Ask once more; a wrong password is refused again. An automatic login does not: one
                    // more request with a password that may be refused costs more (chargers may lock out)
                    // than a stale refusal, which only moves the next automatic try back.
                    reply = (await _requests.RequestAsync(EmCommand.RequestLogin, ByteValuePayload.Zero, answer, secret, "log in", false, RequestBudget.Full, cancellationToken).ConfigureAwait(false)).Datagram;
                }
                if (reply.Command == EmCommand.PasswordErrorResponse)
                {
                    RecordRefusal(explicitLogin, explicitLogin ? "the password given to Connect-Evse was refused" : "the stored password was refused");
                    throw new EvseAuthenticationException("Charger " + Serial + " refused the password.", Serial);
                }
                if (reply.Payload is LoginPayload login) ApplyInfo(login);
                bool changed, storeMatters;
                // Live before the confirm leaves: the charger's first pushes follow it at once and
                // their acknowledgements must already carry the password.
                lock (_sync)
                {
                    // A Disconnect that came while this login waited for its answer is the newer intent: the
                    // login does not go live (no confirm is sent, so the charger keeps broadcasting).
                    if (_disconnects != disconnectsAtStart)
                    {
                        if (!explicitLogin) return;
                        throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.NotConnected, "Charger " + Serial + " was disconnected (Disconnect-Evse) while this login waited for its answer: use Connect-Evse again to take it over.", Serial);
                    }
                    changed = !_loggedIn;
                    // What another process reads from the store changes only with a new password, or when a
                    // disconnect or a refusal ends: only then is the store worth writing at once.
                    storeMatters = _password != password || _disconnected || _authFailedAt.HasValue;
                    _loggedIn = true;
                    _password = password;
                    _lastHeading = Now;
                    _loggedInAt = Now;
                    _disconnected = false;
                    _authFailedAt = null;
                    _authFailure = null;
                    _autoLoginFailures = 0;
                    _nextAutoLoginAt = null;
                }
                _capabilities.OnLogin();
                await SendAsync(EmCommand.LoginConfirm, ByteValuePayload.Zero, secret).ConfigureAwait(false);
                LastLoginChangedStore = storeMatters;
                _communicator.MarkDirty(this, saveNow: storeMatters);
                if (changed) _communicator.Raise(this, EvseChange.Login, false, true);
            }
            finally
            {
                Interlocked.Exchange(ref _loginInProgress, 0);
                _loginGate.Release();
            }
            _communicator.RunBackground(AfterLoginAsync);
        }

        /// <summary>
        /// The charger refused a password. An explicit login's refusal stops automatic logins at once (the user
        /// sees the error); an automatic login backs off (two, then four lapse intervals) and stops after
        /// <see cref="AutoLoginFailureLimit"/> refusals, since real chargers may lock out. Only an explicit
        /// login (Connect-Evse) tries again after that.
        /// </summary>
        private void RecordRefusal(bool explicitLogin, string reason)
        {
            bool changed;
            lock (_sync)
            {
                changed = _loggedIn || !_authFailedAt.HasValue;
                _loggedIn = false;
                _authFailure = reason;
                if (!explicitLogin) _autoLoginFailures++;
                if (explicitLogin || _autoLoginFailures >= AutoLoginFailureLimit || _password == null) _authFailedAt = Now;
                else _nextAutoLoginAt = Now + TimeSpan.FromTicks(_communicator.Options.SessionLapseAfter.Ticks * (1L << _autoLoginFailures));
            }
            _communicator.MarkDirty(this);
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        /// <summary>
        /// What follows a login, in the background: the versions (at every login, so a firmware update is
        /// noticed), the configuration, and the optional charging-status request (once per login when the
        /// firmware ignored it before).
        /// </summary>
        private async Task AfterLoginAsync(CancellationToken ct)
        {
            var version = GetVersionAsync(ct);
            var config = GetConfigAsync(_communicator.Options.ConfigRefreshInterval, ct);
            Task session = Task.CompletedTask;
            if (_capabilities.ShouldProbeAfterLogin(EmCommand.RequestChargingStatus))
                session = ProbeChargingStatusAsync(ct);
            await Task.WhenAll(IgnoreFailure(version), IgnoreFailure(config), IgnoreFailure(session)).ConfigureAwait(false);
        }

        /// <summary>
        /// The background probe of the optional charging-status request: asked again at once while it goes
        /// unanswered, so a firmware that ignores it is known as such (<see cref="Session.CapabilityMemory.MissesToIgnore"/>
        /// misses in a row) before a user's Get-EvseChargeSession would wait for it, while lost packets teach nothing.
        /// </summary>
        private async Task ProbeChargingStatusAsync(CancellationToken ct)
        {
            for (int ask = 1; ; ask++)
            {
                try
                {
                    await AskChargingStatusAsync(ct).ConfigureAwait(false);
                    return;
                }
                catch (EvseTimeoutException) when (ask < Session.CapabilityMemory.MissesToIgnore && _capabilities[EmCommand.RequestChargingStatus] == EvseCapability.NotAsked)
                {
                    // Unanswered, and nothing learnt yet either way: ask again.
                }
            }
        }

        private static async Task IgnoreFailure(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (EvseException)
            {
                // Background reads after a login: the next command that needs the value reports its own failure.
            }
            catch (OperationCanceledException)
            {
                // The communicator stopped.
            }
        }

        /// <summary>
        /// Logs in with the stored password unless a session is live. Never with a password the charger refused:
        /// chargers may lock out after repeated wrong passwords, so only Connect-Evse tries again.
        /// </summary>
        /// <exception cref="EvseException">No password is known (EvseNotConnected), or the login failed.</exception>
        /// <exception cref="EvseAuthenticationException">The charger refused the stored password before.</exception>
        public async Task EnsureLoggedInAsync(CancellationToken cancellationToken = default)
        {
            string? password;
            bool disconnected;
            DateTimeOffset? refusedAt;
            lock (_sync)
            {
                if (_loggedIn) return;
                (password, disconnected, refusedAt) = (_password, _disconnected, _authFailedAt);
            }
            if (password == null)
                throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.NotConnected, "Charger " + Serial + " is not connected and no password is stored for it. Use Connect-Evse -Password first.", Serial);
            if (disconnected)
                throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.NotConnected, "Charger " + Serial + " was disconnected (Disconnect-Evse): use Connect-Evse to take it over again.", Serial);
            if (refusedAt.HasValue)
                throw new EvseAuthenticationException("Charger " + Serial + " refused the stored password at " + refusedAt.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " and it is not tried again on its own (chargers may lock out): use Connect-Evse -Password with the right one.", Serial);
            await LoginCoreAsync(password, true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// An explicit login with the stored password (Connect-Evse without a password): also ends a
        /// <see cref="Disconnect"/> and lets a refused password be tried once more.
        /// </summary>
        /// <exception cref="EvseException">No password is stored (EvsePasswordRequired), or the login failed.</exception>
        public Task ReconnectAsync(CancellationToken cancellationToken = default)
        {
            string? password;
            lock (_sync) password = _password;
            if (password == null)
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.PasswordRequired, "No password is stored for charger " + Serial + ": give it with -Password, -Credential or -PlainTextPassword.", Serial);
            return LoginCoreAsync(password, true, cancellationToken);
        }

        /// <summary>
        /// Hands the charger back (e.g. to the phone app): ends the session, stops answering its Headings so it
        /// returns to broadcasting, and logs in on its own no more — in this process and the next (it is
        /// remembered in the store) — until an explicit login (Connect-Evse). Forgets nothing.
        /// </summary>
        public void Disconnect()
        {
            bool changed;
            lock (_sync)
            {
                changed = _loggedIn;
                _loggedIn = false;
                _disconnected = true;
                _disconnects++;
            }
            _communicator.MarkDirty(this, saveNow: true);
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        /// <summary>Ends the session on our side without holding it (Remove-Evse).</summary>
        internal void EndSession()
        {
            bool changed;
            lock (_sync)
            {
                changed = _loggedIn;
                _loggedIn = false;
            }
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        internal void OnHeading(DateTimeOffset now)
        {
            lock (_sync) _lastHeading = now;
        }

        /// <summary>True when the engine should answer this charger's Headings (not after a Disconnect).</summary>
        internal bool AnswersHeadings
        {
            get { lock (_sync) return !_disconnected; }
        }

        /// <summary>True when an automatic login should start now (a stored password, not held, not refused, not backing off).</summary>
        internal bool NeedsLogin(DateTimeOffset now, TimeSpan minimumGap)
        {
            lock (_sync)
            {
                if (_password == null || _loggedIn || _disconnected || _authFailedAt.HasValue || LoginInProgress) return false;
                if (_nextAutoLoginAt.HasValue && now < _nextAutoLoginAt.Value) return false;
                _nextAutoLoginAt = now + minimumGap;
                return true;
            }
        }

        /// <summary>An automatic login (after a lapse, a restart, or a Heading from a charger that forgot us).</summary>
        internal Task AutoLoginAsync(CancellationToken ct)
        {
            var password = StoredPassword;
            return password == null ? Task.CompletedTask : LoginCoreAsync(password, false, ct);
        }

        /// <summary>The charger broadcast a Login: it no longer considers us registered.</summary>
        internal void OnAnnounce(DateTimeOffset now)
        {
            bool changed;
            lock (_sync)
            {
                // An announce sent just before our login completed crosses it on the wire: not a logout.
                if (_loggedInAt.HasValue && now - _loggedInAt.Value < AnnounceGrace) return;
                changed = _loggedIn;
                _loggedIn = false;
            }
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        /// <summary>The charger says our password is not (or no longer) valid.</summary>
        internal void OnPasswordRejected()
        {
            bool wasLoggedIn;
            lock (_sync) wasLoggedIn = _loggedIn;
            if (!wasLoggedIn) return;
            RecordRefusal(false, "the charger no longer accepts the stored password (changed on the charger?)");
            _requests.FailAll(new EvseAuthenticationException("Charger " + Serial + " no longer accepts the stored password (it was changed on the charger?). Connect again with the new password.", Serial));
        }

        /// <summary>Housekeeping: offline detection and session lapse.</summary>
        internal void Tick(DateTimeOffset now, out bool wentOffline, out bool sessionLapsed)
        {
            lock (_sync)
            {
                wentOffline = _online && _lastSeen.HasValue && now - _lastSeen.Value > _communicator.Options.OfflineAfter;
                if (wentOffline) _online = false;
                sessionLapsed = _loggedIn && _lastHeading.HasValue && now - _lastHeading.Value > _communicator.Options.SessionLapseAfter;
                if (sessionLapsed) _loggedIn = false;
            }
        }
    }
}
