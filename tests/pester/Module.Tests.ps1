BeforeAll {
    $modulePath = $env:EMPROTO_TEST_MODULE
    Import-Module $modulePath -Force
    $module = Get-Module EmProto
}

Describe 'The EmProto module' {
    It 'imports from the staged folder' {
        $module | Should -Not -BeNullOrEmpty
        $module.ModuleType | Should -Be 'Binary'
        # From the folder under test, not from an installed copy elsewhere.
        $staged = (Resolve-Path $modulePath).Path.TrimEnd('/', '\') + [IO.Path]::DirectorySeparatorChar
        $module.ModuleBase + [IO.Path]::DirectorySeparatorChar | Should -BeLike "$staged*"
        $module.ImplementingAssembly.Location | Should -BeLike "$staged*"
    }

    It 'exports exactly the cmdlets its assembly defines' {
        $defined = $module.ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
            Sort-Object
        $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
        $exported | Should -Be @($defined)
    }

    It 'has an ASCII-only manifest' {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $module.ModuleBase 'EmProto.psd1'))
        ($bytes | Where-Object { $_ -gt 127 }).Count | Should -Be 0
    }
}
