BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $app = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
    $appEndPoint = $app.Client.LocalEndPoint.ToString()
}

AfterAll {
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    $app.Dispose()
}

Describe 'Start-EvseSimulator' {
    AfterEach { Stop-EvseSimulator -Confirm:$false }

    It 'starts a simulator that shows serial, port, password and state' {
        $sim = Start-EvseSimulator -Serial 5e57000000000001 -AppEndPoint $appEndPoint -Password 123456 -PluggedIn -PassThru
        $sim.Serial.ToString() | Should -Be '5e57000000000001'
        $sim.Port | Should -BeGreaterThan 0
        $sim.Password | Should -Be '123456'
        $sim.State | Should -Be 'ReadyToCharge'
        $table = $sim | Format-Table | Out-String
        $table | Should -Match '5e57000000000001'
        $table | Should -Match 'ReadyToCharge'
    }

    It 'writes nothing without -PassThru and starts -Count chargers with consecutive serials' {
        $out = Start-EvseSimulator -Serial 5e57000000000010 -Count 3 -AppEndPoint $appEndPoint
        $out | Should -BeNullOrEmpty
        (Get-EvseSimulator -Serial 5e5700000000001*).Serial.ForEach({ $_.ToString() }) | Should -Be @('5e57000000000010', '5e57000000000011', '5e57000000000012')
    }

    It 'ends by itself after -Wait -Duration and stops its simulators' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $sims = @(Start-EvseSimulator -Serial 5e57000000000020 -AppEndPoint $appEndPoint -Wait -Duration 2 -PassThru)
        $watch.Stop()
        # It waited about -Duration: not less, and not much more (a generous bound for a loaded machine).
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.95
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        # The simulator really ran meanwhile, and is stopped now.
        $sims.Count | Should -Be 1
        $sims[0].Serial.ToString() | Should -Be '5e57000000000020'
        $sims[0].Counters.LoginsSent | Should -BeGreaterThan 0
        $sims[0].Counters.PacketsSent | Should -BeGreaterThan 0
        $sims[0].IsRunning | Should -BeFalse
        Get-EvseSimulator -Serial 5e57000000000020 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'accepts a TimeSpan string for -Duration' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $sims = @(Start-EvseSimulator -Serial 5e57000000000021 -AppEndPoint $appEndPoint -Wait -Duration '00:00:01.5' -PassThru)
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.45
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        $sims[0].Counters.LoginsSent | Should -BeGreaterThan 0
        $sims[0].IsRunning | Should -BeFalse
        Get-EvseSimulator -Serial 5e57000000000021 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'starts a <Firmware> simulator and shows its firmware in the table and the list' -ForEach @(
        @{ Firmware = 'Full'; Serial = '5e57000000000023' }
        @{ Firmware = 'Telestar'; Serial = '5e57000000000024' }
        @{ Firmware = 'BS20'; Serial = '5e57000000000025' }
    ) {
        $sim = Start-EvseSimulator -Serial $Serial -AppEndPoint $appEndPoint -Firmware $Firmware -PassThru
        $sim.Firmware | Should -Be $Firmware
        ($sim | Format-Table | Out-String) | Should -Match $Firmware
        ($sim | Format-List | Out-String) | Should -Match "Firmware\s*:\s*$Firmware"
    }

    It 'takes -IgnoreCommand as names and numbers, -DuplicateReplies and -StatusInterval' {
        $sim = Start-EvseSimulator -Serial 5e57000000000026 -AppEndPoint $appEndPoint -IgnoreCommand RequestChargingStatus, 0x810E -DuplicateReplies -StatusInterval '00:00:05' -PassThru
        @($sim.Options.IgnoredCommands | Sort-Object) | Should -Be @([EmProto.Protocol.EmCommand]::RequestChargingStatus, [EmProto.Protocol.EmCommand]::SetAndGetAlarmChargeStrategy)
        $sim.Options.DuplicateReplies | Should -BeTrue
        $sim.Options.StatusInterval | Should -Be ([TimeSpan]::FromSeconds(5))
    }

    It 'accepts an IPEndPoint for -AppEndPoint' {
        $sim = Start-EvseSimulator -Serial 5e57000000000022 -AppEndPoint $app.Client.LocalEndPoint -PassThru
        $sim.AppEndPoint.ToString() | Should -Be $appEndPoint
    }

    It 'rejects a bad <Name> with a clear error' -ForEach @(
        @{ Name = 'serial'; Params = @{ Serial = 'not-a-serial' }; Id = 'EvseSimulatorInvalidArgument'; Text = '16 hexadecimal digits' }
        @{ Name = 'password'; Params = @{ Password = '12' }; Id = 'EvseSimulatorInvalidArgument'; Text = '6 digits' }
        @{ Name = 'endpoint'; Params = @{ AppEndPoint = 'nowhere' }; Id = 'ParameterArgumentTransformationError'; Text = 'not an endpoint' }
        @{ Name = 'duration'; Params = @{ Wait = $true; Duration = -1 }; Id = 'ParameterArgumentTransformationError'; Text = 'must not be negative' }
        @{ Name = 'amps'; Params = @{ MaxAmps = 5 }; Id = 'ParameterArgumentValidationError'; Text = '6' }
        @{ Name = 'loss ratio'; Params = @{ LossRatio = 1.5 }; Id = 'ParameterArgumentValidationError'; Text = '1' }
    ) {
        $err = $null
        $all = @{ AppEndPoint = $appEndPoint }
        foreach ($key in $Params.Keys) { $all[$key] = $Params[$key] }
        try { Start-EvseSimulator @all -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.Exception.Message | Should -BeLike "*$Text*"
    }
}

Describe 'Get-, Set- and Stop-EvseSimulator' {
    BeforeEach {
        $sim = Start-EvseSimulator -Serial 5e57000000000030 -AppEndPoint $appEndPoint -PassThru
    }
    AfterEach { Stop-EvseSimulator -Confirm:$false }

    It 'Get-EvseSimulator reports an unknown serial as EvseSimulatorNotFound' {
        Get-EvseSimulator -Serial 5e570000000000ff -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'EvseSimulatorNotFound*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Set-EvseSimulator plugs in, raises and clears errors' {
        $sim | Set-EvseSimulator -PlugIn
        $sim.State | Should -Be 'ReadyToCharge'
        $sim | Set-EvseSimulator -RaiseError OverCurrent
        $sim.State | Should -Be 'EvseFault'
        $sim.Errors | Should -Be 'OverCurrent'
        $sim | Set-EvseSimulator -ClearError -PassThru | ForEach-Object State | Should -Be 'ReadyToCharge'
        $sim | Set-EvseSimulator -EmergencyStop
        $sim.EmergencyStopPressed | Should -BeTrue
        $sim | Set-EvseSimulator -Unplug -ClearError
        $sim.State | Should -Be 'NotConnected'
    }

    It 'Set-EvseSimulator changes the password, drifts the clock and advances time' {
        Set-EvseSimulator -Serial 5e57000000000030 -Password 654321 -ClockOffset '-01:00:00' -AdvanceTime 90
        $sim.Password | Should -Be '654321'
        $sim.ClockOffset | Should -Be ([TimeSpan]::FromHours(-1))
        $sim.AdvancedBy | Should -Be ([TimeSpan]::FromSeconds(90))
    }

    It 'Set-EvseSimulator -WhatIf changes nothing' {
        $sim | Set-EvseSimulator -PlugIn -WhatIf
        $sim.IsPluggedIn | Should -BeFalse
    }

    It 'Format-List shows what the charger went through' {
        $text = $sim | Format-List | Out-String
        $text | Should -Match 'Logins\s*:\s*sent \d+'
        $text | Should -Match 'Headings'
        $text | Should -Match 'Packets'
    }

    It 'Stop-EvseSimulator -PassThru stops and returns it' {
        $stopped = $sim | Stop-EvseSimulator -PassThru -Confirm:$false
        $stopped.IsRunning | Should -BeFalse
        Get-EvseSimulator -Serial 5e57000000000030 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Module removal' {
    It 'stops the simulators the session started' {
        $sim = Start-EvseSimulator -Serial 5e57000000000040 -AppEndPoint $appEndPoint -PassThru
        Remove-Module EmProto
        $sim.IsRunning | Should -BeFalse
        Import-Module $env:EMPROTO_TEST_MODULE -Force
    }
}
