# The whole cmdlet journey against every firmware profile of the simulator, with no loss and with 30 % loss
# plus duplication (real time, loopback): discover, connect, state, config read and write, start, wait until
# charging, stop, session, record, time, disconnect.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') -WearGuardInterval 0 -Force -PassThru
    $script:appEndPoint = "127.0.0.1:$($status.Port)"

    # Waits on a condition with a generous deadline (the charger's pushes arrive on their own cadence).
    function script:Wait-Until([scriptblock] $Condition, [string] $What, [int] $Seconds = 60) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $Seconds s waiting until $What." }
            Wait-Event -Timeout 1 -SourceIdentifier 'EmProto.Journey.Never' -ErrorAction SilentlyContinue | Out-Null
        }
    }
}

AfterAll {
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'The cmdlet journey on <Firmware> firmware at <Loss> % loss' -ForEach @(
    @{ Firmware = 'Full'; Loss = 0; Serial = '5e5e0000000000c1' }
    @{ Firmware = 'Full'; Loss = 30; Serial = '5e5e0000000000c2' }
    @{ Firmware = 'Telestar'; Loss = 0; Serial = '5e5e0000000000c3' }
    @{ Firmware = 'Telestar'; Loss = 30; Serial = '5e5e0000000000c4' }
    @{ Firmware = 'BS20'; Loss = 0; Serial = '5e5e0000000000c5' }
    @{ Firmware = 'BS20'; Loss = 30; Serial = '5e5e0000000000c6' }
) {
    BeforeAll {
        $simArgs = @{
            Serial = $Serial; AppEndPoint = $appEndPoint; Password = '123456'; PluggedIn = $true
            Firmware = $Firmware; StatusInterval = 2; LoginInterval = 0.5; PassThru = $true
        }
        if ($Loss -gt 0) { $simArgs.LossRatio = $Loss / 100; $simArgs.DuplicateRatio = 0.1; $simArgs.Seed = [int]('0x' + $Serial.Substring(14)) }
        $script:sim = Start-EvseSimulator @simArgs
    }

    AfterAll {
        Stop-EvseSimulator -Serial $Serial -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'discovers, connects, reads, writes, charges, stops, reports and lets go' {
        $found = Find-Evse -Serial $Serial -Timeout 30 | Select-Object -First 1
        $found.Serial | Should -Be $Serial

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $c = $found | Connect-Evse -PlainTextPassword 123456 -PassThru
        $watch.Stop()
        $c.Connected | Should -BeTrue
        if ($Loss -eq 0) { $watch.Elapsed.TotalSeconds | Should -BeLessThan 2 -Because 'the login is the handshake; reads follow in the background' }

        $state = Get-EvseState -Serial $Serial -Wait -Timeout 60
        $state.State | Should -Be 'PluggedIn'

        $config = Get-EvseConfig -Serial $Serial -MaxAge 0
        $config.MaxCurrent | Should -BeGreaterOrEqual 6
        Set-EvseConfig -Serial $Serial -MaxCurrent 10 -Confirm:$false
        (Get-EvseConfig -Serial $Serial -MaxAge 0).MaxCurrent | Should -Be 10

        $start = Start-EvseCharge -Serial $Serial -MaxCurrent 10 -PassThru -Confirm:$false
        $start.ChargeId | Should -Not -BeNullOrEmpty
        Wait-Evse -Serial $Serial -State Charging -Timeout 60 | Out-Null
        (Get-Evse -Serial $Serial).State | Should -Be 'Charging'

        Stop-EvseCharge -Serial $Serial -Force -Confirm:$false
        Wait-Evse -Serial $Serial -State PluggedIn, Finished, Idle -Timeout 60 | Out-Null

        # At 30 % loss the push that ends the session can come after the status that ended the wait (as in the
        # engine's journey): wait until the finished session is reported, then read it.
        Wait-Until { (Get-EvseChargeSession -Serial $Serial -Kind Last -NoRefresh).ChargeId -eq $start.ChargeId } 'the finished session is reported'
        $session = Get-EvseChargeSession -Serial $Serial -Kind Last
        $session.ChargeId | Should -Be $start.ChargeId

        Wait-Until { @(Get-EvseChargeRecord -Serial $Serial | Where-Object ChargeId -eq $start.ChargeId).Count -eq 1 } 'the charge record arrives'

        $time = Get-EvseSystemTime -Serial $Serial
        [Math]::Abs($time.Skew.TotalSeconds) | Should -BeLessThan 5

        # What the firmware does with the optional charging-status request is learnt in the background (an
        # ignoring firmware takes three unanswered asks of a short budget each; no command waited for them).
        $learnt = 'ChargingStatus=' + $(if ($Firmware -eq 'Telestar') { 'Ignored' } else { 'Answered' })
        Wait-Until { "$((Get-Evse -Serial $Serial -NoRefresh).Capabilities)" -match $learnt } "the charger's answer to 0x8006 is learnt ($learnt)"

        Disconnect-Evse -Serial $Serial -Confirm:$false
        $after = Get-Evse -Serial $Serial
        $after.Connected | Should -BeFalse
        $after.State | Should -Be 'Disconnected'
        # Kept after the disconnect.
        $after.Capabilities | Should -Match $learnt
    }
}
