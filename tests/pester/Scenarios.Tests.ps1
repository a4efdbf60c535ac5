# The scripts of the users' scenarios (SCENARIOS.md of the team notes), run as written against the simulator. Adaptations (allowed by
# the scenarios file): the charger is a simulator talking to a loopback communicator with a test store;
# Read-Host is replaced by a SecureString; Get-MySolarSurplusWatts is a stand-in. Scenario 7 sets
# $DebugPreference instead of -Debug, which in PowerShell 7.6 prompts at every message (and fails in a
# non-interactive session). Scenarios 6 (remoting), 10 (Start-EvseAgent) and 11 (Watch-Evse) need
# cmdlets or hosts this module or test run does not have.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') -Force -PassThru
    # Scenario 8: the simulator sends to the running communicator by default.
    $script:sim = Start-EvseSimulator -Password 123456 -PluggedIn -Name Garage -PassThru
    $script:serial = $sim.Serial.ToString()
}

AfterAll {
    Get-EventSubscriber | Where-Object SourceObject -is [EmProto.PowerShell.EvseEventSource] | Unregister-Event
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'Scenario 1: first contact' {
    It 'finds, connects, lists in a tidy table and shows the state per phase' {
        $found = @(Find-Evse -Timeout 5)
        $found.Serial | Should -Contain $serial
        Find-Evse -Timeout 5 | Connect-Evse -Password (ConvertTo-SecureString 123456 -AsPlainText -Force)
        $table = Get-Evse | Format-Table | Out-String -Width 80
        $table | Should -Match 'Serial\s+Name\s+Model\s+Address\s+State\s+Power kW'
        $table | Should -Match "$serial\s+Garage"
        $list = Get-Evse | Get-EvseState | Format-List | Out-String -Width 120
        $list | Should -Match 'L1Volts'
        $list | Should -Match 'InnerTemperatureC'
        $list | Should -Match 'Errors\s+: None'
        (Get-Evse -Serial $serial).HasPassword | Should -BeTrue
    }
}

Describe 'Scenario 2: off-peak charging from a scheduled task' {
    It 'starts by name without prompting and waits for Charging' {
        Get-Evse -Name Garage | Start-EvseCharge -MaxCurrent 16 -Confirm:$false
        $c = Get-Evse -Name Garage | Wait-Evse -State Charging -Timeout 00:01:00
        $c.State | Should -Be 'Charging'
    }
}

Describe 'Scenario 3: solar surplus control' {
    It 'the wear guard refuses flapping with a catchable error; -Force overrides' {
        function Get-MySolarSurplusWatts { 1000 }
        $evse = Get-Evse -Name Garage
        $amps = [math]::Floor((Get-MySolarSurplusWatts) / 230 / $evse.Phases)
        $caught = $null
        try {
            if ($amps -ge 6 -and $evse.State -ne 'Charging') { $evse | Start-EvseCharge -MaxCurrent $amps }
            elseif ($amps -lt 6 -and $evse.State -eq 'Charging') { $evse | Stop-EvseCharge -ErrorAction Stop }
        } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'EvseWearGuard,*'
        $evse | Stop-EvseCharge -Force -Confirm:$false
        (Get-Evse -Name Garage | Wait-Evse -State Finished, PluggedIn -Timeout 30).State | Should -BeIn 'Finished', 'PluggedIn'
    }
}

Describe 'Scenario 4: planned charge and limits' {
    It 'plans, shows the reservation and cancels it' {
        Start-EvseCharge -Serial $serial -StartAt '23:30' -MaxDuration 04:00:00 -MaxEnergyKWh 20 -Force -Confirm:$false
        $planned = Get-EvseChargeSession -Serial $serial | Where-Object Kind -eq Planned
        $planned | Should -Not -BeNullOrEmpty
        $planned.ReservedFor.ToString('HH:mm') | Should -Be '23:30'
        Stop-EvseCharge -Serial $serial -Force -Confirm:$false
        Get-EvseChargeSession -Serial $serial | Where-Object Kind -eq Planned | Should -BeNullOrEmpty
    }
}

Describe 'Scenario 5: watching and reacting' {
    It 'registers for ChargingStopped and Error events' {
        $log = Join-Path $TestDrive 'charging.log'
        $job = Register-EvseEvent -EventName ChargingStopped -MessageData $log -Action {
            $e = $Event.SourceEventArgs
            "$($e.Evse.Name) finished: $($e.NewValue.EnergyKWh) kWh" | Out-File -Append $Event.MessageData
        }
        Register-EvseEvent -EventName Error -SourceIdentifier evse.error
        Get-EventSubscriber -SourceIdentifier evse.error | Should -Not -BeNullOrEmpty
        $job | Should -Not -BeNullOrEmpty
        Unregister-Event -SourceIdentifier evse.error
        Unregister-Event -SourceIdentifier $job.Name
    }
}

Describe 'Scenario 7: debugging a charger that behaves oddly' {
    It 'shows datagram hex with the password masked, decodes it, and counts' {
        $DebugPreference = 'Continue'
        $records = @(Get-Evse -Name Garage | Get-EvseState 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] })
        $DebugPreference = 'SilentlyContinue'
        $records.Count | Should -BeGreaterThan 0
        ($records | ForEach-Object Message | ConvertFrom-EvseDatagram).CommandName | Should -Contain 'SingleAcStatus'
        $d = '0601 0032 00 9181102751219513 ffffffffffff 0004 01 092e 0000 00000000 00024081 5892 5892 01 02 02 0d 00000000 0b7b 0f02' | ConvertFrom-EvseDatagram
        $d.CommandName | Should -Be 'SingleAcStatus'
        (Get-EvseCommunicator).DatagramsReceived | Should -BeGreaterThan 0
    }
}

Describe 'Scenario 8: tests without a charger' {
    It 'the simulator shows what it went through' {
        (Get-EvseSimulator | Format-List | Out-String) | Should -Match 'Firmware'
    }
}
