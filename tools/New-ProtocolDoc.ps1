<#
.SYNOPSIS
    Rewrites docs/protocol.md (the command list) from EmCommandTable.
.DESCRIPTION
    The page has one generator, ProtocolDocument in tests/EmProto.Protocol.Tests, and one check,
    ProtocolDocumentTests, which fails when the committed page differs from what the table says.
    This script runs that test with EMPROTO_WRITE_PROTOCOL_DOC set, so the test writes the page
    instead of comparing. Run it after changing a row of src/EmProto.Protocol/EmCommandTable.cs and
    commit the page with the change.
.EXAMPLE
    dotnet pwsh ./tools/New-ProtocolDoc.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$page = Join-Path $root 'docs/protocol.md'
$project = Join-Path $root 'tests/EmProto.Protocol.Tests/EmProto.Protocol.Tests.csproj'

$env:EMPROTO_WRITE_PROTOCOL_DOC = $page
try {
    dotnet test $project -c $Configuration -nologo -v:minimal --filter 'FullyQualifiedName~ProtocolDocumentTests'
    if ($LASTEXITCODE -ne 0) { throw "Generating $page failed (dotnet test exit code $LASTEXITCODE)." }
}
finally {
    Remove-Item Env:EMPROTO_WRITE_PROTOCOL_DOC
}
Write-Host "Wrote $page"
