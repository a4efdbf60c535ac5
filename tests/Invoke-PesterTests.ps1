<#
.SYNOPSIS
    Runs the Pester tests under tests/pester (or only the files given with -Path) against the staged
    module, in this (fresh) pwsh, and writes Passed, Failed, Skipped and Total as JSON to -ResultPath.
    Pester is imported from the NuGet cache (restored by the PackageDownload in
    tests/EmProto.Module.Tests); nothing comes from the PowerShell Gallery.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-PesterTests.ps1 -ModulePath out/EmProto -ResultPath /tmp/p.json -Path tests/pester/Simulator.Tests.ps1
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Test files to run (default: every file under tests/pester).
    [string[]] $Path
)
$ErrorActionPreference = 'Stop'
$nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$pester = Get-ChildItem (Join-Path $nugetRoot 'pester') -Directory -ErrorAction SilentlyContinue |
    Where-Object Name -like '5.*' | Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1
if (-not $pester) { throw "Pester 5 was not found in the NuGet cache ($nugetRoot/pester); run 'dotnet restore EmPsm.sln' first." }
Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1') -Force

$env:EMPROTO_TEST_MODULE = $ModulePath
$config = New-PesterConfiguration
# With -File, several paths arrive as one comma-separated string.
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$config.Run.Path = if ($Path.Count -gt 0) { $Path } else { Join-Path $PSScriptRoot 'pester' }
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.Should.ErrorAction = 'Continue'
$result = Invoke-Pester -Configuration $config

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
    Total   = $result.TotalCount
} | ConvertTo-Json | Set-Content -Path $ResultPath
if ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount -gt 0) { exit 1 }
exit 0
