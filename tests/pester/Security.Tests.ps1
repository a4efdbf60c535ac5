# Security: impostors cannot redirect a session silently, and the password leaks nowhere.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    # Outside TestDrive: Pester clears it between blocks while the engine may be writing the store.
    $script:store = Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json'
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

Describe 'Secrets' {
    BeforeAll {
        $script:secret = '735194'
        $script:wrong = '864208'
        $script:sSerial = '5e5e0000000000c1'
        $script:ssim = Start-EvseSimulator -Serial $sSerial -AppEndPoint $appEndPoint -Password $secret -PluggedIn -PassThru

        # Every way an object or record can turn into text: its own text, the console view, JSON and CLIXML.
        function script:ConvertTo-AllText($item) {
            $texts = [System.Collections.Generic.List[string]]::new()
            switch ($item) {
                { $_ -is [System.Management.Automation.ErrorRecord] } {
                    $texts.Add("$_"); $texts.Add($_.Exception.ToString()); $texts.Add([string]$_.ErrorDetails); $texts.Add([string]$_.TargetObject)
                    $texts.Add(($_ | Format-List * -Force | Out-String -Width 300)); break
                }
                { $_ -is [System.Management.Automation.InformationalRecord] } { $texts.Add($_.Message); break }
                { $_ -is [System.Management.Automation.InformationRecord] } { $texts.Add([string]$_.MessageData); break }
                default {
                    $texts.Add([string]$_)
                    $texts.Add(($_ | Format-List * -Force | Out-String -Width 300))
                    $texts.Add(($_ | Out-String -Width 300))
                    $texts.Add(($_ | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue))
                    $path = Join-Path $TestDrive ('obj-' + [guid]::NewGuid().ToString('N') + '.xml')
                    $_ | Export-Clixml -Path $path -Depth 5
                    $texts.Add((Get-Content -Raw $path))
                }
            }
            $texts
        }
    }

    It 'a full session leaks the password into no stream, message, object or dump, and the store keeps it obfuscated with mode 600' {
        # Pester runs tests below its own scopes: set the preferences where every cmdlet sees them.
        $saved = $global:VerbosePreference, $global:DebugPreference, $global:InformationPreference
        $global:VerbosePreference = 'Continue'
        $global:DebugPreference = 'Continue'
        $global:InformationPreference = 'Continue'
        try {
        $Error.Clear()
        $pin = ConvertTo-SecureString $secret -AsPlainText -Force
        $first = & {
            Find-Evse -Serial $sSerial -Timeout 20 | Select-Object -First 1
            Connect-Evse -Serial $sSerial -Password $pin -PassThru
            Connect-Evse -Serial $sSerial -PlainTextPassword $secret -PassThru
            Register-EvseEvent -EventName Changed -Serial $sSerial -SourceIdentifier sec.events
            Get-EvseState -Serial $sSerial
            Get-EvseConfig -Serial $sSerial -MaxAge 0
            Set-EvseConfig -Serial $sSerial -MaxCurrent 12 -Name Secret -PassThru -Confirm:$false
            Get-EvseSystemTime -Serial $sSerial
            Start-EvseCharge -Serial $sSerial -MaxCurrent 10 -ChargeId SECRETRUN1 -Force -PassThru -Confirm:$false
            Wait-Evse -Serial $sSerial -State Charging -Timeout 00:00:30
            Stop-EvseCharge -Serial $sSerial -Force -PassThru -Confirm:$false
            Get-EvseChargeSession -Serial $sSerial
        } *>&1
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        $records = @()
        while (-not $records -and [datetime]::UtcNow -lt $deadline) {
            $records = @(Get-EvseChargeRecord -Serial $sSerial *>&1)
            if (-not ($records | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] })) { $records = @(); $null = Wait-Event -Timeout 0.2 }
        }
        $records | Should -Not -BeNullOrEmpty
        $second = & {
            Get-Event -SourceIdentifier sec.events
            Get-Evse -Serial $sSerial
            Get-EvseCommunicator
        } *>&1

        # The store, while it holds the password: not in clear text (nor base64 or the seed's XOR form), owner-only.
        # It is written by the engine's background writer: give it a moment (bounded).
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (-not ((Test-Path $store) -and (Get-Content -Raw $store) -match $sSerial) -and [DateTime]::UtcNow -lt $deadline) { $null = Wait-Event -Timeout 0.2 }
        Test-Path $store | Should -BeTrue
        $storeText = Get-Content -Raw $store
        $storeText | Should -Match $sSerial
        $secretBytes = [System.Text.Encoding]::ASCII.GetBytes($secret)
        $xored = [byte[]]($secretBytes | ForEach-Object { $_ -bxor 0xFF })
        foreach ($form in $secret, [Convert]::ToBase64String($secretBytes), '373335313934') {
            $storeText | Should -Not -Match ([regex]::Escape($form))
        }
        # On Linux and macOS the stored form is the documented obfuscation (XOR 0xFF, base64; Windows uses DPAPI).
        $entry = (ConvertFrom-Json $storeText).evses | Where-Object serial -eq $sSerial
        if ($IsWindows) { $entry.password | Should -BeLike 'dpapi:*' }
        else { $entry.password | Should -Be ('obf:' + [Convert]::ToBase64String($xored)) }
        if (-not $IsWindows) {
            (Get-Item $store).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        }

        $third = & {
            Connect-Evse -Serial $sSerial -PlainTextPassword $wrong -ErrorAction Continue
            Remove-Evse -Serial $sSerial -Confirm:$false
            Get-EvseCommunicator
        } *>&1
        Unregister-Event -SourceIdentifier sec.events
        }
        finally {
            $global:VerbosePreference, $global:DebugPreference, $global:InformationPreference = $saved
        }

        $all = @($first) + @($records) + @($second) + @($third) + @($Error)
        # The run produced what a session produces: objects, verbose and debug (datagram dump) lines, the refusal.
        ($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        ($all | Where-Object { $_ -is [EmProto.PowerShell.EvseCharger] }) | Should -Not -BeNullOrEmpty
        ($all | Where-Object { $_ -is [System.Management.Automation.PSEventArgs] }) | Should -Not -BeNullOrEmpty
        $refusal = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'EvseAuthenticationFailed*' }
        $refusal | Should -Not -BeNullOrEmpty
        ($all | Where-Object { "$_" -match 'RequestLogin' }) | Should -Not -BeNullOrEmpty
        @(Get-Evse -Serial $sSerial -ErrorAction SilentlyContinue).Count | Should -Be 0

        $leaks = foreach ($item in $all) {
            foreach ($text in (ConvertTo-AllText $item)) {
                foreach ($form in $secret, $wrong, '373335313934', '383634323038') {
                    if ($text -and $text.Contains($form)) { "$($item.GetType().Name) contains '$form': $($text.Substring([Math]::Max(0, $text.IndexOf($form) - 60), [Math]::Min(120, $text.Length - [Math]::Max(0, $text.IndexOf($form) - 60))))" }
                }
            }
        }
        $leaks | Should -BeNullOrEmpty
        (Get-Content -Raw $store) | Should -Not -Match $sSerial
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

Describe 'Event subscriptions' {
    It 'Register-EvseEvent and Unregister-Event 200 times leave no handler on the communicator' {
        $before = (Get-EvseCommunicator).EventSubscribers
        foreach ($i in 1..200) {
            $null = Register-EvseEvent -EventName StateChanged -SourceIdentifier "soak.$i"
            if ($i -eq 1) { (Get-EvseCommunicator).EventSubscribers | Should -Be ($before + 1) }
            Unregister-Event -SourceIdentifier "soak.$i"
        }
        (Get-EvseCommunicator).EventSubscribers | Should -Be $before
        Get-EventSubscriber | Where-Object SourceIdentifier -like 'soak.*' | Should -BeNullOrEmpty
    }
}
