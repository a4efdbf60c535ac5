# A scheduled task is a fresh pwsh: it must see the live state of a stored charger in one call.
BeforeAll {
    Import-Module $env:EMPROTO_TEST_MODULE -Force
    # Outside TestDrive: Pester clears it between blocks while the engine may be writing the store.
    $script:store = Join-Path ([IO.Directory]::CreateTempSubdirectory('emproto-pester-').FullName) 'evses.json'
    $script:status = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath $store -WearGuardInterval 0 -Force -PassThru
    $script:port = $status.Port
    $script:serial = '5e5e0000000000d1'
    $script:sim = Start-EvseSimulator -Serial $serial -AppEndPoint "127.0.0.1:$port" -Password 123456 -PluggedIn -Name Carport -StatusInterval 2 -PassThru
    Find-Evse -Serial $serial -Timeout 30 | Connect-Evse -PlainTextPassword 123456
    Get-EvseConfig -Serial $serial -MaxAge 0 | Out-Null
    Start-EvseCharge -Serial $serial -MaxCurrent 16 -Confirm:$false
    Wait-Evse -Serial $serial -State Charging -Timeout 60 | Out-Null
    # Hand the port and the store to the child process, as a scheduled task would find them.
    Stop-EvseCommunicator -Confirm:$false
    $script:repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

    function script:Invoke-Child([string] $Command) {
        $env:EMPROTO_PORT = "$port"; $env:EMPROTO_LOCAL_ADDRESS = '127.0.0.1'; $env:EMPROTO_STORE_PATH = $store
        try {
            $prelude = "Import-Module '$($env:EMPROTO_TEST_MODULE)'; "
            # A fresh `dotnet pwsh` (the pinned tool), started from the repository root.
            Push-Location $repoRoot
            try { $out = & dotnet pwsh -NoProfile -NonInteractive -Command ($prelude + $Command) 2>&1 }
            finally { Pop-Location }
            [pscustomobject]@{ Exit = $LASTEXITCODE; Output = ($out | Out-String) }
        } finally {
            Remove-Item Env:EMPROTO_PORT, Env:EMPROTO_LOCAL_ADDRESS, Env:EMPROTO_STORE_PATH -ErrorAction SilentlyContinue
        }
    }
}

AfterAll {
    Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false
}

Describe 'A fresh process' {
    It 'gets the live state of a charging charger in one call (Get-Evse)' {
        $r = Invoke-Child "Get-Evse -Serial $serial | ForEach-Object { '{0} {1} {2}' -f `$_.State, `$_.Connected, (`$_.PowerKW -gt 0) }"
        $r.Exit | Should -Be 0
        $r.Output.Trim() | Should -Be 'Charging True True'
    }

    It 'with -NoRefresh says Unknown, never Offline, for a stored charger it has not heard yet' {
        $r = Invoke-Child "(Get-Evse -Serial $serial -NoRefresh).State"
        $r.Output.Trim() | Should -Be 'Unknown'
    }

    It 'runs examples/SolarSurplus.ps1 -SurplusWatts 0 and acts on the charging charger' {
        # The charge began seconds ago (in the parent, remembered in the store), so the wear guard refuses
        # the stop: proof that the fresh process saw Charging, not "Offline, nothing to change".
        $solar = Join-Path $repoRoot 'examples/SolarSurplus.ps1'
        $r = Invoke-Child "& '$solar' -Name Carport -SurplusWatts 0"
        $r.Output | Should -Not -Match 'nothing to change'
        $r.Output | Should -Match 'Refusing to stop charger'
        $r.Exit | Should -Be 0
    }
}
