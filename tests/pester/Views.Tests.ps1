# The default views of states, configurations, clocks and chargers: names instead of numbers, one date
# format, three phases, the time zone hint, and tables that fit 80 columns.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -PassThru
    $script:serial = '5e5e0000000000b1'
    $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$($status.Port)" -Password 123456 -PluggedIn `
        -Name Carport -Phases 3 -TimeZone 'Asia/Tokyo' -PassThru
    $null = Find-Evse -Serial $serial -Timeout 30 | Select-Object -First 1
    Connect-Evse -Serial $serial -PlainTextPassword 123456 -TimeZone UTC
    $script:dateTime = '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}'
}

AfterAll {
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'State views' {
    BeforeAll { $script:state = Get-EvseState -Serial $serial -Wait -Timeout 30 }

    It 'the table shows every phase within 80 columns' {
        $text = $state | Format-Table | Out-String -Width 80
        $text | Should -Match '\d+/\d+/\d+'
        $text | Should -Match 'Meter kWh'
        $text | Should -Match 'Errors'
    }

    It 'the list names the emergency button, leaves out the raw numbers and uses one date format' {
        $text = $state | Format-List | Out-String -Width 120
        $text | Should -Match 'EmergencyButton\s+: OK'
        $text | Should -Not -Match 'Raw\s+:'
        $text | Should -Match "ReceivedAt\s+: $dateTime\s"
        $text | Should -Match 'L3Amps'
    }

    It 'ConvertTo-Json -EnumsAsStrings writes names (the documented way)' {
        ($state | ConvertTo-Json -EnumsAsStrings) | Should -Match '"State": "PluggedIn"'
    }
}

Describe 'Configuration and charger views' {
    It 'the configuration list shows brightness and no raw offline-charge number' {
        $text = Get-EvseConfig -Serial $serial -MaxAge 0 | Format-List | Out-String -Width 120
        $text | Should -Match 'Brightness\s+: \d+'
        $text | Should -Not -Match 'OfflineChargeRaw'
        $text | Should -Match "ReadAt\s+: $dateTime\s"
    }

    It 'Set-EvseConfig -PassThru shows when the verified change happened' {
        $text = Set-EvseConfig -Serial $serial -MaxCurrent 10 -PassThru -Confirm:$false | Format-List | Out-String -Width 120
        $text | Should -Match "ChangedAt\s+: $dateTime\s"
    }

    It 'the charger list uses the same date format' {
        $text = Get-Evse -Serial $serial | Format-List | Out-String -Width 120
        $text | Should -Match "LastSeen\s+: $dateTime\s"
    }
}

Describe 'Clock views' {
    BeforeAll { $script:time = Get-EvseSystemTime -Serial $serial -WarningVariable script:warned -WarningAction SilentlyContinue }

    It 'warns and marks a clock that is whole hours off' {
        $warned | Should -Not -BeNullOrEmpty
        $text = $time | Format-Table | Out-String -Width 80
        $text | Should -Match '\+9 h\?'
        $text | Should -Match $dateTime
        $text | Should -Not -Match '…'
    }

    It 'the list shows the hint' {
        $text = $time | Format-List | Out-String -Width 200
        $text | Should -Match 'TimeZoneHint\s+: The charger''s clock is \+9 h off'
    }

    It 'keeps its looks after Import-Clixml' {
        $file = Join-Path $TestDrive 'time.xml'
        $time | Export-Clixml $file
        $text = Import-Clixml $file | Format-Table | Out-String -Width 80
        $text | Should -Match '\+9 h\?'
        $text | Should -Match $dateTime
    }
}
