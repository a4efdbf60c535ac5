# Help for Stop-EvseAgent: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Stops the agent: saves the known chargers, ends its charger sessions and waits until it has exited.'
    Description = @(
        'Asks the agent that answers on the socket to stop: it saves the known chargers, ends its charger sessions and closes port 28376. The cmdlet returns once the agent process has exited; an agent that is still running after -Timeout is an error. When no agent answers on the socket, the error is EvseAgentNotRunning.'
        'Sessions that were using the agent go on without it: a call in flight when the agent ends fails with EvseAgentLost, and the next command uses a new agent if one answers, else starts its own in-process communicator with the stored chargers and passwords.'
        'An agent that systemd runs is better stopped with systemctl --user stop emproto-agent (the example unit in examples/agent runs Stop-EvseAgent for it), so systemd knows it was stopped on purpose. An agent that a Task Scheduler task runs is stopped with Stop-EvseAgent, and its task then ends; ending the task instead ends the process without saving.'
    )
    Parameters = @{
        SocketPath = @{
            Description = 'The socket file of the agent to stop, as -SocketPath of Start-EvseAgent.'
            DefaultValue = 'EMPROTO_AGENT_SOCKET, else $XDG_RUNTIME_DIR/emproto/agent.sock, else /tmp/emproto-<uid>/agent.sock (Windows: %LOCALAPPDATA%\EmProto\agent.sock)'
        }
        Timeout = 'How long to wait for the agent to save the store, end its sessions and exit (a TimeSpan or a number of seconds; default 30 seconds). An agent still running after that is an error (EvseAgentRunning).'
    }
    Outputs = @(
        @{
            Type = 'None'
            Description = 'This cmdlet returns no output.'
        }
    )
    Examples = @(
        @{
            Code = 'Stop-EvseAgent'
            Remarks = 'Stops the agent; the next EmProto command in each session starts the session''s own communicator.'
        }
        @{
            Code = 'Stop-EvseAgent -WhatIf'
            Remarks = 'Shows which agent would be stopped, without stopping it.'
        }
        @{
            Code = 'Stop-EvseAgent -Confirm:$false
Start-EvseAgent -StorePath ~/chargers/evses.json'
            Remarks = 'Restarts the agent with another store, without a prompt.'
        }
    )
    RelatedLinks = @(
        'Start-EvseAgent'
        'Get-EvseAgent'
        'Get-EvseCommunicator'
        'about_EmProto'
    )
}
