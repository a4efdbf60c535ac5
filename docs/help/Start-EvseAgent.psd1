# Help for Start-EvseAgent: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Starts the agent: one process per user and host that owns the chargers for every EmProto session.'
    Description = @(
        'Starts the EmProto agent: one long-running process per user and host that owns UDP port 28376, the known-chargers store and the charger sessions. It keeps the chargers logged in, answers their keep-alive Headings, and acknowledges and keeps their charge records, also while no script runs. Every EmProto session of the same user on this host (a pwsh console, a scheduled task, a monitoring script) then uses the agent over a local socket, without any change to the scripts. That is what lets a console stay open while a scheduled task charges at night: without the agent the second process gets EvsePortInUse, since only one process can own port 28376.'
        'Without -Wait the agent is started as a background pwsh process, detached from this session (it keeps running when the session ends), and the cmdlet returns once the agent answers on its socket; an agent that does not answer within -Timeout is an error. If an agent already answers on the socket, the error is EvseAgentRunning and nothing is started. With -Wait the agent runs in this process, in the foreground, until Stop-EvseAgent or Ctrl+C: that is the command a service manager runs (a systemd user unit, a Task Scheduler task at logon; the repository has both in examples/agent).'
        'The agent''s UDP endpoint and store are chosen as for the in-process communicator: -LocalAddress, -Port and -StorePath, else the environment variables EMPROTO_LOCAL_ADDRESS, EMPROTO_PORT and EMPROTO_STORE_PATH, else every local address, port 28376 and the default store. The agent needs the port for itself: start it before the other sessions of this host have started their own communicator, or stop theirs (Stop-EvseCommunicator).'
        'Get-EvseCommunicator shows which one a session uses: Mode is Agent (with AgentProcessId and AgentSocketPath) or InProcess. When the agent ends, the call in flight fails with EvseAgentLost; the next command uses a restarted agent if one answers, else starts its own in-process communicator. Start-EvseCommunicator always starts a communicator of its own in the session.'
    )
    Parameters = @{
        Wait = 'Runs the agent in this process, in the foreground, until Stop-EvseAgent or Ctrl+C, instead of starting it in the background. Use it in a service manager (systemd, Task Scheduler), which then sees the agent as its process.'
        LocalAddress = @{
            Description = 'The local IP address the agent''s UDP socket binds to, to choose the network interface.'
            DefaultValue = '0.0.0.0 (every interface), or EMPROTO_LOCAL_ADDRESS'
        }
        Port = @{
            Description = 'The local UDP port of the agent. Chargers send to port 28376: change it only for tests and simulators.'
            DefaultValue = '28376, or EMPROTO_PORT'
        }
        StorePath = @{
            Description = 'The file where the agent keeps the known chargers, their passwords and charge records (a file, not a folder), as -StorePath of Start-EvseCommunicator. It is checked before anything starts (also under -WhatIf): an existing folder, or a path below a file, is the terminating error EvseInvalidStorePath.'
            DefaultValue = '~/.config/emproto/evses.json (Windows: %APPDATA%\EmProto\evses.json), or EMPROTO_STORE_PATH'
        }
        SocketPath = @{
            Description = 'The socket file the agent listens on and the sessions connect to. By default the environment variable EMPROTO_AGENT_SOCKET, else $XDG_RUNTIME_DIR/emproto/agent.sock when XDG_RUNTIME_DIR is set, else /tmp/emproto-<uid>/agent.sock; on Windows %LOCALAPPDATA%\EmProto\agent.sock. The folder is readable by you alone. A session finds the agent only at the same path: where XDG_RUNTIME_DIR is not set for every process (cron jobs, for example), set EMPROTO_AGENT_SOCKET to one path for the agent and the scripts alike.'
            DefaultValue = 'EMPROTO_AGENT_SOCKET, else $XDG_RUNTIME_DIR/emproto/agent.sock, else /tmp/emproto-<uid>/agent.sock (Windows: %LOCALAPPDATA%\EmProto\agent.sock)'
        }
        Timeout = @{
            Description = 'Without -Wait: how long to wait for the started agent to answer on its socket (a TimeSpan or a number of seconds).'
            DefaultValue = '30 seconds'
        }
        PassThru = 'Without -Wait: returns the agent once it answers. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseAgentInfo'
            Description = 'With -PassThru: the agent (ProcessId, SocketPath, LocalEndPoint, StorePath, StartedAt, UserName, Chargers, Connected, Sessions, Version).'
        }
    )
    Notes = @(
        'The agent serves only its own user: its socket is in a folder only that user can read, and on Linux the agent also checks the user id of every process that connects and refuses other users. No password crosses the socket except the one you give to Connect-Evse.'
        'The agent needs PowerShell 7. Windows PowerShell 5.1 cannot attach to it (it lacks Unix domain sockets) and uses its own communicator, which needs port 28376 too.'
    )
    Examples = @(
        @{
            Code = 'Start-EvseAgent
Get-Evse | Get-EvseState'
            Remarks = 'Starts the agent in the background; this console and every other session of yours on the host (a scheduled task at 23:30, say) now use it at the same time.'
        }
        @{
            Code = 'Start-EvseAgent -PassThru | Format-List'
            Remarks = 'Starts the agent and shows it: process id, socket, UDP endpoint, store and the chargers it knows.'
        }
        @{
            Code = 'pwsh -NoProfile -NonInteractive -Command "Import-Module EmProto; Start-EvseAgent -Wait"'
            Remarks = 'Runs the agent in the foreground until it is stopped: the command for a systemd user unit or a Task Scheduler task (see examples/agent/emproto-agent.service and examples/agent/Register-EvseAgentTask.ps1).'
        }
        @{
            Code = 'if (-not (Get-EvseAgent)) { Start-EvseAgent -LocalAddress 192.168.1.10 -Timeout 00:01:00 }'
            Remarks = 'Starts the agent on one network interface unless one runs already, waiting up to a minute for it to answer.'
        }
    )
    RelatedLinks = @(
        'Stop-EvseAgent'
        'Get-EvseAgent'
        'Get-EvseCommunicator'
        'Start-EvseCommunicator'
        'about_EmProto'
    )
}
