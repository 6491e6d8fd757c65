BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Get-IbHealthCheckCommand' {
    It 'prints one ready line per scheduler by default' {
        $commands = Get-IbHealthCheckCommand -Port 4002
        $commands | Should -HaveCount 4
        $commands.Kind | Should -Be @('TaskScheduler', 'Cron', 'Systemd', 'DockerHealthcheck')
        $commands | ForEach-Object { $_ | Should -BeOfType IbConfig.Core.Health.IbHealthCheckCommand }
    }

    It 'gives Task Scheduler pwsh.exe and a -Command that exits with the check''s code' {
        $c = Get-IbHealthCheckCommand -Kind TaskScheduler -Port 4002 -TradingMode Paper
        $c.Program | Should -Be 'pwsh.exe'
        $c.Arguments | Should -Be '-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -Command "Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -TradingMode Paper -Quiet; exit $LASTEXITCODE"'
        $c.Line | Should -Be ('pwsh.exe ' + $c.Arguments)
    }

    It 'uses the staged probe, never a bare TCP check' {
        foreach ($c in Get-IbHealthCheckCommand -Port 4004) {
            $c.Line | Should -Match 'Invoke-IbHealthCheck'
            $c.Line | Should -Not -Match 'Test-IbPort|Test-NetConnection'
        }
    }

    It 'passes the log path on as an absolute path' {
        Push-Location TestDrive:
        try { $c = Get-IbHealthCheckCommand -Kind Cron -LogPath health.log } finally { Pop-Location }
        $expected = Join-Path (Resolve-Path TestDrive:).ProviderPath 'health.log'
        $c.Line | Should -BeLike "*-LogPath '\''$expected'\''*"
    }

    It 'passes the metrics file and the baseline on, as absolute paths' {
        Push-Location TestDrive:
        try { $c = Get-IbHealthCheckCommand -Kind TaskScheduler -Port 4002 -MetricsPath ibconfig.prom -Baseline baseline.ini } finally { Pop-Location }
        $root = (Resolve-Path TestDrive:).ProviderPath
        $c.Arguments | Should -BeLike "*Invoke-IbHealthCheck -Port 4002 -Baseline '$(Join-Path $root 'baseline.ini')' -MetricsPath '$(Join-Path $root 'ibconfig.prom')' -Quiet*"
    }

    It 'writes a cron schedule for the interval and refuses one cron cannot express' {
        (Get-IbHealthCheckCommand -Kind Cron -Every 00:15:00).Line | Should -BeLike '`*/15 `* `* `* `* pwsh -NoProfile*'
        Get-IbHealthCheckCommand -Kind Cron -Every 00:07:00 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -Be 'HealthCheckIntervalNotCron,IbConfig.PowerShell.Commands.GetIbHealthCheckCommandCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'still prints the other kinds when one cannot express the interval' {
        $c = Get-IbHealthCheckCommand -Every 00:07:00 -ErrorAction SilentlyContinue
        $c.Kind | Should -Be @('TaskScheduler', 'Systemd', 'DockerHealthcheck')
    }

    It 'escapes $ for systemd and keeps warnings from failing the unit' {
        $units = (Get-IbHealthCheckCommand -Kind Systemd -Port 4002).Line
        $units | Should -Match 'exit \$\$LASTEXITCODE'
        $units | Should -Match 'SuccessExitStatus=1'
        $units | Should -Match 'OnUnitActiveSec=5min'
    }

    It 'maps the exit code onto Docker''s healthy/unhealthy in exec form' {
        $line = (Get-IbHealthCheckCommand -Kind DockerHealthcheck -Port 4004).Line
        $line | Should -BeLike 'HEALTHCHECK --interval=5m *CMD `["pwsh",*'
        $json = $line.Substring($line.IndexOf('CMD ') + 4) | ConvertFrom-Json
        $json[-1] | Should -Be 'Import-Module IbConfig; Invoke-IbHealthCheck -Port 4004 -Quiet; exit [int]($LASTEXITCODE -ge 2)'
    }

    It 'refuses an interval under a minute' {
        { Get-IbHealthCheckCommand -Kind TaskScheduler -Every 00:00:30 -ErrorAction Stop } |
            Should -Throw -ErrorId 'HealthCheckIntervalTooShort,IbConfig.PowerShell.Commands.GetIbHealthCheckCommandCommand'
    }

    It 'prints the kind, the notes and the line itself by default' {
        $text = Get-IbHealthCheckCommand -Kind Cron | Out-String
        $text | Should -Match '# Cron: '
        $text | Should -Match '(?m)^\*/5 \* \* \* \* pwsh'
    }

    It 'produces a -Command that a real pwsh runs to the exit code' {
        # The Task Scheduler arguments, run by the pwsh under test, with a stub in place of the module: proves the quoting.
        $c = Get-IbHealthCheckCommand -Kind TaskScheduler -Module (Join-Path $TestDrive 'Stub.psm1')
        Set-Content (Join-Path $TestDrive 'Stub.psm1') 'function Invoke-IbHealthCheck { param([switch] $Quiet) $global:LASTEXITCODE = 2 }'
        $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $prefix = if ((Split-Path $pwsh -Leaf) -match '^dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
        $arguments = @($prefix) + @($c.Arguments -replace '-WindowStyle Hidden ', '')  # a console window style means nothing off Windows
        $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh, ($arguments -join ' '))
        $psi.UseShellExecute = $false
        $p = [System.Diagnostics.Process]::Start($psi)
        $p.WaitForExit(60000) | Should -BeTrue
        $p.ExitCode | Should -Be 2
    }
}
