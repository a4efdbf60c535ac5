# The agent: one process owns the chargers' port, the store and the sessions; every EmProto session of the user uses
# it over its socket. Loopback only: the agent listens on 127.0.0.1 at a free port, with a temporary store and socket.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:root = [IO.Directory]::CreateTempSubdirectory('emproto-agent-').FullName
    $env:EMPROTO_AGENT_SOCKET = Join-Path $root 'run/agent.sock'
    $env:EMPROTO_PORT = '0'
    $env:EMPROTO_LOCAL_ADDRESS = '127.0.0.1'
    $env:EMPROTO_STORE_PATH = Join-Path $root 'evses.json'
    $script:serial = '5e5e0000000000e1'
    $script:repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

    # A fresh `dotnet pwsh` (the pinned tool), as a scheduled task starts one; the environment above reaches it.
    function script:Invoke-Fresh([string] $Command) {
        Push-Location $repoRoot
        try { $out = & dotnet pwsh -NoProfile -NonInteractive -Command ("Import-Module '$($env:EMPROTO_TEST_MODULE)'; " + $Command) 2>&1 }
        finally { Pop-Location }
        [pscustomobject]@{ Exit = $LASTEXITCODE; Output = ($out | Out-String) }
    }

    # The same in the background (a job is a pwsh process of its own), for a session that waits while the test acts.
    function script:Start-Fresh([string] $Command) {
        Start-Job -ScriptBlock {
            param($module, $command)
            Import-Module $module
            Invoke-Expression $command
        } -ArgumentList $env:EMPROTO_TEST_MODULE, $Command
    }

    function script:Wait-Until([scriptblock] $Condition, [string] $What, [int] $Seconds = 90) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $Seconds s waiting until $What." }
            Wait-Event -Timeout 1 -SourceIdentifier 'EmProto.Agent.Never' -ErrorAction SilentlyContinue | Out-Null
        }
    }

    $script:agent = Start-EvseAgent -PassThru -Timeout 120
    # The simulated charger lives in this process and sends to the agent (Start-EvseSimulator's default with an agent).
    $script:sim = Start-EvseSimulator -Serial $serial -Password 123456 -PluggedIn -StatusInterval 2 -LoginInterval 0.5 -PassThru
}

AfterAll {
    Get-EventSubscriber | Unregister-Event -ErrorAction SilentlyContinue
    Get-Job | Remove-Job -Force -ErrorAction SilentlyContinue
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    $running = Get-EvseAgent
    if ($running) { Stop-Process -Id $running.ProcessId -Force -ErrorAction SilentlyContinue }
    Stop-EvseCommunicator -Confirm:$false
    Remove-Item Env:EMPROTO_AGENT_SOCKET, Env:EMPROTO_PORT, Env:EMPROTO_LOCAL_ADDRESS, Env:EMPROTO_STORE_PATH -ErrorAction SilentlyContinue
}

Describe 'The agent' {
    It 'runs in its own process and serves this session' {
        $agent.ProcessId | Should -Not -Be $PID
        $agent.SocketPath | Should -Be $env:EMPROTO_AGENT_SOCKET
        $agent.LocalEndPoint | Should -Match '^127\.0\.0\.1:\d+$'
        (Get-EvseAgent).ProcessId | Should -Be $agent.ProcessId
        $status = Get-EvseCommunicator
        $status.Mode | Should -Be 'Agent'
        $status.AgentProcessId | Should -Be $agent.ProcessId
        "$($status.LocalAddress):$($status.Port)" | Should -Be $agent.LocalEndPoint
        $sim.AppEndPoint.ToString() | Should -Be $agent.LocalEndPoint
    }

    It 'answers a second Start-EvseAgent with EvseAgentRunning' {
        { Start-EvseAgent -ErrorAction Stop } | Should -Throw -ErrorId 'EvseAgentRunning,EmProto.PowerShell.Commands.StartEvseAgentCommand'
    }

    It 'runs in the foreground with -Wait (as a service manager runs it) on the socket, address, port and store given, until Stop-EvseAgent' {
        $socket = Join-Path $root 'svc/agent.sock'
        $store = Join-Path $root 'svc-evses.json'
        Get-EvseAgent -SocketPath $socket | Should -BeNullOrEmpty
        $service = Start-Fresh "Start-EvseAgent -Wait -SocketPath '$socket' -LocalAddress 127.0.0.1 -Port 0 -StorePath '$store'; 'returned'"
        Wait-Until { Get-EvseAgent -SocketPath $socket } 'the foreground agent answers'
        $info = Get-EvseAgent -SocketPath $socket
        $info.ProcessId | Should -Not -BeIn @($PID, $agent.ProcessId)
        $info.SocketPath | Should -Be $socket
        $info.StorePath | Should -Be $store
        $info.LocalEndPoint | Should -Match '^127\.0\.0\.1:\d+$'
        $info.LocalEndPoint | Should -Not -Be $agent.LocalEndPoint
        Stop-EvseAgent -SocketPath $socket -Timeout 60 -Confirm:$false
        $null = Wait-Job $service -Timeout 120
        $service.State | Should -Be 'Completed'
        @(Receive-Job $service) | Should -Contain 'returned'
        Get-EvseAgent -SocketPath $socket | Should -BeNullOrEmpty
        (Get-EvseAgent).ProcessId | Should -Be $agent.ProcessId -Because 'the user''s agent on the default socket is another one'
    }

    It 'says why a background agent cannot start: its port is taken (EvseAgentStartFailed), its directory cannot be private (EvseAgentSocketUnsafe)' {
        $port = [int]($agent.LocalEndPoint -split ':')[-1]
        $clash = Join-Path $root 'clash/agent.sock'
        $err = { Start-EvseAgent -SocketPath $clash -LocalAddress 127.0.0.1 -Port $port -Timeout 60 -ErrorAction Stop } | Should -Throw -ErrorId 'EvseAgentStartFailed,EmProto.PowerShell.Commands.StartEvseAgentCommand' -PassThru
        $err.Exception.Message | Should -Match "port $port"
        Get-EvseAgent -SocketPath $clash | Should -BeNullOrEmpty
        if (-not $IsLinux) { return }
        # Not even root may change the permissions of /proc/self: the agent will not listen where it cannot keep others out.
        { Start-EvseAgent -SocketPath /proc/self/agent.sock -ErrorAction Stop } | Should -Throw -ErrorId 'EvseAgentSocketUnsafe,EmProto.PowerShell.Commands.StartEvseAgentCommand'
        (Get-EvseAgent).ProcessId | Should -Be $agent.ProcessId
    }

    It 'refuses a -StorePath that can never be a file before anything starts, in the background or with -Wait (EvseInvalidStorePath)' {
        $socket = Join-Path $root 'storecheck/agent.sock'
        # An existing folder, and a path below a file: checked as Start-EvseCommunicator checks them, before -WhatIf.
        $file = Join-Path $root 'storecheck-file'
        Set-Content $file 'x'
        foreach ($bad in $root, (Join-Path $file 'evses.json')) {
            foreach ($how in @{ WhatIf = $true }, @{ Wait = $true }, @{}) {
                $err = { Start-EvseAgent -SocketPath $socket -LocalAddress 127.0.0.1 -Port 0 -StorePath $bad -Timeout 60 -ErrorAction Stop @how } |
                    Should -Throw -ErrorId 'EvseInvalidStorePath,EmProto.PowerShell.Commands.StartEvseAgentCommand' -PassThru
                $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
                $err.TargetObject | Should -Be $bad
            }
        }
        Get-EvseAgent -SocketPath $socket | Should -BeNullOrEmpty
    }

    It 'finds and connects the charger with the same objects and errors as in process' {
        $found = Find-Evse -Serial $serial -Timeout 30
        $found | Should -BeOfType ([EmProto.PowerShell.EvseCharger])
        $c = $found | Connect-Evse -Password (ConvertTo-SecureString 123456 -AsPlainText -Force) -PassThru
        $c.Connected | Should -BeTrue
        $state = Get-EvseState -Serial $serial -Wait -Timeout 60
        $state | Should -BeOfType ([EmProto.Engine.EvseState])
        $state.State | Should -Be 'PluggedIn'
        Get-EvseState -Serial 5e5e00000000ffff -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'EvseNotFound,EmProto.PowerShell.Commands.GetEvseStateCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].Exception | Should -BeOfType ([EmProto.Engine.EvseException])
        { Get-EvseConfig -Serial 5e5e00000000ffff -ErrorAction Stop } | Should -Throw -ErrorId 'EvseNotFound,EmProto.PowerShell.Commands.GetEvseConfigCommand'
        # Watch-Evse draws from the agent's memory (here, output captured: one line per change).
        $lines = @(Watch-Evse -Serial $serial -Duration 3)
        $lines.Count | Should -BeGreaterOrEqual 1
        $lines[0] | Should -Match ([regex]::Escape($serial) + '.*PluggedIn')
        Watch-Evse -Serial 5e5e00000000fffe -Duration 1 -ErrorVariable unknown -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unknown[0].FullyQualifiedErrorId | Should -Be 'EvseNotFound,EmProto.PowerShell.Commands.WatchEvseCommand'
        # -WhatIf is decided in this session: nothing reaches the charger.
        Start-EvseCharge -Serial $serial -MaxCurrent 10 -WhatIf
        (Get-Evse -Serial $serial).State | Should -Be 'PluggedIn'
    }

    It 'serves two sessions and a cold scheduled-style process at once; events reach both sessions' {
        Register-EvseEvent -EventName ChargingStarted -Serial $serial -SourceIdentifier 'agent.here'
        $other = Start-Fresh @"
Register-EvseEvent -EventName ChargingStarted -Serial $serial -SourceIdentifier there
'ready'
`$e = Wait-Event -SourceIdentifier there -Timeout 90
if (`$e) { 'event ' + `$e.SourceEventArgs.Serial + ' ' + `$e.SourceEventArgs.EventName + ' ' + `$e.SourceEventArgs.GetType().Name } else { 'no event' }
'state ' + (Get-EvseState -Serial $serial -Wait -Timeout 60).State
(Get-EvseCommunicator).Mode
"@
        Wait-Until { @(Receive-Job $other -Keep) -contains 'ready' } 'the other session has subscribed'

        $cold = Invoke-Fresh "`$r = Start-EvseCharge -Serial $serial -MaxCurrent 10 -Confirm:`$false -PassThru; 'charge ' + `$r.ChargeId; (Get-EvseCommunicator).Mode"
        $cold.Exit | Should -Be 0 -Because $cold.Output
        $cold.Output | Should -Match 'charge \d+'
        $cold.Output | Should -Match 'Agent'

        $here = Wait-Event -SourceIdentifier 'agent.here' -Timeout 90
        $here | Should -Not -BeNullOrEmpty
        $here.SourceEventArgs | Should -BeOfType ([EmProto.PowerShell.EvseChargerEventArgs])
        $here.SourceEventArgs.Serial | Should -Be $serial
        $here.SourceEventArgs.EventName | Should -Be 'ChargingStarted'

        $null = Wait-Job $other -Timeout 120
        $out = @(Receive-Job $other)
        $out | Should -Contain "event $serial ChargingStarted EvseChargerEventArgs"
        $out | Should -Contain 'state Charging'
        $out | Should -Contain 'Agent'
        (Get-Evse -Serial $serial).State | Should -Be 'Charging'
    }

    It 'draws Watch-Evse live in a real terminal (tmux) from the agent''s memory' {
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue) -and $IsLinux -and ((& id -u) -eq '0') -and (Get-Command apt-get -ErrorAction SilentlyContinue)) {
            $env:DEBIAN_FRONTEND = 'noninteractive'
            & apt-get install -y -qq tmux *> $null
            if ($LASTEXITCODE -ne 0) { & apt-get update -qq *> $null; & apt-get install -y -qq tmux *> $null }
        }
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'tmux is missing and could not be installed (needs root and apt-get: apt-get install -y -qq tmux)'
            return
        }
        $tmuxSocket = Join-Path $root 'tmux.sock'
        $command = "env LANG=C.UTF-8 EMPROTO_AGENT_SOCKET='$($env:EMPROTO_AGENT_SOCKET)' dotnet pwsh -NoProfile -NoLogo -Command `"Import-Module '$($env:EMPROTO_TEST_MODULE)'; Watch-Evse -Serial $serial -Duration 120`""
        & tmux -u -S $tmuxSocket new-session -d -s agentwatch -x 100 -y 20 -c $repoRoot $command
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            do {
                $screen = @(& tmux -u -S $tmuxSocket capture-pane -p -J -t agentwatch | ForEach-Object { $_.TrimEnd() })
                $drawn = ($screen -match '^Watch-Evse  \d\d:\d\d:\d\d') -and ($screen -match '^  Charging .*[\u2581-\u2588]') -and ($screen -match [regex]::Escape($serial))
                if (-not $drawn) { Wait-Event -Timeout 1 -SourceIdentifier 'EmProto.Agent.Never' -ErrorAction SilentlyContinue | Out-Null }
            } until ($drawn -or [DateTime]::UtcNow -gt $deadline)
            $drawn | Should -BeTrue -Because ("the live view of the charging charger, drawn from the agent; the screen:`n" + ($screen -join "`n"))
            @($screen | Where-Object { $_ -match '^Watch-Evse  \d\d:\d\d:\d\d' }).Count | Should -Be 1 -Because 'the view redraws in place'
        } finally {
            & tmux -u -S $tmuxSocket kill-server 2>$null
        }
    }

    It 'acknowledges and keeps charge records while no session runs' {
        $start = (Get-EvseChargeSession -Serial $serial -Kind Current).ChargeId
        $start | Should -Not -BeNullOrEmpty
        $stop = Invoke-Fresh "Stop-EvseCharge -Serial $serial -Force -Confirm:`$false"
        $stop.Exit | Should -Be 0 -Because $stop.Output
        # No EmProto command runs from here on until the record is acknowledged: only the agent talks to the charger.
        Wait-Until { $sim.Counters.RecordsAcknowledged -ge 1 -and $sim.PendingRecords -eq 0 } 'the agent acknowledged the charge record'
        $read = Invoke-Fresh "Get-EvseChargeRecord -Serial $serial | ForEach-Object { 'record ' + `$_.ChargeId }"
        $read.Exit | Should -Be 0 -Because $read.Output
        $read.Output | Should -Match "record $start"
    }

    It 'stops a forwarded command in the agent when the session stops it (Ctrl+C, Stop-Job)' {
        $before = (Get-EvseAgent).Sessions
        $waiting = Start-Fresh "Wait-Evse -Serial $serial -State Idle -Timeout 300"
        Wait-Until { (Get-EvseAgent).Sessions -gt $before } 'the wait runs in the agent'
        Stop-Job $waiting
        # The session asks the agent to stop; the agent ends the command and closes its connection.
        Wait-Until { (Get-EvseAgent).Sessions -le $before } 'the agent ended the stopped command' -Seconds 60
        $waiting.State | Should -Be 'Stopped'
        (Get-EvseAgent).ProcessId | Should -Be $agent.ProcessId
    }

    It 'refuses another user' {
        $python = '/usr/bin/python3'
        $setpriv = Get-Command setpriv -ErrorAction SilentlyContinue
        $isRoot = (& id -u) -eq '0'
        if (-not $IsLinux -or -not $isRoot -or -not $setpriv -or -not (Test-Path $python)) {
            Set-ItResult -Skipped -Because "a process of another user needs Linux, root, setpriv and $python (root: $isRoot, setpriv: $([bool]$setpriv))"
            return
        }
        $client = @'
import socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect(sys.argv[1])
except PermissionError:
    print("denied"); sys.exit(0)
s.settimeout(30)
data = b""
while len(data) < 5:
    chunk = s.recv(65536)
    if not chunk: break
    data += chunk
length = struct.unpack("<i", data[:4])[0]
while len(data) < 4 + length:
    data += s.recv(65536)
print("frame", data[4], data[5:4 + length].decode("utf-8"))
'@
        $socketPath = $env:EMPROTO_AGENT_SOCKET
        $directory = Split-Path $socketPath
        # The socket's directory is this user's alone: another user cannot even reach the socket.
        (& stat -c '%a' $directory) | Should -Be '700'
        $denied = & $setpriv.Source --reuid=65534 --regid=65534 --clear-groups $python -c $client $socketPath 2>&1
        "$denied" | Should -Be 'denied'
        # With the directory opened up (as a careless admin might), the agent itself refuses them: it asks the kernel who calls.
        $rootMode = & stat -c '%a' $root
        & chmod 755 $root $directory
        & chmod 666 $socketPath
        try {
            $refused = & $setpriv.Source --reuid=65534 --regid=65534 --clear-groups $python -c $client $socketPath 2>&1
        } finally {
            & chmod $rootMode $root
            & chmod 700 $directory
            & chmod 600 $socketPath
        }
        "$refused" | Should -Match '^frame 13 The EmProto agent at .* belongs to user'
        (Get-EvseAgent).ProcessId | Should -Be $agent.ProcessId
    }

    It 'fails the call in flight with EvseAgentLost when killed (kill -9), then the session carries on with its own communicator and the store keeps the charger' {
        # Connections open now (this session's event subscription, this question).
        $before = (Get-EvseAgent).Sessions
        $waiting = Start-Fresh @"
try { Wait-Evse -Serial $serial -State Charging -Timeout 300 -ErrorAction Stop | Out-Null; 'no error' } catch { 'error ' + `$_.FullyQualifiedErrorId }
(Get-EvseCommunicator).Mode
`$e = Get-Evse -Serial $serial
'known ' + `$e.Serial + ' password ' + `$e.HasPassword
"@
        # The wait is in flight in the agent when it shows one more session: the waiting one.
        Wait-Until { (Get-EvseAgent).Sessions -gt $before } 'the other session waits in the agent'
        Stop-Process -Id $agent.ProcessId -Force
        $null = Wait-Job $waiting -Timeout 120
        $out = @(Receive-Job $waiting)
        $out | Should -Contain 'error EvseAgentLost,EmProto.PowerShell.Commands.WaitEvseCommand'
        $out | Should -Contain 'InProcess'
        $out | Should -Contain "known $serial password True"
        Get-EvseAgent | Should -BeNullOrEmpty
        # This session's event subscription follows it: no agent came back within its wait, so its own communicator serves it.
        $subscription = (Get-EventSubscriber -SourceIdentifier 'agent.here').SourceObject
        Wait-Until { $subscription.Via -eq 'InProcess' } 'the event subscription moved to this session''s own communicator' -Seconds 60
        (Get-EvseCommunicator).Mode | Should -Be 'InProcess'
        (Get-EvseCommunicator).IsRunning | Should -BeTrue
    }

    It 'starts again after the kill; Stop-EvseAgent stops it, and sessions then use their own communicator' {
        $again = Start-EvseAgent -PassThru -Timeout 120
        $again.ProcessId | Should -Not -Be $agent.ProcessId
        $again.Chargers | Should -BeGreaterOrEqual 1 -Because 'the store kept the charger'
        Stop-EvseAgent -WhatIf
        (Get-EvseAgent).ProcessId | Should -Be $again.ProcessId
        Stop-EvseAgent -Confirm:$false
        Get-EvseAgent | Should -BeNullOrEmpty
        Test-Path $env:EMPROTO_AGENT_SOCKET | Should -BeFalse
        { Get-Process -Id $again.ProcessId -ErrorAction Stop } | Should -Throw
        { Stop-EvseAgent -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'EvseAgentNotRunning,EmProto.PowerShell.Commands.StopEvseAgentCommand'
        (Get-EvseCommunicator).Mode | Should -Be 'InProcess'
    }
}
