# Help for Import-Evse: prose only; parameter metadata comes from the cmdlet. See docs/help/README.md.
@{
    Synopsis = 'Imports the chargers and their passwords from the emproto library''s evses.json.'
    Description = @(
        'Reads the file that the TypeScript emproto library writes with saveEvses: an array of objects with info, config, lastConfigUpdate, lastSeen and password (the password XOR 0xFF, then base64). Everything in it is imported: address and port, brand, model, versions, phases (or, from older versions of that library, the type code), maximum power and current, feature bits, and the configuration (name, language, temperature unit, offline charge, maximum current; numbers or names such as CELSIUS). The chargers join the communicator and the known-chargers store with their last address and password, so a user of that library can switch to EmProto without entering passwords again.'
        'The next command that targets an imported charger logs in to it directly at its last address. A missing file gives the error EvseImportFileNotFound; a file that is not an emproto evses.json gives EvseImportInvalid with what is wrong in plain words (not valid JSON near a given text, a value that is not a number, not an array), one that cannot be read EvseImportUnreadable. Under -WhatIf nothing is imported or stored.'
    )
    Parameters = @{
        Path = 'The evses.json file of the emproto library to import. Accepts pipeline input by property name (FullName), so Get-Item works.'
        PassThru = 'Writes the imported chargers to the pipeline. By default this cmdlet writes nothing.'
    }
    Outputs = @(
        @{
            Type = 'EmProto.PowerShell.EvseCharger'
            Description = 'With -PassThru, one object per imported charger.'
        }
    )
    Examples = @(
        @{
            Code = 'Import-Evse ~/evses.json -PassThru'
            Remarks = 'Imports the chargers the emproto library saved and lists them.'
        }
        @{
            Code = "Import-Evse ~/evses.json`nGet-Evse -Name Garage | Get-EvseState"
            Remarks = 'After the import, the charger is used with its stored password.'
        }
    )
    RelatedLinks = @(
        'Get-Evse'
        'Connect-Evse'
        'about_EmProto'
    )
}
