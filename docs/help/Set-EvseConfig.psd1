# Help for Set-EvseConfig: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Changes the configuration of chargers.'
    Description = @(
        'Changes settings of each charger: name, language, temperature unit, offline charging mode, maximum current and weekly schedule. Only the settings given are changed (giving none is the error EvseNoSetting); each is written and confirmed by the charger''s reply. A setting the charger does not take gives the error EvseSettingNotApplied; no reply gives EvseCommandTimeout. Under -WhatIf nothing is sent.'
    )
    Parameters = @{
        InputObject = 'A charger object, as returned by Get-Evse or Find-Evse (or by another cmdlet with -PassThru). Accepts pipeline input.'
        Serial = 'The serials of the chargers: 16 hexadecimal digits, for example 9181102751219513. Wildcards are not allowed. Required unless chargers come from the pipeline. A serial that matches no known charger gives the error EvseNotFound.'
        Name = 'The new name of the charger (ASCII, at most 28 characters).'
        Language = 'The language of the charger''s display: English, Italian, German, French, Spanish or Hebrew.'
        TemperatureUnit = 'The temperature unit of the charger''s display: Celsius or Fahrenheit.'
        OfflineCharge = 'Whether the charger may charge without the app (plug and charge): Enabled or Disabled.'
        MaxCurrent = 'The maximum charging current per phase, in amperes: 6 up to the charger''s rated maximum (at most 32). Outside the range the error is EvseInvalidCurrent.'
        Schedule = 'The weekly charging schedule, an EmProto.Engine.EvseSchedule: up to seven days (Days, Monday first), each an EvseScheduleEntry. Get-EvseConfig returns the current one to change.'
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
    )
    RelatedLinks = @(
        'Get-EvseConfig'
        'about_EmProto'
    )
}
