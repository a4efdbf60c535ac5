<#
.SYNOPSIS
    Registers a Windows scheduled task that runs the EmProto agent for the current user from
    logon on.

.DESCRIPTION
    The EmProto agent is one process per user and host that owns UDP port 28376, the
    known-chargers store and the charger sessions: it keeps the chargers logged in, answers their
    keep-alive Headings, and acknowledges and keeps their charge records, also while no script
    runs. Every EmProto session of the same user (pwsh consoles, other scheduled tasks,
    monitoring scripts) uses it over its socket, %LOCALAPPDATA%\EmProto\agent.sock, so a console
    and a scheduled off-peak task no longer fight over the port (EvsePortInUse).

    This script registers a task that starts at your logon and runs, hidden:
        pwsh.exe -NoProfile -NonInteractive -WindowStyle Hidden -Command "Import-Module EmProto; Start-EvseAgent -Wait"
    as you (interactive logon, limited rights: no password is stored), with no execution time
    limit, on batteries too, one instance at a time, restarted up to three times a minute apart
    when it fails. Task Scheduler may not count an agent that exits with an error code as a
    failed task; then the agent is started again at the next logon (or with Start-ScheduledTask),
    and until then every session uses its own communicator. The task ends at logoff.

    The agent needs PowerShell 7 (pwsh.exe) with the EmProto module installed for your user
    (build.ps1 -Task Install). Windows PowerShell 5.1 sessions cannot attach to the agent (5.1
    lacks Unix domain sockets): they use their own communicator, which finds port 28376 taken
    while the agent runs. This script itself runs in either.

    -WindowStyle Hidden hides the agent's console window, but Windows may show it for a moment
    at logon.

    To remove the task: stop the agent cleanly (it saves the store and ends its sessions), then
    unregister the task:
        pwsh -NoProfile -Command "Import-Module EmProto; Stop-EvseAgent -Confirm:`$false"
        Unregister-ScheduledTask -TaskName 'EmProto agent' -TaskPath '\EmProto\' -Confirm:$false
    (Stop-ScheduledTask would end the process without saving.)

.PARAMETER TaskName
    The name of the task. Default: EmProto agent.

.PARAMETER TaskPath
    The Task Scheduler folder of the task. Default: \EmProto\.

.PARAMETER PwshPath
    The full path of pwsh.exe (PowerShell 7). Default: the pwsh.exe found on PATH, else
    %ProgramFiles%\PowerShell\7\pwsh.exe.

.PARAMETER StartNow
    Also starts the task at once, so the agent runs without logging off and on. If an agent is
    already running (Start-EvseAgent in a console), the task's agent stops with EvseAgentRunning;
    stop the other one first (Stop-EvseAgent).

.PARAMETER Force
    Replaces a task of the same name and folder. Without -Force an existing task is an error.

.OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#MSFT_ScheduledTask: the registered task.

.EXAMPLE
    ./examples/agent/Register-EvseAgentTask.ps1 -WhatIf
    Shows the task that would be registered, without registering it.

.EXAMPLE
    ./examples/agent/Register-EvseAgentTask.ps1 -StartNow
    Registers the task and starts the agent now; from the next logon on it starts by itself.
    Check it with: Get-EvseAgent | Format-List

.EXAMPLE
    Unregister-ScheduledTask -TaskName 'EmProto agent' -TaskPath '\EmProto\' -Confirm:$false
    Removes the task (stop the agent first with Stop-EvseAgent, see the description).

.LINK
    Start-EvseAgent

.LINK
    Stop-EvseAgent

.LINK
    Get-EvseAgent
#>
#Requires -Modules ScheduledTasks
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateNotNullOrEmpty()]
    [string] $TaskName = 'EmProto agent',

    [ValidatePattern('^\\(.+\\)?$')]
    [string] $TaskPath = '\EmProto\',

    [string] $PwshPath,

    [switch] $StartNow,

    [switch] $Force
)

$ErrorActionPreference = 'Stop'

if (-not $PwshPath) {
    $found = Get-Command pwsh.exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $PwshPath = if ($found) { $found.Source } else { Join-Path $env:ProgramFiles 'PowerShell\7\pwsh.exe' }
}
if (-not (Test-Path -LiteralPath $PwshPath -PathType Leaf)) {
    throw "PowerShell 7 was not found at '$PwshPath'. The agent needs pwsh.exe: install PowerShell 7, or give its path with -PwshPath."
}

# The task runs pwsh as you, so the module must be found by your pwsh, not just by this shell.
& $PwshPath -NoProfile -NonInteractive -Command 'if (-not (Get-Module -ListAvailable -Name EmProto)) { exit 1 }'
if ($LASTEXITCODE -ne 0) {
    throw "pwsh at '$PwshPath' cannot find the EmProto module. Install it for your user first (dotnet pwsh ./build.ps1 -Task Install)."
}

$existing = Get-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
if ($existing -and -not $Force) {
    throw "The task '$TaskPath$TaskName' exists already. Use -Force to replace it, or remove it with: Unregister-ScheduledTask -TaskName '$TaskName' -TaskPath '$TaskPath'"
}

$user = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name    # DOMAIN\user

$action = New-ScheduledTaskAction -Execute $PwshPath `
    -Argument '-NoProfile -NonInteractive -WindowStyle Hidden -Command "Import-Module EmProto; Start-EvseAgent -Wait"'
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $user
# Interactive: runs in your logon session, so no password is stored with the task.
$principal = New-ScheduledTaskPrincipal -UserId $user -LogonType Interactive -RunLevel Limited
$settings = New-ScheduledTaskSettingsSet `
    -ExecutionTimeLimit ([TimeSpan]::Zero) `
    -RestartCount 3 -RestartInterval (New-TimeSpan -Minutes 1) `
    -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
    -MultipleInstances IgnoreNew

if ($PSCmdlet.ShouldProcess("$TaskPath$TaskName (at logon of $user, runs $PwshPath ... Start-EvseAgent -Wait)", 'Register scheduled task')) {
    $task = Register-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Action $action -Trigger $trigger `
        -Principal $principal -Settings $settings -Force:$Force `
        -Description 'EmProto agent: owns UDP port 28376 and the EV charger sessions for every EmProto session of this user (Start-EvseAgent -Wait).'
    if ($StartNow) {
        Start-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath
    }
    $task
}
