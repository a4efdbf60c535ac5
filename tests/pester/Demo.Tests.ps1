# The demo (examples/Demo.ps1) run as a user runs it: in a child `dotnet pwsh`, non-interactive,
# against the built-in simulator on loopback. Checks the exit code and the key lines of its output.
BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $demo = Join-Path $repoRoot 'examples/Demo.ps1'

    # Runs the demo in a fresh pwsh (from the repo root, where `dotnet pwsh` is the pinned tool);
    # returns its exit code and its output as one string.
    function Invoke-Demo {
        param([string[]] $Arguments = @())
        Push-Location $repoRoot
        try {
            $out = & dotnet pwsh -NoProfile -NonInteractive -File $demo -ModulePath $env:EMPROTO_TEST_MODULE @Arguments 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $out }
        }
        finally { Pop-Location }
    }
}

Describe 'examples/Demo.ps1 against the built-in simulator' {
    BeforeAll {
        $script:run = Invoke-Demo
    }

    It 'exits 0 and says every step worked' {
        $run.Output | Should -Match 'Tour complete: every step worked\.'
        $run.Output | Should -Not -Match 'Demo failed'
        $run.ExitCode | Should -Be 0
    }

    It 'stays on loopback' {
        $run.Output | Should -Match 'tour against the built-in simulator, on 127\.0\.0\.1 only'
        $run.Output | Should -Match 'communicator on 127\.0\.0\.1:\d+; simulated charger \w+ on port \d+'
    }

    It 'walks through every step in order' {
        $steps = 'Start the communicator and a simulated charger', 'Find the charger', 'Connect',
            'Show configuration, info and state', 'Change a setting', 'Subscribe to events', 'Plug in',
            'Start charging at 16 A', 'Watch power and energy', 'Watch it live', 'Stop charging',
            'Show the session and the charge record', 'Clean up'
        $at = 0
        for ($i = 0; $i -lt $steps.Count; $i++) {
            $header = '[{0,2}] {1}' -f ($i + 1), $steps[$i]
            $next = $run.Output.IndexOf($header, $at, [StringComparison]::Ordinal)
            $next | Should -BeGreaterThan -1 -Because "step '$($steps[$i])' comes after the previous one"
            $at = $next
        }
    }

    It 'shows the charger, its state and its configuration with the module''s views' {
        $run.Output | Should -Match 'Power kW'               # Get-Evse / Find-Evse table view
        $run.Output | Should -Match 'L1Volts\s+: \d+'        # Get-EvseState list view
        $run.Output | Should -Match 'Max A\s+Language'       # Get-EvseConfig table view
        $run.Output | Should -Match "renamed to 'Garage', maximum current 24 A"
    }

    It 'reports the events it subscribed to' {
        $run.Output | Should -Match 'state Idle -> PluggedIn'
        $run.Output | Should -Match 'Garage\s+ChargingStarted'
        $run.Output | Should -Match 'charging stopped, \d+\.\d\d kWh'
    }

    It 'shows power flowing and energy rising while it charges' {
        $samples = [regex]::Matches($run.Output, '\[#+\.*\] Charging\s+(?<kw>\d+\.\d\d) kW\s+(?<kwh>\d+\.\d\d) kWh')
        $samples.Count | Should -Be 8
        $energy = @($samples | ForEach-Object { [double] $_.Groups['kwh'].Value })
        for ($i = 1; $i -lt $energy.Count; $i++) { $energy[$i] | Should -BeGreaterThan $energy[$i - 1] }
        foreach ($s in $samples) { [double] $s.Groups['kw'].Value | Should -BeGreaterThan 3 }
    }

    It 'watches the charge with Watch-Evse, as plain time-stamped lines since the output is not a console' {
        $run.Output | Should -Match '(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  Garage [0-9a-f]{16}  Charging  \d+\.\d\d kW  \d+\.\d\d kWh  L1 \d+\.\d A\s*$'
        $run.Output | Should -Not -Match "`e\[\d*A"   # no cursor movement in a redirected output
    }

    It 'stops through the wear guard with -Force and shows the session and the charge record' {
        $run.Output | Should -Match 'the wear guard refused'
        $run.Output | Should -Match 'Kind\s+: Last'
        $run.Output | Should -Match 'Charge id\s+Start\s+Stop'
    }
}

Describe 'examples/Demo.ps1 when a step fails' {
    It 'exits 1 and names the failing step (the car left unplugged: the start is refused)' {
        $failed = Invoke-Demo -Arguments '-NoPlugIn'
        $failed.Output | Should -Match "Demo failed at step 'Start charging at 16 A': .*no car is plugged in"
        $failed.Output | Should -Not -Match 'Tour complete'
        $failed.Output | Should -Not -Match '\[ 9\] Watch power and energy'
        $failed.ExitCode | Should -Be 1
    }
}

Describe 'examples/OffPeak.ps1 and examples/SolarSurplus.ps1 against a simulated charger' {
    BeforeAll {
        Import-Module $env:EMPROTO_TEST_MODULE -Force
        # The scripts use whatever communicator runs: here one on loopback with a throw-away store
        # and no wear guard, so that the solar script can start and stop within one test.
        $status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') `
            -WearGuardInterval 0 -NoBroadcast -Force -PassThru
        $script:serial = '5e5e0000000000d1'
        $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$($status.Port)" -Password 123456 `
            -Name Garage -MaxAmps 32 -LoginInterval 1 -PassThru
        Find-Evse -Timeout 20 -Serial $serial | Select-Object -First 1 |
            Connect-Evse -Password (ConvertTo-SecureString 123456 -AsPlainText -Force)
        $null = Get-EvseConfig -Serial $serial   # the name comes with the configuration
        $script:offPeak = Join-Path $repoRoot 'examples/OffPeak.ps1'
        $script:solar = Join-Path $repoRoot 'examples/SolarSurplus.ps1'
    }

    AfterAll {
        Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
        Stop-EvseCommunicator -Confirm:$false
    }

    It 'OffPeak fails with exit 1 and an error record when the car is not plugged in' {
        $out = & $offPeak -Name Garage -ErrorVariable err -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $out | Should -BeNullOrEmpty
        # The script's own error record keeps the cmdlet's error id (-ErrorVariable also collects the inner ones).
        $err[-1].FullyQualifiedErrorId | Should -Be 'EvseStartNotPluggedIn,OffPeak.ps1'
        $err[-1].CategoryInfo.Category | Should -Be 'DeviceError'
    }

    It 'OffPeak starts charging and exits 0 once the charger charges' {
        $sim | Set-EvseSimulator -PlugIn -Confirm:$false
        Wait-Evse -Serial $serial -State PluggedIn -Timeout 30 | Out-Null
        $out = & $offPeak -Name Garage -MaxCurrent 10
        $LASTEXITCODE | Should -Be 0
        $out | Should -Be 'Garage is charging at up to 10 A.'
        (Get-EvseChargeSession -Serial $serial -Kind Current).MaxCurrent | Should -Be 10
    }

    It 'SolarSurplus stops when the surplus falls below 6 A' {
        $out = & $solar -Name Garage -SurplusWatts 900
        $LASTEXITCODE | Should -Be 0
        $out | Should -Match 'stopped charging'
        (Wait-Evse -Serial $serial -State PluggedIn, Finished -Timeout 30).State | Should -BeIn 'PluggedIn', 'Finished'
    }

    It 'SolarSurplus does nothing while there is too little surplus' {
        $out = & $solar -Name Garage -SurplusWatts 1000
        $LASTEXITCODE | Should -Be 0
        $out | Should -Match 'nothing to change \(4 A available\)'
    }

    It 'SolarSurplus starts again at the current the surplus carries' {
        $out = & $solar -Name Garage -SurplusWatts 3000
        $LASTEXITCODE | Should -Be 0
        $out | Should -Be 'Garage: started charging at 13 A (3000 W surplus).'
        Wait-Evse -Serial $serial -State Charging -Timeout 30 | Out-Null
        (Get-EvseChargeSession -Serial $serial -Kind Current).MaxCurrent | Should -Be 13
    }
}
