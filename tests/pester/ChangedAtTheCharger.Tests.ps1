# What changes at the charger behind the app's back — a setting on its screen, a firmware update, a new
# password — and what the cmdlets show of it; and how the views tell a stale reading from a fresh one.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -PassThru
    $script:serial = '5e5e0000000000c1'
    $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$($status.Port)" -Password 123456 -Name Shed -PassThru
    $null = Find-Evse -Serial $serial -Timeout 30 | Select-Object -First 1
    Connect-Evse -Serial $serial -PlainTextPassword 123456
    $null = Get-EvseConfig -Serial $serial -MaxAge 0
}

AfterAll {
    Get-EventSubscriber | Where-Object SourceIdentifier -like 'truth.*' | Unregister-Event
    Get-Event | Where-Object SourceIdentifier -like 'truth.*' | Remove-Event
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'A setting changed at the charger' {
    It 'Get-EvseConfig shows the new current from memory and a Config event is delivered' {
        Register-EvseEvent -EventName Changed -Serial $serial -SourceIdentifier truth.config
        try {
            Set-EvseSimulator -Serial $serial -MaxCurrent 12
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            $config = $null
            while ([DateTime]::UtcNow -lt $deadline -and -not $config) {
                $e = Wait-Event -SourceIdentifier truth.config -Timeout 5
                if ($e) {
                    Remove-Event -EventIdentifier $e.EventIdentifier
                    if ($e.SourceEventArgs.Change -eq 'Config') { $config = $e.SourceEventArgs }
                }
            }
            $config | Should -Not -BeNullOrEmpty -Because 'the pushed setting raises a Config change'
            $config.NewValue.MaxCurrent | Should -Be 12
            (Get-EvseConfig -Serial $serial).MaxCurrent | Should -Be 12
        }
        finally {
            Unregister-Event -SourceIdentifier truth.config
        }
    }
}

Describe 'A firmware update' {
    It 'is delivered as FirmwareChanged with the old and new version after the next login' {
        Register-EvseEvent -EventName FirmwareChanged -Serial $serial -SourceIdentifier truth.firmware
        try {
            Set-EvseSimulator -Serial $serial -SoftwareVersion 'SIM.2000.SW02'
            $e = Wait-Event -SourceIdentifier truth.firmware -Timeout 60
            $e | Should -Not -BeNullOrEmpty -Because 'the charger logs in again after its reboot and reports the new version'
            $e.SourceEventArgs.OldValue | Should -Be 'SIM.1000.SW01'
            $e.SourceEventArgs.NewValue | Should -Be 'SIM.2000.SW02'
            $e.SourceEventArgs.Message | Should -Match 'new firmware'
            (Get-Evse -Serial $serial -NoRefresh).SoftwareVersion | Should -Be 'SIM.2000.SW02'
        }
        finally {
            Unregister-Event -SourceIdentifier truth.firmware
        }
    }
}

Describe 'A password changed at the charger' {
    It 'shows NotLoggedIn or AuthenticationFailed at once, with the reason, and Connect-Evse with the new password recovers' {
        Set-EvseSimulator -Serial $serial -Password 654321
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        do {
            $evse = Get-Evse -Serial $serial -NoRefresh
            if ($evse.State -in 'NotLoggedIn', 'AuthenticationFailed') { break }
            Start-Sleep -Milliseconds 200
        } while ([DateTime]::UtcNow -lt $deadline)
        $evse.State | Should -BeIn 'NotLoggedIn', 'AuthenticationFailed'
        $evse.LoginProblem | Should -Match 'password'
        Connect-Evse -Serial $serial -PlainTextPassword 654321
        $after = Get-Evse -Serial $serial -NoRefresh
        $after.Connected | Should -BeTrue
        $after.LoginProblem | Should -BeNullOrEmpty
    }
}

Describe 'Stale views' {
    BeforeAll {
        $script:fresh = [EmProto.Engine.EvseState]::new()
        $fresh.Serial = $serial
        $fresh.ReceivedAt = [DateTimeOffset]::UtcNow
        $script:stale = [EmProto.Engine.EvseState]::new()
        $stale.Serial = $serial
        $stale.ReceivedAt = [DateTimeOffset]::UtcNow.AddMinutes(-3)
    }

    It 'a state older than 60 s shows its age in the list; the table stays within 80 columns' {
        ($stale | Format-List | Out-String -Width 120) | Should -Match 'Age\s+: 3 min ago'
        $table = $stale | Format-Table | Out-String -Width 80
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'a fresh state shows no age' {
        ($fresh | Format-List | Out-String -Width 120) | Should -Not -Match 'Age\s+:'
    }

    It 'a stale charge session shows its age in the list' {
        $session = [EmProto.Engine.EvseChargeSession]::new()
        $session.Serial = $serial
        $session.ReceivedAt = [DateTimeOffset]::UtcNow.AddHours(-2)
        ($session | Format-List | Out-String -Width 120) | Should -Match 'Age\s+: 2 h ago'
    }
}
