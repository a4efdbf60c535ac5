# Help for Set-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Changes what happens to a simulated charger: plug, unplug, faults, password, clock.'
    Description = @(
        'Acts on a simulated charger as a person or the world would act on a real one: plug a car in or out, raise or clear a fault, press the emergency stop, change the password, or move the simulated clock. The simulated charger reports the change to connected apps as a real charger would.'
        '-MaxCurrent, -Name, -OfflineCharge, -Language and -TemperatureUnit change a setting as if someone changed it on the charger''s screen or in its phone app: the simulated charger pushes the new value to the registered app unasked (the SetAndGet response, for example 0x010D, with action 1), so that scripts can be tested against settings that change behind their back.'
    )
    Parameters = @{
        Clock = 'Sets the simulated charger''s clock to this time.'
        InputObject = 'The simulated charger, as returned by Start-EvseSimulator -PassThru or Get-EvseSimulator. Accepts pipeline input.'
        Serial = 'The serial of the simulated charger.'
        PlugIn = 'Plugs a car into the simulated charger.'
        Unplug = 'Unplugs the car from the simulated charger; a running charge session ends.'
        RaiseError = 'Raises these faults (for example OverTemperatureInner, LeakageProtection); the simulated charger reports them in its status.'
        ClearError = 'Clears these faults.'
        EmergencyStop = 'Presses the emergency stop button of the simulated charger: charging stops and the emergency-stop fault is reported.'
        Password = 'Gives the simulated charger a new 6-digit password; sessions logged in with the old one are refused from now on.'
        ClockOffset = 'Sets how far the simulated charger''s clock is off from the real time, to test clock drift.'
        AdvanceTime = 'Moves the simulated time forward by this amount, for example to end a charge session with a duration limit without waiting.'
        MaxCurrent = 'Changes the output current at the charger, in amperes (6 to the simulated charger''s maximum). The registered app is sent SetAndGetOutputElectricity (0x0107) with the new value, then a status push.'
        Name = 'Changes the charger''s name at the charger. It must fit the firmware''s name field (16 characters for BS20, 28 otherwise). The registered app is sent SetAndGetNickName (0x0108) with the new name.'
        OfflineCharge = 'Changes the offline charge (start mode) at the charger: Enabled (0), Disabled (1) or Mode2 (2). The registered app is sent SetAndGetOffLineCharge (0x010D) with action 1 and the new value.'
        Language = 'Changes the display language at the charger. The registered app is sent SetAndGetLanguage (0x010F) with the new value.'
        TemperatureUnit = 'Changes the temperature unit at the charger: Celsius or Fahrenheit. The registered app is sent SetAndGetTemperatureUnit (0x0112) with the new value.'
        SoftwareVersion = 'Simulates a firmware update: the simulated charger reports this software version (at most 16 printable ASCII characters) from now on and reboots, which drops the registered app without a word; it announces itself again (Login broadcast), the app logs in again and reads the new version.'
        PassThru = 'Returns the simulated charger object when the command has been done. By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Simulator.SimulatedEvse'
            Description = 'With -PassThru: the simulated charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-EvseSimulator | Set-EvseSimulator -PlugIn'
            Remarks = 'Plugs a car into every simulated charger.'
        }
        @{
            Code = 'Set-EvseSimulator -Serial 0123456789abcdef -RaiseError OverTemperatureInner
Get-Evse -Serial 0123456789abcdef | Wait-Evse -State Error -Timeout 00:00:30'
            Remarks = 'Raises a fault and waits until the client side sees it, to test a script''s error handling.'
        }
        @{
            Code = 'Get-EvseSimulator | Set-EvseSimulator -AdvanceTime 01:00:00'
            Remarks = 'Moves the simulated time of every simulated charger one hour ahead.'
        }
        @{
            Code = 'Set-EvseSimulator -Serial 0123456789abcdef -OfflineCharge Disabled -MaxCurrent 10'
            Remarks = 'Acts as if someone changed the offline charge mode and the current on the charger''s screen: the connected app is sent both new values unasked.'
        }
    )
    RelatedLinks = @(
        'Start-EvseSimulator'
        'Get-EvseSimulator'
        'about_EmProto'
    )
}
