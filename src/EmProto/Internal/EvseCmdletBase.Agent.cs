using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using EmProto.Engine;
using EmProto.PowerShell.Agent;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Running in the agent: when the user's agent serves this session (it answers on its socket and this process runs
    /// no communicator of its own), a command that acts on the chargers is run there — with the parameters bound here,
    /// this caller's preferences, once per pipeline object (or once without pipeline input) — and its records are
    /// written here as they arrive: the same objects, errors, warnings, progress and debug lines. -WhatIf and -Confirm
    /// are decided here, before anything is sent.
    /// </summary>
    public abstract partial class EvseCmdletBase
    {
        private static readonly HashSet<string> SessionOnlyParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "OutVariable", "OutBuffer", "ErrorVariable", "WarningVariable", "InformationVariable", "PipelineVariable", "WhatIf", "Confirm",
            // The agent writes every error, warning and information record back; this session's preferences decide
            // what becomes of them here (an error under -ErrorAction Stop ends the command here, and so in the agent).
            "ErrorAction", "WarningAction", "InformationAction",
        };

        private AgentConnection? _agent;
        private bool _inAgent;

        /// <summary>False for commands that belong to this session (its own communicator, its simulators).</summary>
        protected virtual bool RunsInAgent => true;

        /// <summary>True when this command runs in the user's agent.</summary>
        protected bool InAgent => _inAgent;

        /// <inheritdoc/>
        protected sealed override void BeginProcessing()
        {
            if (RunsInAgent)
            {
                try
                {
                    _agent = AgentClient.TryAttach();
                }
                catch (EvseException ex)
                {
                    ThrowTerminatingError(ErrorRecordFactory.FromException(ex, null));
                }
                _inAgent = _agent != null;
            }
            if (!_inAgent) BeginLocal();
        }

        /// <inheritdoc/>
        protected sealed override void ProcessRecord()
        {
            if (!_inAgent)
            {
                ProcessLocal();
                return;
            }
            ProcessInAgent();
        }

        /// <inheritdoc/>
        protected sealed override void EndProcessing()
        {
            if (!_inAgent)
            {
                EndLocal();
                return;
            }
            try
            {
                EndInAgent();
            }
            finally
            {
                _agent?.Dispose();
                _agent = null;
            }
        }

        /// <summary>ProcessRecord when the agent serves the session: runs the command there once per pipeline object.</summary>
        protected virtual void ProcessInAgent()
        {
            if (MyInvocation.ExpectingInput) RunInAgent();
        }

        /// <summary>EndProcessing when the agent serves the session: runs the command there once when nothing was piped in.</summary>
        protected virtual void EndInAgent()
        {
            if (!MyInvocation.ExpectingInput) RunInAgent();
        }

        /// <summary>The value of a parameter as it is sent to the agent (e.g. a path made absolute here).</summary>
        protected virtual object? ForwardedValue(string name, object? value) => value is SwitchParameter s ? s.IsPresent : value;

        /// <summary>Last changes to the parameters sent to the agent (e.g. a SecureString sent as the plain password it holds).</summary>
        protected virtual void AdjustForwarded(IDictionary parameters)
        {
        }

        /// <summary>What -WhatIf and -Confirm name as the target when the command runs in the agent.</summary>
        protected virtual string ForwardedTarget(IDictionary parameters)
        {
            var names = new List<string>();
            if (parameters["InputObject"] is IEnumerable objects)
            {
                foreach (var o in objects)
                {
                    if (o is EvseCharger c) names.Add("charger " + c.Serial);
                }
            }
            AddAll(names, "charger ", parameters["Serial"]);
            AddAll(names, "charger ", parameters["Name"]);
            if (parameters["IPAddress"] != null) names.Add("the charger at " + parameters["IPAddress"]);
            return names.Count > 0 ? string.Join(", ", names) : "the chargers that can answer";
        }

        private static void AddAll(List<string> names, string prefix, object? value)
        {
            if (value is string one) names.Add(prefix + one);
            else if (value is IEnumerable many)
            {
                foreach (var item in many) names.Add(prefix + item);
            }
        }

        private void RunInAgent()
        {
            var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var bound in MyInvocation.BoundParameters)
            {
                if (SessionOnlyParameters.Contains(bound.Key)) continue;
                parameters[bound.Key] = ForwardedValue(bound.Key, bound.Value);
            }
            AdjustForwarded(parameters);
            var cmdlet = GetType().GetCustomAttribute<CmdletAttribute>();
            if (cmdlet != null && cmdlet.SupportsShouldProcess)
            {
                if (!ShouldProcess(ForwardedTarget(parameters))) return;
                parameters["Confirm"] = false;
            }
            // This session's preferences as the common parameters that carry them; the agent writes every error,
            // warning and information record back, and this session's preferences decide what becomes of them.
            var preferences = new Hashtable
            {
                ["ErrorAction"] = ActionPreference.Continue,
                ["WarningAction"] = ActionPreference.Continue,
                ["InformationAction"] = ActionPreference.Continue,
            };
            if (!parameters.ContainsKey("Verbose") && Preference("VerbosePreference") is ActionPreference verbose && verbose != ActionPreference.SilentlyContinue && verbose != ActionPreference.Ignore)
                preferences["Verbose"] = true;
            if (DebugStreamShown && !parameters.ContainsKey("Debug")) preferences["Debug"] = true;

            AgentConnection? connection = _agent;
            _agent = null;
            if (connection == null)
            {
                try
                {
                    connection = AgentClient.Connect(AgentSocket.DefaultPath);
                }
                catch (EvseException ex)
                {
                    ThrowTerminatingError(ErrorRecordFactory.FromException(ex, null));
                }
            }
            if (connection == null)
            {
                ThrowTerminatingError(AgentLost("before it could run {0}"));
                return;
            }
            ErrorRecord? terminating = null;
            bool ended = AgentClient.Invoke(connection, "EmProto\\" + MyInvocation.MyCommand.Name, parameters, preferences, (stream, value) =>
            {
                switch (stream)
                {
                    case AgentStreams.Output:
                        WriteObject(value);
                        break;
                    case AgentStreams.Error:
                        WriteError(AsOwnError(value));
                        break;
                    case AgentStreams.Terminating:
                        terminating = AsOwnError(value);
                        break;
                    case AgentStreams.Warning:
                        WriteWarning(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case AgentStreams.Verbose:
                        WriteVerbose(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case AgentStreams.Debug:
                        WriteDebug(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case AgentStreams.Progress:
                        var progress = AgentRecords.Progress(value);
                        if (progress != null) WriteProgress(progress);
                        break;
                    case AgentStreams.Information:
                        var information = AgentRecords.Information(value);
                        if (information != null) WriteInformation(information);
                        break;
                }
            }, StopToken);
            if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
            if (!ended) ThrowTerminatingError(AgentLost("while it ran {0}"));
            if (terminating != null)
            {
                if (terminating.Exception is PipelineStoppedException) ThrowTerminatingError(AgentLost("(it was stopped) while it ran {0}"));
                ThrowTerminatingError(terminating);
            }
        }

        /// <summary>
        /// An error of the agent's command as this command's own: the agent's record carries the id with its command
        /// appended ("EvseNotFound,EmProto…GetEvseConfigCommand"), and writing it here would append it again.
        /// </summary>
        private static ErrorRecord AsOwnError(object? value)
        {
            var record = value as ErrorRecord ?? AgentSerializer.RehydrateError(value ?? string.Empty);
            string id = record.FullyQualifiedErrorId ?? string.Empty;
            int comma = id.IndexOf(',');
            if (comma < 0) return record;
            return new ErrorRecord(record.Exception, id.Substring(0, comma), record.CategoryInfo.Category, record.TargetObject) { ErrorDetails = record.ErrorDetails };
        }

        private ErrorRecord AgentLost(string when)
        {
            var ex = new EvseException(EvseErrorKind.Connection, ErrorIds.AgentLost,
                "The EmProto agent went away " + string.Format(System.Globalization.CultureInfo.InvariantCulture, when, MyInvocation.MyCommand.Name) + "; what it had done is unknown. The next command uses a restarted agent, or this session's own communicator when none answers.");
            return ErrorRecordFactory.FromException(ex, null);
        }

        private object Preference(string name)
        {
            object? value = GetVariableValue(name);
            if (value is PSObject p) value = p.BaseObject;
            return value ?? ActionPreference.Continue;
        }
    }
}
