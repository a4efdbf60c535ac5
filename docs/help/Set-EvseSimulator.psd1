# Help for Set-EvseSimulator: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Changes what happens to a simulated charger: plug, unplug, faults, password, clock.'
    Description = @(
        'Acts on a simulated charger as a person or the world would act on a real one: plug a car in or out, raise or clear a fault, press the emergency stop, change the password, or move the simulated clock. The simulated charger reports the change to connected apps as a real charger would.'
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
    )
    RelatedLinks = @(
        'Start-EvseSimulator'
        'Get-EvseSimulator'
        'about_EmProto'
    )
}
