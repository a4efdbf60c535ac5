# Security: impostors cannot redirect a session silently, and the password leaks nowhere.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:store = Join-Path $TestDrive 'evses.json'
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath $store -Force -PassThru
    $script:appEndPoint = "127.0.0.1:$($status.Port)"
    $script:spoofer = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
    $script:spoofPort = $spoofer.Client.LocalEndPoint.Port

    function script:Send-Spoof([string] $Serial, [EmProto.Protocol.EmCommand] $Command) {
        $payload = if ($Command -eq 'Login') {
            [EmProto.Protocol.Payloads.LoginPayload]@{ Type = 1; Brand = 'Impostor'; Model = 'X'; HardwareVersion = 'X'; MaxPowerW = 3680; MaxAmps = 16; HotLine = 'x' }
        } else { [EmProto.Protocol.Payloads.EmptyPayload]::Instance }
        $d = [EmProto.Protocol.Datagram]::new([EmProto.Protocol.EvseSerial]::Parse($Serial), [EmProto.Protocol.EmPassword]::None, $Command, $payload, 0)
        $bytes = [EmProto.Protocol.DatagramCodec]::Encode([ref] $d)
        $null = $spoofer.Send($bytes, $bytes.Length, '127.0.0.1', $status.Port)
    }

    # Runs Get-Evse until it reports a warning matching $Pattern (bounded); returns the warnings seen.
    function script:Wait-AddressWarning([string] $Serial, [string] $Pattern) {
        $seen = [System.Collections.Generic.List[object]]::new()
        $deadline = [datetime]::UtcNow.AddSeconds(20)
        while ([datetime]::UtcNow -lt $deadline) {
            $w = $null
            $null = Get-Evse -Serial $Serial -WarningVariable w -WarningAction SilentlyContinue
            foreach ($x in $w) { $seen.Add($x) }
            if ($seen | Where-Object { $_.Message -match $Pattern }) { break }
            $null = Wait-Event -Timeout 0.1
        }
        , $seen
    }
}

AfterAll {
    $spoofer.Dispose()
    Get-EventSubscriber | Where-Object SourceObject -is [EmProto.PowerShell.EvseEventSource] | Unregister-Event
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'Impostors' {
    BeforeAll {
        $script:s1 = '5e5e0000000000b1'
        $script:s2 = '5e5e0000000000b2'
        $script:sim1 = Start-EvseSimulator -Serial $s1 -AppEndPoint $appEndPoint -Password 123456 -PassThru
        $script:sim2 = Start-EvseSimulator -Serial $s2 -AppEndPoint $appEndPoint -Password 123456 -PassThru
        Find-Evse -Serial $s1, $s2 -Timeout 20 | Select-Object -First 2 | Out-Null
    }

    It 'an announce from another address under a connected charger''s serial is a warning, never silent' {
        Connect-Evse -Serial $s1 -PlainTextPassword 123456
        Send-Spoof $s1 Login
        $warnings = Wait-AddressWarning $s1 "127\.0\.0\.1:$spoofPort"
        $hit = $warnings | Where-Object { $_.Message -match "127\.0\.0\.1:$spoofPort" } | Select-Object -First 1
        $hit | Should -Not -BeNullOrEmpty
        $hit.Message | Should -Match $s1
        $hit.Message | Should -Match 'impersonating'
        $hit.Message | Should -Match 'Connect-Evse -Pin'
    }

    It 'a pinned charger ignores the impostor (with a warning) and keeps its address and session' {
        Connect-Evse -Serial $s2 -PlainTextPassword 123456 -Pin
        $before = Get-Evse -Serial $s2
        $before.Pinned | Should -BeTrue
        1..3 | ForEach-Object { Send-Spoof $s2 Login }
        Send-Spoof $s2 PasswordErrorResponse
        $warnings = Wait-AddressWarning $s2 'Ignored'
        ($warnings | Where-Object { $_.Message -match 'Ignored' -and $_.Message -match $s2 }) | Should -Not -BeNullOrEmpty
        $after = Get-Evse -Serial $s2
        $after.Port | Should -Be $before.Port
        $after.Port | Should -Be $sim2.Port
        $after.Brand | Should -Not -Be 'Impostor'
        $after.Connected | Should -BeTrue
        Set-EvseConfig -Serial $s2 -MaxCurrent 11 -Confirm:$false
        $sim2.ConfiguredAmps | Should -Be 11
    }

    It 'a stranger''s PasswordErrorResponse does not log us out of the real charger' {
        (Get-Evse -Serial $s2).Connected | Should -BeTrue
        1..3 | ForEach-Object { Send-Spoof $s2 PasswordErrorResponse }
        $deadline = [datetime]::UtcNow.AddSeconds(20)
        while (((Get-EvseCommunicator).DroppedByReason['AddressMismatch']) -lt 7 -and [datetime]::UtcNow -lt $deadline) { $null = Wait-Event -Timeout 0.1 }
        (Get-EvseCommunicator).DroppedByReason['AddressMismatch'] | Should -BeGreaterOrEqual 7
        (Get-Evse -Serial $s2).Connected | Should -BeTrue
        $logins = $sim2.Counters.LoginRequests
        Set-EvseConfig -Serial $s2 -MaxCurrent 12 -Confirm:$false
        $sim2.ConfiguredAmps | Should -Be 12
        $sim2.Counters.LoginRequests | Should -Be $logins
    }
}

Describe 'Port conflicts' {
    It 'Start-EvseCommunicator on a taken port is a clear EvsePortInUse error naming the port and the way out' {
        $taken = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
        try {
            $port = $taken.Client.LocalEndPoint.Port
            $before = Get-EvseCommunicator
            $err = $null
            try { Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port $port -NoStore -Force -ErrorAction Stop } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike 'EvsePortInUse*'
            $err.CategoryInfo.Category | Should -BeIn 'ConnectionError', 'ResourceUnavailable'
            "$err" | Should -Match "\b$port\b"
            "$err" | Should -Match '-Port'
            $err.Exception | Should -Not -BeNullOrEmpty
        }
        finally {
            $taken.Dispose()
            # -Force replaced (stopped) the previous communicator before the bind failed: put ours back.
            if (-not (Get-EvseCommunicator).IsRunning) {
                $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port $status.Port -StorePath $store -Force -PassThru
            }
        }
    }
}
