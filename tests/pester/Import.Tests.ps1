# Import-Evse: the emproto library's evses.json (password XOR 0xFF, base64) against a simulator on loopback.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') -Force -PassThru
    $script:serial = '5e5e0000000000e1'
    $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$($status.Port)" -Password 246813 -PassThru
    $encoded = [Convert]::ToBase64String([byte[]]([Text.Encoding]::ASCII.GetBytes('246813') | ForEach-Object { $_ -bxor 0xFF }))
    $script:file = Join-Path $TestDrive 'seed-evses.json'
    @(@{
            info     = @{ serial = $serial; ip = '127.0.0.1'; port = $sim.Port; brand = 'BESEN'; model = 'BS20'; maxPower = 7040; maxElectricity = 32; type = 1 }
            config   = @{ name = 'Imported'; maxElectricity = 16 }
            lastSeen = 1700000000
            password = $encoded
        }) | ConvertTo-Json -Depth 4 -AsArray | Set-Content $file
}

AfterAll {
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'Import-Evse' {
    It 'sends nothing and imports nothing under -WhatIf' {
        $sentBefore = (Get-EvseCommunicator).DatagramsSent
        $simReceivedBefore = $sim.Counters.PacketsReceived
        Import-Evse $file -WhatIf
        Get-Evse | Where-Object { $_.Serial -eq $serial -and $_.HasPassword } | Should -BeNullOrEmpty
        # Not a datagram left the communicator, and the charger received none.
        (Get-EvseCommunicator).DatagramsSent | Should -Be $sentBefore
        $sim.Counters.PacketsReceived | Should -Be $simReceivedBefore
    }

    It 'imports the charger with its password, which then logs in directly' {
        $c = Import-Evse $file -PassThru -Confirm:$false
        $c.Serial | Should -Be $serial
        $c.HasPassword | Should -BeTrue
        $clock = Get-Evse -Serial $serial | Get-EvseSystemTime
        $clock.Serial | Should -Be $serial
        (Get-Evse -Serial $serial).Connected | Should -BeTrue
    }

    It 'reports a missing file as ObjectNotFound' {
        Import-Evse (Join-Path $TestDrive 'nope.json') -ErrorVariable err -ErrorAction SilentlyContinue -Confirm:$false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvseImportFileNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports a file that is not an evses.json as a clear error' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{ not json'
        Import-Evse $bad -ErrorVariable err -ErrorAction SilentlyContinue -Confirm:$false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvseImportInvalid,*'
        "$($err[0])" | Should -Match 'evses.json'
    }
}
