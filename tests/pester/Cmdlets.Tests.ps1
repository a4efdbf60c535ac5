# End-to-end tests of the charger cmdlets against simulated chargers on loopback, in a fresh pwsh: completion
# (TabExpansion2), ForEach-Object -Parallel importing the module, the exported command set, and the finding,
# configuration and planned-charge steps those run after. Tables, lists, events (Wait-Event, -Action), Clixml
# and JSON run in-process on Microsoft.PowerShell.SDK: tests/EmProto.Module.Tests/PipelineCmdletTests.cs.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath (Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json') -Force -PassThru
    $script:appEndPoint = "127.0.0.1:$($status.Port)"
    $script:serial = '5e5e0000000000a1'
    $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint $appEndPoint -Password 123456 -PluggedIn -Name Garage -PassThru
    $script:pin = ConvertTo-SecureString 123456 -AsPlainText -Force
}

AfterAll {
    Get-EventSubscriber | Where-Object SourceObject -is [EmProto.PowerShell.EvseEventSource] | Unregister-Event
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
    Stop-EvseCommunicator -Confirm:$false
}

Describe 'Finding and connecting' {
    It 'Find-Evse -Probe finds the simulator and streams a charger object' {
        $found = Find-Evse -Timeout 20 -Serial $serial -ProbeAddress 127.0.0.1 -ProbePort $sim.Port | Select-Object -First 1
        $found.Serial | Should -Be $serial
        $found.Address | Should -Be '127.0.0.1'
        $found.Online | Should -BeTrue
    }

    It 'Find-Evse with exact serials returns once each is found, not after -Timeout' {
        # The charger is known and online: found at once, so the ten-minute timeout is never listened out
        # (the bound below is only there to tell the two behaviours apart).
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = @(Find-Evse -Serial $serial -Timeout 600)
        $watch.Stop()
        $found.Serial | Should -Be $serial
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 300
    }

    It 'Connect-Evse logs in from the pipeline with a SecureString and remembers the password' {
        $c = Find-Evse -Timeout 0 -Serial $serial | Connect-Evse -Password $pin -PassThru
        $c.Connected | Should -BeTrue
        $c.HasPassword | Should -BeTrue
        (Get-Evse -Connected).Serial | Should -Contain $serial
    }

    It 'Connect-Evse by address adds a charger that broadcasts do not reach' {
        $c = Connect-Evse -IPAddress 127.0.0.1 -Port $sim.Port -PlainTextPassword 123456 -PassThru
        $c.Serial | Should -Be $serial
    }

    It 'a wrong password is an AuthenticationError' {
        Connect-Evse -Serial $serial -PlainTextPassword 987654 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvseAuthenticationFailed,*'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($err[0])" | Should -Not -Match '987654'
        Connect-Evse -Serial $serial -Password 123456
    }
}

Describe 'Reading' {
    It 'Get-EvseConfig, Set-EvseConfig and Get-EvseSystemTime work end to end' {
        Set-EvseConfig -Serial $serial -MaxCurrent 14 -Confirm:$false
        (Get-EvseConfig -Serial $serial -MaxAge 0).MaxCurrent | Should -Be 14
        Set-EvseConfig -Serial $serial -MaxCurrent 16 -Name Garage -PassThru | ForEach-Object Name | Should -Be 'Garage'
        $t = Get-EvseSystemTime -Serial $serial
        [math]::Abs($t.Skew.TotalMinutes) | Should -BeLessThan 5
        # A clock set 2 hours ahead reaches the charger: the result, a fresh read and the simulator agree.
        $target = [datetimeoffset]::UtcNow.AddHours(2)
        $set = Set-EvseSystemTime -Serial $serial -Time $target -PassThru
        $set.Serial | Should -Be $serial
        [math]::Abs(($set.ChargerTime - $target).TotalSeconds) | Should -BeLessThan 60
        [math]::Abs($set.Skew.TotalMinutes - 120) | Should -BeLessThan 1
        [math]::Abs(($sim.Clock - $target).TotalSeconds) | Should -BeLessThan 60
        [math]::Abs((Get-EvseSystemTime -Serial $serial).Skew.TotalMinutes - 120) | Should -BeLessThan 1
        # And back to this host's clock.
        Set-EvseSystemTime -Serial $serial -Confirm:$false
        [math]::Abs((Get-EvseSystemTime -Serial $serial).Skew.TotalMinutes) | Should -BeLessThan 1
    }

    It 'completes serials and names from memory with tooltips' {
        $line = 'Get-EvseState -Serial 5e5e0000000000a'
        $m = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $m.CompletionText | Should -Contain $serial
        ($m | Where-Object CompletionText -eq $serial).ToolTip | Should -Match 'SIM-'
        (TabExpansion2 -inputScript 'Get-Evse -Name Gar' -cursorColumn 18).CompletionMatches.CompletionText | Should -Contain 'Garage'
    }
}

Describe 'Charging' {
    It 'scenario 4: a planned charge shows as the planned session and Stop-EvseCharge cancels it' {
        # A wall-clock time like '23:30', but always three hours ahead on the charger's clock, so the plan
        # cannot come due during the test whatever time it runs at (at 23:29:58, '23:30' would).
        $zone = [System.TimeZoneInfo]::FindSystemTimeZoneById((Get-Evse -Serial $serial).TimeZone)
        $at = [System.TimeZoneInfo]::ConvertTime([datetimeoffset]::UtcNow, $zone).AddHours(3).ToString('HH:mm', [cultureinfo]::InvariantCulture)
        $r = Start-EvseCharge -Serial $serial -StartAt $at -MaxDuration 04:00:00 -MaxEnergyKWh 20 -Force -PassThru
        $r.IsReservation | Should -BeTrue
        [System.TimeZoneInfo]::ConvertTime($r.StartAt, $zone).ToString('HH:mm', [cultureinfo]::InvariantCulture) | Should -Be $at
        (Get-EvseChargeSession -Serial $serial -Kind Planned).Kind | Should -Be 'Planned'
        $reserved = $sim.Session
        $reserved.Phase | Should -Be 'Reserved'
        $reserved.ChargeId | Should -Be $r.ChargeId
        $startsBefore = $sim.Counters.ChargeStarts

        Stop-EvseCharge -Serial $serial -Force
        # Cancelled on the charger (the reservation is marked so and dropped), no planned session is
        # shown any more, and nothing was started.
        $reserved.Phase | Should -Be 'Cancelled'
        $sim.Session.ChargeId | Should -Not -Be $r.ChargeId
        $sim.Counters.ChargeStarts | Should -Be $startsBefore
        $sim.State | Should -Not -Be 'Charging'
        Get-EvseChargeSession -Serial $serial -Kind Planned | Should -BeNullOrEmpty
    }

    It 'refusals become specific errors (no car plugged in)' {
        $sim | Set-EvseSimulator -Unplug
        Get-Evse -Serial $serial | Wait-Evse -State Idle -Timeout 30 | Out-Null
        Start-EvseCharge -Serial $serial -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvseStartNotPluggedIn,*'
        $err[0].CategoryInfo.Category | Should -Be 'DeviceError'
        $sim | Set-EvseSimulator -PlugIn
    }
}

Describe 'Many runspaces' {
    It '8 runspaces with ForEach-Object -Parallel drive 8 chargers at once through the one communicator' {
        Start-EvseSimulator -Serial 5e5e0000000000b0 -Count 8 -AppEndPoint $appEndPoint -Password 123456 -PluggedIn
        $found = Find-Evse -Timeout 30 -Serial 5e5e0000000000b* | Select-Object -First 8
        $found.Count | Should -Be 8
        $found | Connect-Evse -Password $pin
        $module = $env:EMPROTO_TEST_MODULE
        $results = $found.Serial | ForEach-Object -Parallel {
            Import-Module $using:module
            Get-EvseConfig -Serial $_ -MaxAge 0 -ErrorAction Stop
        } -ThrottleLimit 8
        @($results).Count | Should -Be 8
        ($results.Serial | Sort-Object -Unique).Count | Should -Be 8
        (Get-EvseCommunicator).Port | Should -Be $status.Port
    }
}

Describe 'The module exports' {
    It 'exactly the cmdlets that exist' {
        $m = Get-Module EmProto
        $defined = ($m.NestedModules | Where-Object Name -EQ 'EmProto').ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } | Sort-Object
        @($m.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($defined)
    }
}
