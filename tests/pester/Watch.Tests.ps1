# Watch-Evse as a person sees it: in a real terminal (tmux, 80 and 120 columns) running `dotnet pwsh`
# against a simulated charger on loopback; then its plain mode (output redirected, piped, -Plain) and
# -Duration, in this process. The screens are read with `tmux capture-pane`, polled until the expected
# text appears (generous deadlines, no fixed sleeps).
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:modulePath = (Resolve-Path $env:EMPROTO_TEST_MODULE).ProviderPath
    $script:sparkChars = '[\u2581-\u2588]'

    # tmux comes from Debian's package; installed here when missing and we may (root with apt-get), else the terminal tests are skipped.
    $script:tmuxProblem = $null
    if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) {
        $isRoot = $IsLinux -and (Get-Command id -ErrorAction SilentlyContinue) -and ((& id -u) -eq '0')
        if ($isRoot -and (Get-Command apt-get -ErrorAction SilentlyContinue)) {
            $env:DEBIAN_FRONTEND = 'noninteractive'
            & apt-get install -y -qq tmux *> $null
            if ($LASTEXITCODE -ne 0) {
                & apt-get update -qq *> $null
                & apt-get install -y -qq tmux *> $null
            }
        }
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) {
            $script:tmuxProblem = 'tmux is missing and could not be installed (needs root and apt-get: apt-get install -y -qq tmux)'
        }
    }

    # A tmux server of our own (its socket in the test drive), so nothing else's sessions are touched; killed in AfterAll.
    $script:socket = Join-Path $TestDrive 'tmux.sock'
    function Invoke-Tmux { & tmux -u -S $script:socket @args }

    # The screen of a session, one string per row; -J joins rows that wrapped, so a line drawn wider than the pane shows as one long line.
    function Get-Screen {
        param([string] $Session)
        @(Invoke-Tmux capture-pane -p -J -t $Session | ForEach-Object { $_.TrimEnd() })
    }

    # Polls the screen until $Until says yes; fails with the last screen when the deadline passes.
    function Wait-Screen {
        param([string] $Session, [scriptblock] $Until, [string] $What, [int] $TimeoutSeconds = 180)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while ($true) {
            $screen = Get-Screen $Session
            if (& $Until $screen) { return , $screen }
            if ([DateTime]::UtcNow -gt $deadline) {
                throw "$What did not appear in tmux session '$Session' within $TimeoutSeconds s. The screen:`n$($screen -join "`n")"
            }
            Start-Sleep -Milliseconds 200
        }
    }

    # What a person would type before watching: a loopback communicator, a simulated three-phase charger,
    # connect, start a charge. -Run runs a command after that (for the child pwsh without a terminal).
    $script:setup = Join-Path $TestDrive 'setup.ps1'
    Set-Content -Path $setup -Encoding utf8 -Value @'
param([string] $ModulePath, [string] $StoreDirectory, [string] $Run)
$ErrorActionPreference = 'Stop'
if (Get-Command Set-PSReadLineOption -ErrorAction SilentlyContinue) { Set-PSReadLineOption -HistorySaveStyle SaveNothing }
Import-Module $ModulePath -Force
$null = New-Item -ItemType Directory -Path $StoreDirectory -Force
$c = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoBroadcast -Force -PassThru -StorePath (Join-Path $StoreDirectory 'evses.json')
$sim = Start-EvseSimulator -AppEndPoint "127.0.0.1:$($c.Port)" -Password 123456 -Name Garage -Phases 3 -MaxAmps 16 -PluggedIn -LoginInterval 1 -PassThru
Find-Evse -Timeout 60 -Serial $sim.Serial | Select-Object -First 1 | Connect-Evse -Password (ConvertTo-SecureString 123456 -AsPlainText -Force)
$null = Get-EvseConfig -Serial $sim.Serial
Start-EvseCharge -Serial $sim.Serial -MaxCurrent 16 -Confirm:$false
$null = Wait-Evse -Serial $sim.Serial -State Charging -Timeout 60
$ErrorActionPreference = 'Continue'
function global:prompt { 'WATCHTEST> ' }
'SETUP-DONE'
if ($Run) { . ([scriptblock]::Create($Run)) }
'@
}

AfterAll {
    if (-not $tmuxProblem) { Invoke-Tmux kill-server 2>$null }
}

Describe 'Watch-Evse in a real terminal (tmux)' {
    BeforeAll {
        if ($tmuxProblem) { return }
        # Both terminals start at once: pwsh, the module, the simulator, a charge.
        foreach ($size in 80, 120) {
            $command = "env LANG=C.UTF-8 dotnet pwsh -NoProfile -NoLogo -NoExit -File '$setup' -ModulePath '$modulePath' -StoreDirectory '$(Join-Path $TestDrive "w$size")'"
            Invoke-Tmux new-session -d -s "w$size" -x $size -y 24 -c $repoRoot $command
        }
        foreach ($size in 80, 120) {
            $null = Wait-Screen "w$size" { param($s) ($s -join "`n") -match 'SETUP-DONE\s+WATCHTEST>' } 'The set-up (communicator, simulator, charge)'
        }
        # Typed at the prompt, as a person would.
        Invoke-Tmux send-keys -t w80 'Watch-Evse' Enter
        $script:first80 = Wait-Screen w80 { param($s) ($s -match '^Watch-Evse  \d\d:\d\d:\d\d') -and ($s -match "^  Charging .*$sparkChars") } 'The live view of a charging charger'
    }

    AfterAll {
        # Always, whatever failed: the terminals (and the pwsh, simulator and communicator inside them) go.
        if (-not $tmuxProblem) {
            foreach ($size in 80, 120) { Invoke-Tmux kill-session -t "w$size" 2>$null }
            Invoke-Tmux kill-server 2>$null
        }
    }

    It 'draws the charger charging: name, serial, power with a sparkline, energy and amps on all three phases' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        $text = $first80 -join "`n"
        $text | Should -Match 'Garage  5e5e[0-9a-f]{12}  3-phase\s+status \d+ s old'
        $text | Should -Match "(?m)^  Charging\s+\d+\.\d\d kW [ \u2581-\u2588]*$sparkChars\s+\d+\.\d\d kWh  L1 16\.0  L2 16\.0  L3 16\.0 A$"
        $text | Should -Match '(?m)^Watch-Evse  \d\d:\d\d:\d\d  1 charger  kW graph [\d.]+ min  Ctrl\+C ends$'
    }

    It 'fits the 80-column pane: no line is wider, none wrapped' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        foreach ($line in $first80) { $line.Length | Should -BeLessOrEqual 80 -Because "'$line' must fit 80 columns" }
    }

    It 'redraws in place as the clock ticks: one header, not a scrolling list' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        $firstTime = ($first80 -match '^Watch-Evse  ')[0].Substring(12, 8)
        $later = Wait-Screen w80 { param($s) $h = @($s -match '^Watch-Evse  '); $h.Count -ge 1 -and $h[-1].Substring(12, 8) -ne $firstTime } 'A redraw with a later time' 60
        @($later -match '^Watch-Evse  ').Count | Should -Be 1
        @($later -match '^  Charging ').Count | Should -Be 1
    }

    It 'ends on Ctrl+C and gives the prompt back, below the last screen' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        Invoke-Tmux send-keys -t w80 C-c
        $after = Wait-Screen w80 { param($s) $last = @($s | Where-Object { $_ })[-1]; $last -eq 'WATCHTEST>' } 'The prompt after Ctrl+C' 60
        $rows = @($after | Where-Object { $_ })
        $rows[-2] | Should -Match '^  Charging ' -Because 'the last screen stays, the prompt comes below it'
        Invoke-Tmux send-keys -t w80 '"alive $(6 * 7)"' Enter
        $null = Wait-Screen w80 { param($s) $s -contains 'alive 42' } 'The answer of the next command' 60
    }

    It 'uses a 120-column pane: a wider sparkline covering more minutes, every line within 120 columns' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        Invoke-Tmux send-keys -t w120 'Watch-Evse -Duration 4; "after-watch"' Enter
        $screen = Wait-Screen w120 { param($s) $s -contains 'after-watch' } 'The end of Watch-Evse -Duration 4' 120
        foreach ($line in $screen) { $line.Length | Should -BeLessOrEqual 120 -Because "'$line' must fit 120 columns" }
        $text = $screen -join "`n"
        $text | Should -Match 'kW graph 9\.2 min  ends \d\d:\d\d:\d\d or Ctrl\+C'
        $reading120 = @($screen -match '^  Charging ')[-1]
        $reading80 = @($first80 -match '^  Charging ')[-1]
        $reading120 | Should -Match $sparkChars
        $reading120.IndexOf(' kWh') | Should -Be ($reading80.IndexOf(' kWh') + 40) -Because 'the 40 extra columns go to the sparkline'
    }

    It '-Duration ends the view by itself and returns to the prompt' {
        if ($tmuxProblem) { Set-ItResult -Skipped -Because $tmuxProblem; return }
        $screen = Get-Screen w120
        $at = [array]::LastIndexOf($screen, 'after-watch')
        $screen[$at - 1] | Should -Match '^  Charging ' -Because 'the last screen is left above what follows'
        $null = Wait-Screen w120 { param($s) @($s | Where-Object { $_ })[-1] -eq 'WATCHTEST>' } 'The prompt after -Duration' 60
    }
}

Describe 'Watch-Evse when the output is not a console' {
    It 'writes time-stamped plain lines, without escape sequences or a sparkline, when the output is redirected' {
        Push-Location $repoRoot
        try {
            $out = & dotnet pwsh -NoProfile -NonInteractive -File $setup -ModulePath $modulePath -StoreDirectory (Join-Path $TestDrive 'redirected') -Run 'Watch-Evse -Duration 2' 2>&1 | Out-String
        }
        finally { Pop-Location }
        $out | Should -Match 'SETUP-DONE'
        $out | Should -Match '(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  Garage 5e5e[0-9a-f]{12}  Charging  \d+\.\d\d kW  \d+\.\d\d kWh  L1 16\.0  L2 16\.0  L3 16\.0 A\s*$'
        $out | Should -Not -Match "`e"
        $out | Should -Not -Match $sparkChars
        $out | Should -Not -Match 'Watch-Evse  \d\d:'
    }
}

Describe 'Watch-Evse plain mode, targets and -Duration (in this process)' {
    BeforeAll {
        Import-Module $modulePath -Force
        $status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') -NoBroadcast -Force -PassThru
        $script:serial = '5e5e0000000000e1'
        $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$($status.Port)" -Password 123456 -Name Carport `
            -PluggedIn -LoginInterval 1 -PassThru
        Find-Evse -Timeout 60 -Serial $serial | Select-Object -First 1 |
            Connect-Evse -Password (ConvertTo-SecureString 123456 -AsPlainText -Force)
        $null = Get-EvseConfig -Serial $serial
        $null = Wait-Evse -Serial $serial -State PluggedIn -Timeout 60
    }

    AfterAll {
        Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
        Stop-EvseCommunicator -Confirm:$false
    }

    It 'piped on, writes a line at the start and another when the charger changes (the charge started meanwhile)' {
        # Another runspace starts the charge once Watch-Evse listens (it subscribes to the communicator's events).
        $before = (Get-EvseCommunicator).EventSubscribers
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Serial, $Before)
                Import-Module $ModulePath
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ((Get-EvseCommunicator).EventSubscribers -le $Before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Start-EvseCharge -Serial $Serial -MaxCurrent 10 -Confirm:$false
            }).AddArgument($modulePath).AddArgument($serial).AddArgument($before)
        $handle = $ps.BeginInvoke()
        try {
            $seen = [System.Collections.Generic.List[string]]::new()
            $charging = Watch-Evse -Serial $serial -Duration 120 | ForEach-Object { $seen.Add($_); $_ } |
                Where-Object { $_ -match '  Charging  ' } | Select-Object -First 1
            $ps.EndInvoke($handle)
        }
        finally { $ps.Dispose() }
        $charging | Should -Not -BeNullOrEmpty -Because 'a line shows the charge once it runs'
        $seen[0] | Should -Match "^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  Carport $serial  PluggedIn  0\.00 kW  no session  L1 0\.0 A$"
        $charging | Should -Match "^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  Carport $serial  Charging  \d+\.\d\d kW"
        $seen.Count | Should -BeGreaterOrEqual 2
        ($seen | Select-Object -Unique).Count | Should -Be $seen.Count -Because 'a line is written only when what it shows changed'
        (Get-EvseCommunicator).EventSubscribers | Should -Be $before -Because 'the watch lets go of the events when it ends'
    }

    It '-Duration ends the watch after that long' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $lines = @(Watch-Evse -Serial $serial -Plain -Duration 2)
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
        $lines[0] | Should -Match "  Carport $serial  Charging  "
    }

    It '-Duration 0 shows each charger once; -Name takes wildcards; no target means every known charger' {
        @(Watch-Evse -Name 'Car*' -Plain -Duration 0) | Should -Match "  Carport $serial  "
        @(Get-Evse -Serial $serial | Watch-Evse -Plain -Duration 0).Count | Should -Be 1
        @(Watch-Evse -Plain -Duration 0) -join "`n" | Should -Match "  Carport $serial  "
    }

    It 'a name that matches no charger is EvseNotFound; an empty pipeline watches nothing and returns at once' {
        $out = Watch-Evse -Name Nowhere -Plain -Duration 60 -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvseNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        @() | Watch-Evse -Plain -Duration 60 | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'shows the errors a charger reports' {
        $sim | Set-EvseSimulator -RaiseError OverVoltage -Confirm:$false
        try {
            $null = Wait-Evse -Serial $serial -State Error -Timeout 60
            Watch-Evse -Serial $serial -Plain -Duration 0 | Should -Match "  Carport $serial  Error  .*  errors: OverVoltage$"
        }
        finally { $sim | Set-EvseSimulator -ClearError -Confirm:$false }
    }

    It 'does not log in: a charger that is not logged in is shown as such' {
        Disconnect-Evse -Serial $serial -Confirm:$false
        $line = Watch-Evse -Serial $serial -Plain -Duration 0
        $line | Should -Match "  Carport $serial  -  \(not logged in\)$"
    }
}
