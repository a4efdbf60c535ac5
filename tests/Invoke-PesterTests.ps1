<#
.SYNOPSIS
    Runs every Pester test under tests/pester against the staged module, in this (fresh) pwsh.
    Pester is imported from the NuGet cache (restored by the PackageDownload in
    tests/EmProto.Module.Tests); nothing comes from the PowerShell Gallery.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$pester = Get-ChildItem (Join-Path $nugetRoot 'pester') -Directory -ErrorAction SilentlyContinue |
    Where-Object Name -like '5.*' | Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1
if (-not $pester) { throw "Pester 5 was not found in the NuGet cache ($nugetRoot/pester); run 'dotnet restore EmPsm.sln' first." }
Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1') -Force

$env:EMPROTO_TEST_MODULE = $ModulePath
$config = New-PesterConfiguration
$config.Run.Path = Join-Path $PSScriptRoot 'pester'
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.Should.ErrorAction = 'Continue'
$result = Invoke-Pester -Configuration $config

[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Total  = $result.TotalCount
} | ConvertTo-Json | Set-Content -Path $ResultPath
if ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount -gt 0) { exit 1 }
exit 0
