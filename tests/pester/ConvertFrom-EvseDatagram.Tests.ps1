BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    # The real SingleACStatus capture of a Besen BS20, written the way people paste packet dumps.
    $script:status = '0601 0032 00 9181102751219513 ffffffffffff 0004 01 092e 0000 00000000 00024081 5892 5892 01 02 02 0d 00000000 0b7b 0f02'
    $script:heading = '0x0601 0x0019 0x00 0x9181102751219513 0xffffffffffff 0x0003 0x0880 0x0f02'
    # An UploadLocalChargeRecord built with the protocol library: ended by "Power Down" (stop reason 0xFF), 13.7 kWh, samples 0 1200 7300 W.
    $script:record = '06010080009181102751219513ffffffffffff000a01656d70726f746f000000000000000000506f77657220446f776e000000000000323032353033303130383030313233340001010078ffffffffff020000000067c24e0067c26a2000001c20000186a000018bfa0000055a0000019b0100320003000004b01c8420e80f02'
    $script:chargeStart = '0601004800918110275121951331323334353680070138363030373937393835373839323433313634393435353432313238383039360062505cdd0101ffffffffffff10130c0f02'
}

Describe 'ConvertFrom-EvseDatagram' {
    It 'decodes the pasted status capture into volts, amps, kWh and Celsius' {
        $d = $status | ConvertFrom-EvseDatagram
        $d.PSObject.TypeNames[0] | Should -Be 'EmProto.PowerShell.DecodedDatagram'
        $d.CommandName | Should -Be 'SingleAcStatus'
        $d.Command | Should -Be 4
        $d.Direction | Should -Be 'ChargerToApp'
        $d.Serial | Should -Be '9181102751219513'
        $d.HasPassword | Should -BeFalse
        $d.Length | Should -Be 50
        $d.Payload.L1Volts | Should -Be 235.0
        $d.Payload.L1Amps | Should -Be 0
        $d.Payload.PSObject.TypeNames[0] | Should -Be 'EmProto.Engine.EvseState'
        $d.Payload.Serial | Should -Be '9181102751219513'
        $d.Payload.EnergyMeterKWh | Should -Be 1475.85
        $d.Payload.InnerTemperatureC | Should -Be 26.74
        $d.Payload.CurrentState | Should -Be 'ReadyToCharge'
        $d.Payload.State | Should -Be 'PluggedIn'
        $d.Payload.EmergencyButton | Should -Be 'Released'
        $d.Payload.GunState | Should -Be 'ConnectedUnlocked'
        $d.Payload.Errors | Should -Be 'None'
    }

    It 'decodes a charge record into the same record type Get-EvseChargeRecord returns, ready for Export-Csv' {
        $r = ($record | ConvertFrom-EvseDatagram -TimeZone UTC).Payload
        $r.PSObject.TypeNames[0] | Should -Be 'EmProto.Engine.EvseChargeRecord'
        $r.StopReason | Should -Be 'PowerDown'
        $r.StopReasonRaw | Should -Be 255
        $r.EnergyKWh | Should -Be 13.7
        $r.Price | Should -Be 4.11
        $r.ChargeFee | Should -Be 0.5
        $r.MaxDuration | Should -Be ([timespan]::FromMinutes(120))
        $r.MaxEnergyKWh | Should -BeNullOrEmpty
        $file = Join-Path $TestDrive 'records.csv'
        $r | Export-Csv $file
        $row = Import-Csv $file
        $row.PowerSamples | Should -Be '0 1200 7300'
        $row.StopReason | Should -Be 'PowerDown'
        $row.Price | Should -Be '4.11'
        $text = $r | Format-List | Out-String
        $text | Should -Match 'StopReason\s+: PowerDown'
        $text | Should -Match 'Price\s+: 4\.11'
    }

    It 'writes one object per datagram of a multi-datagram packet' {
        $packet = "$status $heading $status"
        $all = @($packet | ConvertFrom-EvseDatagram)
        $all.Count | Should -Be 3
        $all.CommandName | Should -Be @('SingleAcStatus', 'Heading', 'SingleAcStatus')
    }

    It 'takes a byte array from the pipeline, e.g. a binary dump read with -Raw' {
        $file = Join-Path $TestDrive 'packet.bin'
        [IO.File]::WriteAllBytes($file, [Convert]::FromHexString((($status + $heading) -replace '0x|\s', '')))
        $all = @(Get-Content $file -AsByteStream -Raw | ConvertFrom-EvseDatagram)
        $all.CommandName | Should -Be @('SingleAcStatus', 'Heading')
        $enumerated = @(Get-Content $file -AsByteStream | ConvertFrom-EvseDatagram)
        $enumerated.CommandName | Should -Be @('SingleAcStatus', 'Heading')
    }

    It 'reports a bad checksum as a non-terminating EvseDatagramInvalid error and goes on' {
        $bad = $status -replace '0b7b 0f02$', '0b7c 0f02'
        $out = @($bad, $heading | ConvertFrom-EvseDatagram -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.CommandName | Should -Be @('Heading')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EvseDatagramInvalid,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match 'BadChecksum'
        $errs[0].TargetObject | Should -Be $bad
    }

    It 'stops on the error with -ErrorAction Stop' {
        { 'abc' | ConvertFrom-EvseDatagram -ErrorAction Stop } | Should -Throw -ErrorId 'EvseDatagramInvalid,*'
    }

    It 'shows EM timestamps in the charger time zone and never the password' {
        $d = $chargeStart | ConvertFrom-EvseDatagram -TimeZone 'Europe/Paris'
        $d.Direction | Should -Be 'AppToCharger'
        $d.HasPassword | Should -BeTrue
        $d.Payload.StartAt | Should -Be ([datetimeoffset]::new(2022, 4, 8, 22, 3, 41, [timespan]::Zero))
        $d.Payload.StartAt.Offset | Should -Be ([timespan]::FromHours(2))
        $text = ($d | Format-List * | Out-String) + ($d | ConvertTo-Json -Depth 5) + ($d.Payload | Format-List * | Out-String)
        $text | Should -Not -Match '123456'
    }

    It 'formats as a table with Command, Serial, Length and Summary columns' {
        $text = $status, $heading | ConvertFrom-EvseDatagram | Format-Table | Out-String -Width 200
        $header = ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1)
        $header | Should -Match '^Command\s+Serial\s+Length\s+Summary'
        $text | Should -Match 'SingleAcStatus\s+9181102751219513\s+50\s+ReadyToCharge'
        $text | Should -Match 'Heading\s+9181102751219513\s+25'
    }

    It 'has a list view with direction and password presence' {
        $text = $status | ConvertFrom-EvseDatagram | Format-List | Out-String
        $text | Should -Match 'Direction\s+: ChargerToApp'
        $text | Should -Match 'HasPassword\s+: False'
        $text | Should -Match 'Command\s+: 0x0004 \(4\)'
    }

    It 'still formats as a table after Export-Clixml and Import-Clixml' {
        $file = Join-Path $TestDrive 'datagrams.xml'
        $status | ConvertFrom-EvseDatagram | Export-Clixml $file
        $back = Import-Clixml $file
        $back.PSObject.TypeNames[0] | Should -Be 'Deserialized.EmProto.PowerShell.DecodedDatagram'
        $text = $back | Format-Table | Out-String -Width 200
        $text | Should -Match '^\s*Command\s+Serial\s+Length\s+Summary'
        $text | Should -Match 'SingleAcStatus\s+9181102751219513\s+50'
    }
}
