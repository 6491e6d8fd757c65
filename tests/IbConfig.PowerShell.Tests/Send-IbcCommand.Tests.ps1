BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'FakeIbcCommandServer.ps1')
}

Describe 'Send-IbcCommand' {
    AfterEach { Stop-FakeIbcCommandServer $script:Server }

    It 'sends <Command> as <Wire> and returns IBC''s OK' -ForEach @(
        @{ Command = 'ReconnectData'; Wire = 'RECONNECTDATA' }
        @{ Command = 'ReconnectAccount'; Wire = 'RECONNECTACCOUNT' }
        @{ Command = 'Restart'; Wire = 'RESTART' }
        @{ Command = 'Stop'; Wire = 'STOP' }
    ) {
        $script:Server = Start-FakeIbcCommandServer -Reply 'INFO working', 'OK done'
        $result = Send-IbcCommand -Command $Command -Port $script:Server.Port -Confirm:$false
        @($script:Server.Received) | Should -Be @($Wire)
        $result | Should -BeOfType IbConfig.Core.Ibc.IbcCommandResult
        $result.Status | Should -Be 'Ok'
        $result.Succeeded | Should -BeTrue
        $result.Reply | Should -Be 'done'
        $result.Info | Should -Be @('working')
        $result.ComputerName | Should -Be '127.0.0.1'
    }

    It 'writes IBC''s INFO lines to the verbose stream' {
        $script:Server = Start-FakeIbcCommandServer -Reply 'INFO Reconnecting data farms', 'OK'
        $verbose = Send-IbcCommand ReconnectData -Port $script:Server.Port -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose | Out-String) | Should -Match 'INFO Reconnecting data farms'
    }

    It 'returns the result and a non-terminating IbcCommandRejected error when IBC answers ERROR' {
        $script:Server = Start-FakeIbcCommandServer -Reply 'ERROR Command invalid'
        $result = Send-IbcCommand ReconnectAccount -Port $script:Server.Port -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Error'
        $result.Reply | Should -Be 'Command invalid'
        $errs[0].FullyQualifiedErrorId | Should -Be 'IbcCommandRejected,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidResult'
    }

    It 'reports a closed port as IbcCommandServerRefused and says where to turn the server on' {
        $port = Get-FreeLoopbackPort
        { Send-IbcCommand ReconnectData -Port $port -ErrorAction Stop } |
            Should -Throw -ErrorId 'IbcCommandServerRefused,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
        Send-IbcCommand ReconnectData -Port $port -ErrorAction SilentlyContinue -ErrorVariable errs | Should -BeNullOrEmpty
        $errs[0].Exception.Message | Should -Match 'CommandServerPort'
        $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'reports a server that never answers as IbcCommandNoReply within the time-out' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $result = Send-IbcCommand ReconnectData -Port $silent.LocalEndpoint.Port -TimeoutMs 300 -ErrorVariable errs -ErrorAction SilentlyContinue
            $result.Status | Should -Be 'NoReply'
            $errs[0].FullyQualifiedErrorId | Should -Be 'IbcCommandNoReply,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
        } finally { $silent.Stop() }
    }

    It 'sends nothing with -WhatIf' {
        $script:Server = Start-FakeIbcCommandServer
        Send-IbcCommand Stop -Port $script:Server.Port -WhatIf | Should -BeNullOrEmpty
        Send-IbcCommand ReconnectData -Port $script:Server.Port -WhatIf | Should -BeNullOrEmpty
        $script:Server.Received.Count | Should -Be 0
    }

    It 'asks before Stop or Restart (high impact) but not before ReconnectData' -Skip:(-not ([Environment]::GetCommandLineArgs() -match '^-NonI')) {
        # Pester runs in a -NonInteractive pwsh: a confirmation prompt there is an error instead of a question.
        $script:Server = Start-FakeIbcCommandServer
        { Send-IbcCommand Restart -Port $script:Server.Port -ErrorAction Stop } | Should -Throw
        $script:Server.Received.Count | Should -Be 0
        (Send-IbcCommand ReconnectData -Port $script:Server.Port).Status | Should -Be 'Ok'
        @($script:Server.Received) | Should -Be @('RECONNECTDATA')
    }

    It 'does not ask for Stop when $ConfirmPreference is None' {
        $script:Server = Start-FakeIbcCommandServer
        $ConfirmPreference = 'None'
        (Send-IbcCommand Stop -Port $script:Server.Port).Status | Should -Be 'Ok'
        @($script:Server.Received) | Should -Be @('STOP')
    }

    It 'takes Command and ComputerName from the pipeline by property name, but never the (API) Port' {
        $script:Server = Start-FakeIbcCommandServer
        $result = [pscustomobject]@{ Command = 'ReconnectData'; ComputerName = '127.0.0.1'; Port = 4002 } | Send-IbcCommand -Port $script:Server.Port
        $result.Status | Should -Be 'Ok'
        $p = (Get-Command Send-IbcCommand).Parameters['Port'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        $p.ValueFromPipelineByPropertyName | Should -BeFalse
    }

    It 'refuses an unknown command and an invalid port before connecting' {
        { Send-IbcCommand -Command Shutdown } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
        { Send-IbcCommand ReconnectData -Port 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
    }

    It 'shows a table with the command, status and reply by default' {
        $script:Server = Start-FakeIbcCommandServer -Reply 'OK done'
        $text = Send-IbcCommand ReconnectData -Port $script:Server.Port | Out-String
        $text | Should -Match 'Command\s+Status\s+Reply'
        $text | Should -Match 'ReconnectData\s+Ok\s+done'
    }
}

Describe 'Send-IbcCommand finds the port in IBC''s config.ini' {
    BeforeAll {
        $script:SavedIbcIni = $env:IBC_INI
    }
    AfterAll { $env:IBC_INI = $script:SavedIbcIni }
    AfterEach { Stop-FakeIbcCommandServer $script:Server }

    It 'uses CommandServerPort from -IbcConfigPath when -Port is not given' {
        $script:Server = Start-FakeIbcCommandServer -Reply 'OK'
        $ini = Join-Path $TestDrive 'ibc/config.ini'
        $null = New-Item (Split-Path $ini) -ItemType Directory -Force
        Set-Content $ini "IbLoginId=fakeuser`nIbPassword=fake-password`nCommandServerPort=$($script:Server.Port)"
        $result = Send-IbcCommand ReconnectData -IbcConfigPath $ini -Verbose 4>&1 | Where-Object { $_ -is [IbConfig.Core.Ibc.IbcCommandResult] }
        $result.Port | Should -Be $script:Server.Port
        @($script:Server.Received) | Should -Be @('RECONNECTDATA')
    }

    It 'finds IBC''s config.ini through IBC_INI' {
        $script:Server = Start-FakeIbcCommandServer -Reply 'OK'
        $ini = Join-Path $TestDrive 'env/config.ini'
        $null = New-Item (Split-Path $ini) -ItemType Directory -Force
        Set-Content $ini "CommandServerPort=$($script:Server.Port)"
        $env:IBC_INI = $ini
        (Send-IbcCommand ReconnectAccount).Port | Should -Be $script:Server.Port
    }

    It 'stops with IbcCommandServerOff when config.ini turns the server off, and never prints the password' {
        $ini = Join-Path $TestDrive 'off/config.ini'
        $null = New-Item (Split-Path $ini) -ItemType Directory -Force
        Set-Content $ini "IbPassword=do-not-print-me`nCommandServerPort=0"
        try { Send-IbcCommand ReconnectData -IbcConfigPath $ini } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'IbcCommandServerOff,IbConfig.PowerShell.Commands.SendIbcCommandCommand'
        $err.Exception.Message | Should -Match 'CommandServerPort=7462'
        $err.Exception.Message | Should -Not -Match 'do-not-print-me'
    }
}
