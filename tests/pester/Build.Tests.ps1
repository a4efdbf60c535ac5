BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile (Join-Path $repoRoot 'EmProto.psd1')).ModuleVersion
    $work = Join-Path ([IO.Path]::GetTempPath()) ('emproto-build-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $work -Force
    $realHome = [Environment]::GetFolderPath('UserProfile')
    $nuget = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $realHome '.nuget/packages' }
    $cliHome = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { $realHome }

    # Runs a script in a child `dotnet pwsh` with HOME (and the user profile) pointed at $FakeHome;
    # the .NET tools and NuGet packages stay where they are. Returns exit code and output.
    function Invoke-ChildPwsh {
        param([string] $FakeHome, [string] $Script, [string] $ModulePath, [string] $WorkingDirectory = $repoRoot)
        $names = 'HOME', 'USERPROFILE', 'XDG_DATA_HOME', 'PSModulePath', 'NUGET_PACKAGES', 'DOTNET_CLI_HOME'
        $saved = @{}; foreach ($n in $names) { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        try {
            $env:HOME = $FakeHome; $env:USERPROFILE = $FakeHome; $env:XDG_DATA_HOME = $null
            $env:NUGET_PACKAGES = $nuget; $env:DOTNET_CLI_HOME = $cliHome
            $env:PSModulePath = $ModulePath
            Push-Location $WorkingDirectory
            try { $out = & dotnet pwsh -NoProfile -NonInteractive -Command $Script 2>&1 | Out-String }
            finally { Pop-Location }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $out }
        } finally {
            foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) }
        }
    }
}

AfterAll {
    if (Test-Path $work) { Remove-Item $work -Recurse -Force }
}

Describe 'build.ps1 -Task Install' {
    BeforeAll {
        $fakeHome = Join-Path $work 'home'
        $elsewhere = Join-Path $work 'shared/Modules'
        $null = New-Item -ItemType Directory $fakeHome, $elsewhere -Force
        # A module path outside the user's home comes first: Install must skip it (pwsh itself
        # adds the user's folder under HOME at startup, and that is where the module belongs).
        $modulePath = $elsewhere
        # -NoBuild installs what the test run has just staged (rebuilding would restage the module under test).
        $r = Invoke-ChildPwsh $fakeHome "./build.ps1 -Task Install -NoBuild" $modulePath
        $manifests = @(Get-ChildItem $fakeHome -Recurse -Force -Filter EmProto.psd1 -File)
        $installed = if ($manifests.Count -eq 1) { $manifests[0].DirectoryName } else { Join-Path $fakeHome 'not-installed' }
    }

    It 'succeeds' {
        $r.ExitCode | Should -Be 0 -Because $r.Output
    }

    It 'copies the staged module, help included, into EmProto/<version> of the user''s module folder' {
        $manifests.Count | Should -Be 1 -Because "exactly one installed copy is expected under $fakeHome"
        $installed | Should -BeLike (Join-Path $fakeHome "*EmProto*$version")
        Join-Path $installed 'EmProto.dll' | Should -Exist
        Join-Path $installed 'en-US/EmProto.dll-Help.xml' | Should -Exist
        Join-Path $installed 'en-US/about_EmProto.help.txt' | Should -Exist
        @(Get-ChildItem $elsewhere).Count | Should -Be 0
    }

    It 'makes the module importable by name' {
        $check = Invoke-ChildPwsh $fakeHome "Import-Module EmProto -ErrorAction Stop; (Get-Module EmProto).ModuleBase" $modulePath
        $check.ExitCode | Should -Be 0 -Because $check.Output
        $check.Output.Trim() | Should -Be $installed
    }

    It 'replaces an earlier install of the same version' {
        Set-Content (Join-Path $installed 'stale.txt') 'left over'
        $again = Invoke-ChildPwsh $fakeHome "./build.ps1 -Task Install -NoBuild" $modulePath
        $again.ExitCode | Should -Be 0 -Because $again.Output
        Join-Path $installed 'stale.txt' | Should -Not -Exist
        Join-Path $installed 'EmProto.psd1' | Should -Exist
    }
}

Describe 'build.ps1 -Task Clean' {
    It 'removes out/ and the bin/obj of projects, and nothing else' {
        # A copy of the repository skeleton, so the real build output under test stays.
        $copy = Join-Path $work 'repo'
        $null = New-Item -ItemType Directory $copy -Force
        Copy-Item (Join-Path $repoRoot 'build.ps1'), (Join-Path $repoRoot 'EmProto.psd1') $copy
        Copy-Item (Join-Path $repoRoot '.config') $copy -Recurse
        foreach ($d in 'out/EmProto', 'src/A/bin/Release', 'src/A/obj', 'tests/B/bin', 'bench/C/BenchmarkDotNet.Artifacts', 'docs/bin', 'src/A/Commands') {
            $null = New-Item -ItemType Directory (Join-Path $copy $d) -Force
        }
        Set-Content (Join-Path $copy 'src/A/A.csproj') '<Project />'
        Set-Content (Join-Path $copy 'tests/B/B.csproj') '<Project />'
        Set-Content (Join-Path $copy 'src/A/Commands/Keep.cs') '// source'

        $r = Invoke-ChildPwsh (Join-Path $work 'home') './build.ps1 -Task Clean' '' $copy
        $r.ExitCode | Should -Be 0 -Because $r.Output
        foreach ($gone in 'out', 'src/A/bin', 'src/A/obj', 'tests/B/bin', 'bench/C/BenchmarkDotNet.Artifacts') {
            Join-Path $copy $gone | Should -Not -Exist
        }
        foreach ($kept in 'src/A/A.csproj', 'src/A/Commands/Keep.cs', 'tests/B/B.csproj', 'docs/bin', 'build.ps1') {
            Join-Path $copy $kept | Should -Exist
        }
    }
}
