# Help for Set-EvseConfig: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Changes the configuration of chargers.'
    Description = @(
        'Changes settings of each charger: name, language, temperature unit, offline charging mode, maximum current, weekly schedule and screen brightness. Only the settings given are changed (giving none is the error EvseNoSetting); each is written and confirmed by the charger''s reply. A setting the charger does not take gives the error EvseSettingNotApplied; no reply gives EvseCommandTimeout. Under -WhatIf nothing is sent.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        Name = 'The new name of the charger (ASCII, at most 28 characters). Unlike the other charger cmdlets, -Name here is the setting, not a way to choose chargers: choose them by name with Get-Evse -Name Garage | Set-EvseConfig ...'
        Language = 'The language of the charger''s display: English, Italian, German, French, Spanish or Hebrew.'
        TemperatureUnit = 'The temperature unit of the charger''s display: Celsius or Fahrenheit.'
        OfflineCharge = 'Whether the charger may charge without the app (plug and charge): Enabled or Disabled.'
        MaxCurrent = 'The maximum charging current per phase, in amperes: 6 up to the charger''s rated maximum (at most 32). Outside the range the error is EvseInvalidCurrent.'
        Schedule = 'The weekly charging schedule. Give an EmProto.Engine.EvseSchedule (Get-EvseConfig returns the current one: change a day with its Set(day, start, duration) method), a line of days separated by commas such as ''Mon 23:00-06:00, Tue 23:00+360m, Sun off'' (start-end, or start+minutes; the text the schedule itself shows is accepted too), or a hashtable such as @{ Monday = ''23:00-06:00''; Tuesday = ''23:00+360m'' }. Days may be named in full or by their first three letters. Days not named are off. Text that cannot be read is refused before anything is sent, with a message naming the part.'
        Brightness = @{
            Description = 'The brightness of the charger''s screen, 0 (off) to 100. Chargers whose firmware does not answer it give the error EvseNotSupportedByFirmware (Get-Evse shows Brightness in Capabilities). Get-EvseConfig shows the current value.'
            DefaultValue = 'unchanged'
        }
        PassThru = 'Returns the configuration of the charger after the change (EvseConfig). By default this cmdlet returns no output.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.Engine.EvseConfig'
            Description = 'With -PassThru: the configuration after the change.'
        }
    )
    Examples = @(
        @{
            Code = 'Get-Evse -Serial 9181102751219513 | Set-EvseConfig -Name Garage -MaxCurrent 16'
            Remarks = 'Names a charger Garage and limits it to 16 A.'
        }
        @{
            Code = 'Get-Evse | Set-EvseConfig -TemperatureUnit Celsius -Language English -WhatIf'
            Remarks = 'Shows which chargers would be changed, without sending anything.'
        }
        @{
            Code = 'Set-EvseConfig -Serial 9181102751219513 -Schedule ''Mon 23:00-06:00, Tue 23:00-06:00, Sat 22:00+600m'''
            Remarks = 'Charges on Monday and Tuesday nights from 23:00 to 06:00 and on Saturday from 22:00 for 10 hours; the other days are off.'
        }
        @{
            Code = '$schedule = (Get-EvseConfig -Serial 9181102751219513).Schedule
$schedule.Set(''Friday'', ''22:30'', ''07:30'') | Out-Null
Set-EvseConfig -Serial 9181102751219513 -Schedule $schedule -PassThru'
            Remarks = 'Edits one day of the current schedule: Friday from 22:30 for 7.5 hours; the other days stay as they were. The schedule from Get-EvseConfig is a copy, so nothing changes until Set-EvseConfig sends it.'
        }
        @{
            Code = 'Get-Evse -Name Garage | Set-EvseConfig -Schedule @{ Monday = ''23:00-06:00''; Wednesday = ''23:00-06:00'' } -Brightness 30'
            Remarks = 'Sets the schedule from a hashtable (Monday and Wednesday nights, other days off) and dims the screen to 30%.'
        }
    )
    RelatedLinks = @(
        'Get-EvseConfig'
        'about_EmProto'
    )
}
