<#
.SYNOPSIS
    A short tour of EmProto: find a charger, connect, read it, change a setting, watch events,
    charge for a moment, stop, and read back the session and the charge record.

.DESCRIPTION
    By default the tour runs against the module's built-in charger simulator, entirely on
    loopback: it starts its own communicator on 127.0.0.1 (a free port) with a temporary
    known-chargers file, and a simulated charger that talks only to that communicator. It plugs
    in the simulated car and uses Set-EvseSimulator -AdvanceTime so that a few seconds show
    what half an hour of charging looks like. Nothing outside the demo is touched.

    With -Real the same tour runs against a real charger on your network, with the module's
    normal communicator (UDP port 28376, your known-chargers file). It never plugs in or
    fast-forwards anything; it shows what the charger reports, and it only starts charging
    when a car is plugged in AND you confirm at the prompt (-WhatIf shows what would happen
    without changing anything).

    Every step is named. The script exits 0 when every step worked, and 1 with the name of
    the failing step otherwise, so it can also serve as a smoke test.

    Run it with `dotnet pwsh ./build.ps1 -Task Demo` (builds the module first) or directly:
        ./examples/Demo.ps1 -ModulePath ./out/EmProto
        ./examples/Demo.ps1 -ModulePath ./out/EmProto -Real

.PARAMETER ModulePath
    The EmProto module to import (a folder or a .psd1); by default the installed EmProto.

.PARAMETER Real
    Tour a real charger on the LAN instead of the simulator.

.PARAMETER Password
    -Real: the charger's password (its 6-digit PIN); asked for with Read-Host when absent.

.PARAMETER Serial
    -Real: which charger to tour (wildcards allowed) when there is more than one.

.PARAMETER MaxCurrent
    The charging current to ask for, in amperes (default 16).

.PARAMETER WhatIf
    -Real: show what would be changed (the setting, the charge) without changing it.

.PARAMETER NoPlugIn
    Simulator only: leave the simulated car unplugged. The start of the charge is then refused,
    which shows how a failing step is reported (the demo exits 1 naming the step).

.EXAMPLE
    ./examples/Demo.ps1 -ModulePath ./out/EmProto

.EXAMPLE
    ./examples/Demo.ps1 -Real -Serial 9181102751219513 -MaxCurrent 10
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ModulePath,
    [switch] $Real,
    [securestring] $Password,
    [string] $Serial = '*',
    [ValidateRange(6, 32)]
    [int] $MaxCurrent = 16,
    [switch] $NoPlugIn
)

Set-StrictMode -Version Latest
# Every error ends the tour: the catch at the bottom names the step it happened in.
$ErrorActionPreference = 'Stop'

# ---- presentation helpers ---------------------------------------------------------------------

$script:step = 'Load the module'
$script:stepNumber = 0

function Show-Step {
    # Names the step that runs next (the name is what a failure reports).
    param([string] $Name)
    $script:step = $Name
    $script:stepNumber++
    Write-Host ''
    Write-Host ('[{0,2}] {1}' -f $script:stepNumber, $Name) -ForegroundColor Cyan
}

function Show-Note {
    param([string] $Text)
    Write-Host "     $Text"
}

function Show-Events {
    # Prints (and removes) the events our subscriptions have queued so far.
    foreach ($e in @(Get-Event | Where-Object SourceIdentifier -like 'demo.*')) {
        $a = $e.SourceEventArgs
        $what = switch ($a.EventName) {
            'StateChanged' { "state $($a.OldValue) -> $($a.NewValue)" }
            'ChargingStopped' { 'charging stopped, {0:0.00} kWh' -f $a.NewValue.EnergyKWh }
            default { "$($a.EventName)" }
        }
        Show-Note ("event  {0:HH:mm:ss}  {1}  {2}" -f $e.TimeGenerated, $a.Evse.Name, $what)
        $e | Remove-Event
    }
}

function Wait-DemoEvent {
    # Waits for the next event of one subscription (bounded), then shows everything queued.
    param([string] $SourceIdentifier, [int] $TimeoutSeconds = 30)
    $e = Wait-Event -SourceIdentifier $SourceIdentifier -Timeout $TimeoutSeconds
    if (-not $e) { throw "No $SourceIdentifier event within $TimeoutSeconds s." }
    Show-Events
}

$live = -not [Console]::IsOutputRedirected
# Written to a file or a pipe: plain text (no colour codes), tables as wide as they need.
$savedRendering = $null
if (-not $live -and (Test-Path variable:PSStyle)) {
    $savedRendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'
}

function Show-View {
    # Shows formatted objects (the module's views) at once, in step order.
    if ($live) { $input | Out-Host }
    else { $input | Out-String -Width 200 | Write-Host -NoNewline }
}

function Show-Progress {
    # One status line rewritten in place on a terminal; plain lines when the output is a file or pipe.
    param([string] $Text)
    if ($live) { Write-Host ("`r     $Text".PadRight(78)) -NoNewline }
    else { Write-Host "     $Text" }
}

# ---- the tour ---------------------------------------------------------------------------------

$tempDir = $null
$chargeStarted = $false
$charger = $null
try {
    if ($ModulePath) { Import-Module (Resolve-Path $ModulePath).ProviderPath -Force } else { Import-Module EmProto }
    $mode = if ($Real) { 'real chargers on your network' } else { 'the built-in simulator, on 127.0.0.1 only' }
    Write-Host "EmProto $((Get-Module EmProto).Version) tour against $mode" -ForegroundColor Green

    if ($Real) {
        Show-Step 'Start the communicator'
        # The module's normal communicator: UDP port 28376, your known-chargers file.
        $communicator = Start-EvseCommunicator -PassThru -WhatIf:$false
        Show-Note "listening on $($communicator.LocalAddress):$($communicator.Port)"

        Show-Step 'Find the charger'
        Show-Note 'listening for the chargers'' announcements (up to 15 s)...'
        $found = @(Find-Evse -Timeout 15 -Serial $Serial)
        if ($found.Count -eq 0) { throw 'No charger answered. Is it on this network, and is the EVSEMaster app closed?' }
        $found | Format-Table | Show-View
        $charger = $found[0]
        if ($found.Count -gt 1) { Show-Note "touring $($charger.Serial); pick another with -Serial" }

        Show-Step 'Connect'
        if (-not $Password) { $Password = Read-Host -AsSecureString "Password (PIN) of $($charger.Name) $($charger.Serial)" }
        $charger = $charger | Connect-Evse -Password $Password -PassThru -WhatIf:$false
        Show-Note "logged in to $($charger.Serial); the password is remembered for next time"
    }
    else {
        # -WhatIf is for -Real: against the simulator every step runs (nothing real can change).
        $WhatIfPreference = $false
        Show-Step 'Start the communicator and a simulated charger'
        # A private communicator on loopback: an ephemeral port and a throw-away known-chargers
        # file, so the demo never touches your real chargers or your stored passwords.
        $tempDir = Join-Path ([IO.Path]::GetTempPath()) "emproto-demo-$PID"
        $null = New-Item -ItemType Directory -Path $tempDir -Force
        $communicator = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoBroadcast -Force -PassThru `
            -StorePath (Join-Path $tempDir 'evses.json')
        # The simulated charger announces itself to our communicator only (-AppEndPoint).
        $sim = Start-EvseSimulator -AppEndPoint "127.0.0.1:$($communicator.Port)" -Password 123456 `
            -Name Driveway -MaxAmps 32 -LoginInterval 1 -PassThru
        Show-Note "communicator on 127.0.0.1:$($communicator.Port); simulated charger $($sim.Serial) on port $($sim.Port)"

        Show-Step 'Find the charger'
        $charger = Find-Evse -Timeout 20 -Serial $sim.Serial | Select-Object -First 1
        if (-not $charger) { throw 'The simulated charger did not announce itself within 20 s.' }
        $charger | Format-Table | Show-View

        Show-Step 'Connect'
        # In your own scripts: -Password (Read-Host -AsSecureString 'Charger PIN').
        $pin = ConvertTo-SecureString 123456 -AsPlainText -Force
        $charger = $charger | Connect-Evse -Password $pin -PassThru
        Show-Note "logged in to $($charger.Serial) ($($charger.Brand) $($charger.Model))"
    }
    $serialOfCharger = $charger.Serial

    Show-Step 'Show configuration, info and state'
    Get-EvseConfig -Serial $serialOfCharger | Format-Table | Show-View
    Get-Evse -Serial $serialOfCharger | Format-List | Show-View
    Get-EvseState -Serial $serialOfCharger -Timeout 30 | Format-List | Show-View
    $charger = Get-Evse -Serial $serialOfCharger   # now with the name from the configuration

    Show-Step 'Change a setting'
    if ($Real) {
        # Writes the name the charger already has: the command round trip, without changing anything.
        $config = Get-EvseConfig -Serial $serialOfCharger
        $result = Set-EvseConfig -Serial $serialOfCharger -Name $config.Name -PassThru
        if ($result) { Show-Note "name written back unchanged: '$($result.Name)'" }
    }
    else {
        $result = Set-EvseConfig -Serial $serialOfCharger -Name Garage -MaxCurrent 24 -Confirm:$false -PassThru
        Show-Note "renamed to '$($result.Name)', maximum current $($result.MaxCurrent) A"
        if ($result.Name -ne 'Garage' -or $result.MaxCurrent -ne 24) { throw 'The charger did not take the new settings.' }
    }

    Show-Step 'Subscribe to events'
    # Without -Action the events queue up for Wait-Event/Get-Event; scenario 5 in the README
    # shows -Action for scripts that react by themselves.
    foreach ($name in 'StateChanged', 'ChargingStarted', 'ChargingStopped') {
        $null = Register-EvseEvent -EventName $name -Serial $serialOfCharger -SourceIdentifier "demo.$name"
    }
    Show-Note 'StateChanged, ChargingStarted, ChargingStopped'

    if ($Real) {
        Show-Step 'Check that a car is plugged in'
        $state = (Get-EvseState -Serial $serialOfCharger).State
        Show-Note "the charger says: $state"
    }
    elseif ($NoPlugIn) {
        Show-Step 'Plug in'
        Show-Note 'leaving the simulated car unplugged (-NoPlugIn)'
        $state = (Get-EvseState -Serial $serialOfCharger).State
    }
    else {
        Show-Step 'Plug in'
        $sim | Set-EvseSimulator -PlugIn -Confirm:$false
        Wait-DemoEvent demo.StateChanged
        $state = (Get-Evse -Serial $serialOfCharger).State
    }

    $mayCharge = $true
    if ($Real) {
        if ($state -ne 'PluggedIn') {
            Show-Note 'no car waiting to charge: the charging steps are skipped'
            $mayCharge = $false
        }
        elseif (-not $PSCmdlet.ShouldProcess("$($charger.Name) $serialOfCharger", "Start charging at $MaxCurrent A")) {
            $mayCharge = $false
        }
        else {
            Show-Step 'Confirm the charge'
            # Always asked, whatever $ConfirmPreference says, and No unless you answer Yes:
            # this starts a real charge.
            try {
                $choices = [System.Management.Automation.Host.ChoiceDescription[]] @(
                    [System.Management.Automation.Host.ChoiceDescription]::new('&Yes', 'Start charging now.')
                    [System.Management.Automation.Host.ChoiceDescription]::new('&No', 'Skip the charging steps.'))
                $answer = $Host.UI.PromptForChoice('Start a real charge',
                    "Start charging $($charger.Name) at $MaxCurrent A now? It will be stopped again after about a minute.", $choices, 1)
                $mayCharge = $answer -eq 0
            }
            catch [System.Management.Automation.PSInvalidOperationException] {
                $mayCharge = $false   # -NonInteractive: nobody to ask
            }
            if (-not $mayCharge) { Show-Note 'not confirmed: the charging steps are skipped' }
        }
    }

    if ($mayCharge) {
        Show-Step "Start charging at $MaxCurrent A"
        $start = Start-EvseCharge -Serial $serialOfCharger -MaxCurrent $MaxCurrent -Confirm:$false -PassThru
        $chargeStarted = $true
        Show-Note "charge $($start.ChargeId) accepted"
        Wait-DemoEvent demo.ChargingStarted

        Show-Step 'Watch power and energy'
        # Simulator: each frame fast-forwards the charger by 5 minutes. Real charger: a frame every
        # 5 s for a bit over a minute, which also lets the wear guard allow the stop without -Force.
        $frames = if ($Real) { 13 } else { 8 }
        $session = $null
        for ($i = 1; $i -le $frames; $i++) {
            if ($Real) { Start-Sleep -Seconds 5 }
            else {
                $sim | Set-EvseSimulator -AdvanceTime 00:05:00 -Confirm:$false
                Start-Sleep -Milliseconds 400   # pacing, so that a person can watch it
            }
            $state = Get-EvseState -Serial $serialOfCharger
            $session = Get-EvseChargeSession -Serial $serialOfCharger -Kind Current
            $bar = ('#' * $i).PadRight($frames, '.')
            Show-Progress ('[{0}] {1,-9} {2,5:0.00} kW {3,6:0.00} kWh  {4:hh\:mm\:ss}' -f $bar, $state.State, $state.PowerKW, $session.EnergyKWh, $session.Duration)
        }
        if ($live) { Write-Host '' }
        if (-not $session -or $session.EnergyKWh -le 0) { throw 'The energy of the session did not rise.' }
        Show-Note ('{0:0.00} kWh in {1:hh\:mm\:ss} of charging' -f $session.EnergyKWh, $session.Duration)

        Show-Step 'Watch it live'
        # Watch-Evse redraws from the charger's own pushes (no polling, no login) until Ctrl+C or -Duration.
        # In a console it is a live view with a power sparkline; written to a file or a pipe, plain lines.
        Show-Note 'Watch-Evse -Duration 5  (without -Duration: until Ctrl+C)'
        Watch-Evse -Serial $serialOfCharger -Duration 5

        Show-Step 'Stop charging'
        try {
            Stop-EvseCharge -Serial $serialOfCharger -Confirm:$false -WhatIf:$false
        }
        catch [EmProto.Engine.EvseWearGuardException] {
            # The wear guard refuses a start and a stop within a minute (relays wear out);
            # -Force is the deliberate override.
            Show-Note ('the wear guard refused: a stop this soon after the start wears the relays (allowed from {0:HH:mm:ss})' -f $_.Exception.AllowedAt)
            Show-Note 'stopping anyway with -Force'
            Stop-EvseCharge -Serial $serialOfCharger -Force -Confirm:$false -WhatIf:$false
        }
        $chargeStarted = $false
        Wait-DemoEvent demo.ChargingStopped

        Show-Step 'Show the session and the charge record'
        Get-EvseChargeSession -Serial $serialOfCharger -Kind Last | Format-List | Show-View
        # The charger uploads the finished session as a charge record; it arrives moments later.
        $deadline = (Get-Date).AddSeconds(30)
        $record = $null
        while (-not $record -and (Get-Date) -lt $deadline) {
            $record = Get-EvseChargeRecord -Serial $serialOfCharger | Where-Object ChargeId -eq $start.ChargeId
            if (-not $record) { Start-Sleep -Milliseconds 250 }
        }
        if (-not $record) { throw "The charge record of $($start.ChargeId) did not arrive within 30 s." }
        $record | Format-Table | Show-View
        Show-Events
    }

    Show-Step 'Clean up'
    Get-EventSubscriber | Where-Object SourceIdentifier -like 'demo.*' | Unregister-Event -WhatIf:$false
    if (-not $Real) {
        Stop-EvseSimulator -Confirm:$false
    }
    Stop-EvseCommunicator -Confirm:$false -WhatIf:$false
    if ($tempDir) { Remove-Item $tempDir -Recurse -Force; $tempDir = $null }
    Show-Note 'done'

    Write-Host ''
    Write-Host 'Tour complete: every step worked.' -ForegroundColor Green
    exit 0
}
catch {
    if ($live) { Write-Host '' }
    Write-Host ''
    Write-Host "Demo failed at step '$script:step': $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
finally {
    # Runs on success, failure and Ctrl+C alike: never leave a charge running or anything behind.
    if ($chargeStarted -and $charger) {
        Write-Host '     stopping the charge the demo started'
        Stop-EvseCharge -Serial $charger.Serial -Force -Confirm:$false -WhatIf:$false -ErrorAction Continue
    }
    Get-EventSubscriber -ErrorAction SilentlyContinue | Where-Object SourceIdentifier -like 'demo.*' | Unregister-Event -WhatIf:$false -ErrorAction SilentlyContinue
    if (Get-Module EmProto) {
        if (-not $Real) { Stop-EvseSimulator -Confirm:$false -ErrorAction SilentlyContinue }
        Stop-EvseCommunicator -Confirm:$false -WhatIf:$false -ErrorAction SilentlyContinue
    }
    if ($tempDir -and (Test-Path $tempDir)) { Remove-Item $tempDir -Recurse -Force -ErrorAction SilentlyContinue }
    if ($savedRendering) { $PSStyle.OutputRendering = $savedRendering }
}
