# Help for Get-EvseAgent: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Gets the running agent: process, socket, endpoint, store and how many chargers and sessions it serves.'
    Description = @(
        'Asks the agent that answers on the socket about itself: its process id, socket path, UDP endpoint, store path, start time and user, the chargers it knows, how many of them are logged in (Connected), how many EmProto sessions are connected to it now (Sessions), and its module version. When no agent answers, the cmdlet returns nothing and writes no error, so if (Get-EvseAgent) { ... } tests whether one runs.'
        'To see whether this session uses the agent or a communicator of its own, use Get-EvseCommunicator: its Mode is Agent (with AgentProcessId and AgentSocketPath) or InProcess.'
    )
    Parameters = @{
        SocketPath = @{
            Description = 'The socket file of the agent to ask, as -SocketPath of Start-EvseAgent.'
            DefaultValue = 'EMPROTO_AGENT_SOCKET, else $XDG_RUNTIME_DIR/emproto/agent.sock, else /tmp/emproto-<uid>/agent.sock (Windows: %LOCALAPPDATA%\EmProto\agent.sock)'
        }
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseAgentInfo'
            Description = 'The agent (ProcessId, SocketPath, LocalEndPoint, StorePath, StartedAt, UserName, Chargers, Connected, Sessions, Version), or nothing when none runs.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-EvseAgent | Format-List'
            Remarks = 'Shows the agent: process id, socket, UDP endpoint, store, start time, user, the chargers it knows and keeps logged in, and the sessions connected to it.'
        }
        @{
            Code = 'if (-not (Get-EvseAgent)) { Start-EvseAgent }'
            Remarks = 'Starts the agent unless one runs already, for example in a profile script.'
        }
        @{
            Code = 'Get-EvseCommunicator | Select-Object Mode, AgentProcessId, AgentSocketPath'
            Remarks = 'Shows whether this session uses the agent (Mode Agent) or its own communicator (Mode InProcess).'
        }
    )
    RelatedLinks = @(
        'Start-EvseAgent'
        'Stop-EvseAgent'
        'Get-EvseCommunicator'
        'about_EmProto'
    )
}
