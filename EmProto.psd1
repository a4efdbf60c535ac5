@{
    # No root module: the cmdlets are the nested module EmProto.dll, imported after EmProto.Startup.dll.
    # On PowerShell 7 for Linux x64 the start-up loads the ReadyToRun images in linux-x64/ (EmProto.dll
    # among them), and PowerShell then binds the cmdlets to them by name; elsewhere it does nothing and
    # the portable assemblies load (src/EmProto.Startup). A root module would be loaded before it.
    NestedModules        = @('EmProto.Startup.dll', 'EmProto.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7c1e-3f5d-4a4e-9a57-2f1f6b7d4e21'
    Author               = 'EmProto contributors'
    CompanyName          = 'EmProto'
    Copyright            = '(c) EmProto contributors. MIT License.'
    Description          = 'Find, monitor and control EVSEMaster-family EV chargers (Besen, Telestar, evseODM, Morec, Deltaco) over their local UDP protocol. Includes a charger simulator.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('EmProto.Format.ps1xml')
    CmdletsToExport      = @(
        'ConvertFrom-EvseDatagram'
        'Connect-Evse'
        'Disconnect-Evse'
        'Find-Evse'
        'Get-Evse'
        'Get-EvseAgent'
        'Get-EvseChargeRecord'
        'Get-EvseChargeSession'
        'Get-EvseCommunicator'
        'Get-EvseConfig'
        'Get-EvseSimulator'
        'Get-EvseState'
        'Get-EvseSystemTime'
        'Import-Evse'
        'Register-EvseEvent'
        'Remove-Evse'
        'Set-EvseConfig'
        'Set-EvseSimulator'
        'Set-EvseSystemTime'
        'Start-EvseAgent'
        'Start-EvseCharge'
        'Start-EvseCommunicator'
        'Start-EvseSimulator'
        'Stop-EvseAgent'
        'Stop-EvseCharge'
        'Stop-EvseCommunicator'
        'Stop-EvseSimulator'
        'Wait-Evse'
        'Watch-Evse'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('EV', 'EVSE', 'charger', 'EVSEMaster', 'Besen', 'Telestar', 'UDP', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri = 'https://example.invalid/emproto'
        }
    }
}
