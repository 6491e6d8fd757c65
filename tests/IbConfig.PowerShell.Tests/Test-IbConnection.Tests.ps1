BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:CommandId = 'IbConfig.PowerShell.Commands.TestIbConnectionCommand'

    $script:DataPath = Join-Path $script:SamplesPath 'simulator/paper-accounts.txt'

    # Start-IbGatewaySimulator on 127.0.0.1 and an OS-chosen port, with the sample accounts (DU123456, DU654321) and positions.
    function Start-TestSimulator([hashtable] $With = @{}) {
        $parameters = @{ Port = 0; DataPath = $script:DataPath; PassThru = $true }
        foreach ($name in $With.Keys) { $parameters[$name] = $With[$name] }
        Start-IbGatewaySimulator @parameters
    }

    # A loopback listener in its own runspace: accepts one client, reads what it sends, answers $Reply and closes.
    function Start-ReplyListener([byte[]] $Reply) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $ps = [powershell]::Create().AddScript({
            param($listener, $reply)
            $client = $listener.AcceptTcpClient()
            $stream = $client.GetStream()
            $buffer = [byte[]]::new(64)
            $null = $stream.Read($buffer, 0, $buffer.Length)
            $stream.Write($reply, 0, $reply.Length)
            $client.Close()
        }).AddArgument($listener).AddArgument($Reply)
        $null = $ps.BeginInvoke()
        [pscustomobject]@{ Port = $listener.LocalEndpoint.Port; Listener = $listener; PowerShell = $ps }
    }

    # A dialer that hands over a socket connected beforehand (the class is defined once the module's types are loaded).
    # Test-IbConnection calls it on the pipeline thread, before its first wait, so a PowerShell class serves.
    function New-ConnectedDialer([System.Net.Sockets.Socket] $Socket) {
        Invoke-Expression @'
class ConnectedTestDialer : IbConfig.Core.Network.ISocketDialer {
    hidden [System.Net.Sockets.Socket] $Socket
    ConnectedTestDialer([System.Net.Sockets.Socket] $socket) { $this.Socket = $socket }
    [System.Threading.Tasks.Task[System.Net.Sockets.Socket]] ConnectAsync([System.Net.IPEndPoint] $endpoint, [System.Threading.CancellationToken] $cancellationToken) {
        return [System.Threading.Tasks.Task]::FromResult($this.Socket)
    }
}
[ConnectedTestDialer]::new($Socket)
'@
    }

    function Stop-ReplyListener($Server) {
        $Server.Listener.Stop()
        $Server.PowerShell.Dispose()
    }
}

Describe 'Test-IbConnection against the gateway simulator' {
    BeforeAll {
        $script:Simulator = Start-TestSimulator
        # The rows after the [Positions] section's column line are the positions the simulator reports.
        $lines = @(Get-Content $script:DataPath)
        $script:PositionRows = @($lines[([array]::IndexOf($lines, '[Positions]') + 2)..($lines.Count - 1)] | Where-Object { $_ -match '^DU' }).Count
    }
    AfterAll { $script:Simulator | Stop-IbGatewaySimulator }

    It 'passes every stage and reports accounts, server time, account summary and positions' {
        $result = Test-IbConnection -Port $script:Simulator.Port
        $result | Should -BeOfType ([IbConfig.Core.Network.IbConnectionResult])
        $result.Success | Should -BeTrue
        $result.Status | Should -Be 'Success'
        $result.ComputerName | Should -Be '127.0.0.1'
        $result.ClientId | Should -Be 999
        $result.ServerVersion | Should -Be 193
        $result.ManagedAccounts | Should -Be @('DU123456', 'DU654321')
        $result.AccountKind | Should -Be 'Paper'
        $result.NextValidOrderId | Should -BeGreaterThan 0
        $result.PositionCount | Should -Be $script:PositionRows
        $script:PositionRows | Should -BeGreaterThan 0
        $result.AccountSummaryCount | Should -Be (15 * 2)
        $result.ServerTime | Should -Not -BeNullOrEmpty
        $result.LocalAddress | Should -Be '127.0.0.1'
        @($result.Notices.Code) | Should -Contain 2104
        $result.FailedStage | Should -BeNullOrEmpty
    }

    It 'stops after the server time with -SkipAccountData' {
        $result = Test-IbConnection -Port $script:Simulator.Port -SkipAccountData
        $result.Success | Should -BeTrue
        $result.ServerTime | Should -Not -BeNullOrEmpty
        $result.AccountSummaryCount | Should -BeNullOrEmpty
        $result.PositionCount | Should -BeNullOrEmpty
    }

    It 'returns only a bool with -Quiet' {
        $answer = Test-IbConnection -Port $script:Simulator.Port -Quiet -SkipAccountData
        $answer | Should -BeOfType ([bool])
        $answer | Should -BeTrue
    }

    It 'tests the simulator piped into it (ComputerName and Port by property name)' {
        $result = $script:Simulator | Test-IbConnection -SkipAccountData
        $result.Port | Should -Be $script:Simulator.Port
        $result.Success | Should -BeTrue
    }

    It 'tests the port configured in jts.ini: Get-IbApiSetting | Test-IbConnection' {
        Set-Content -Path TestDrive:/jts.ini -Value "[IBGateway]`r`ns.SocketPort=$($script:Simulator.Port)`r`ns.ApiEnabled=true`r`n"
        $result = Get-IbApiSetting -Path TestDrive:/jts.ini | Test-IbConnection -SkipAccountData
        $result.Port | Should -Be $script:Simulator.Port
        $result.Success | Should -BeTrue
    }

    It 'tests the port of a piped settings object (SocketPort) and of a Port/ComputerName object' {
        $bySocketPort = [pscustomobject]@{ SocketPort = $script:Simulator.Port } | Test-IbConnection -SkipAccountData
        $bySocketPort.Port | Should -Be $script:Simulator.Port
        $bySocketPort.Success | Should -BeTrue
        $byPort = [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $script:Simulator.Port } | Test-IbConnection -SkipAccountData
        $byPort.Success | Should -BeTrue
    }

    It 'checks many computer names in one call and returns the results in input order' {
        $names = '127.0.0.1', 'no-such-gateway.invalid', 'localhost', '127.0.0.1'
        $results = @(Test-IbConnection -ComputerName $names -Port $script:Simulator.Port -SkipAccountData)
        $results.ComputerName | Should -Be $names
        $results.Status | Should -Be @('Success', 'NameNotResolved', 'Success', 'Success')
    }

    It 'narrates every stage with -Verbose' {
        $verbose = Test-IbConnection -Port $script:Simulator.Port -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        foreach ($stage in 'TCP', 'handshake', 'start-API', 'accounts', 'server time', 'account data', 'passed every stage') {
            $verbose | Should -Match ([regex]::Escape($stage))
        }
    }

    It 'uses $env:IBCONFIG_CLIENT_ID as the default client id' {
        $env:IBCONFIG_CLIENT_ID = '4711'
        try { (Test-IbConnection -Port $script:Simulator.Port -SkipAccountData).ClientId | Should -Be 4711 }
        finally { Remove-Item Env:IBCONFIG_CLIENT_ID }
    }

    It 'shows the result as a list with the accounts by default and as a table on request' {
        $result = Test-IbConnection -Port $script:Simulator.Port -SkipAccountData
        $list = $result | Out-String
        $list | Should -Match 'ManagedAccounts\s*:\s*DU123456, DU654321'
        $list | Should -Not -Match 'Remedy'
        ($result | Format-Table | Out-String) | Should -Match 'Status\s+FailedStage'
    }
}

Describe 'Test-IbConnection diagnoses what the simulator is configured to refuse' {
    AfterEach { Stop-IbGatewaySimulator -All }

    It 'reports a client id in use and finds a free one with -FindFreeClientId' {
        $simulator = Start-TestSimulator @{ OccupiedClientId = 999, 1000 }
        $taken = $simulator | Test-IbConnection
        $taken.Success | Should -BeFalse
        $taken.Status | Should -Be 'ClientIdInUse'
        $taken.FailedStage | Should -Be 'Accounts'
        $taken.Remedy | Should -Match '-ClientId 1000'
        $free = $simulator | Test-IbConnection -FindFreeClientId -SkipAccountData
        $free.Success | Should -BeTrue
        $free.ClientId | Should -Be 1001
    }

    It 'reports an untrusted address closed during the handshake and names Add-IbTrustedIp' {
        $result = Start-TestSimulator @{ TrustedIp = '10.0.0.5' } | Test-IbConnection
        $result.Status | Should -Be 'ClosedDuringHandshake'
        $result.FailedStage | Should -Be 'Handshake'
        $result.Remedy | Should -Match 'Add-IbTrustedIp 127\.0\.0\.1'
    }

    It 'reports a held connection (the accept dialog) as awaiting acceptance' {
        $simulator = Start-TestSimulator @{ TrustedIp = '10.0.0.5'; UntrustedBehaviour = 'Hold' }
        # Connected, and held by the simulator, before the check's clock starts: however loaded the machine, the short
        # time-out can only run out in the handshake, where silence means the accept dialog.
        $socket = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
        $socket.Connect([System.Net.IPAddress]::Loopback, $simulator.Port)
        $guard = [System.Threading.CancellationTokenSource]::new([timespan]::FromSeconds(20))
        $running = [IbConfig.Core.Simulator.SimulatorRegistry]::Shared.Find($simulator.Id)
        $null = $running.WaitForEventAsync([IbConfig.Core.Simulator.SimulatorEventKind]::PeerHeld, $guard.Token).GetAwaiter().GetResult()
        $saved = Get-Variable -Name IbConfigTestMachine -Scope Global -ValueOnly -ErrorAction SilentlyContinue
        Set-TestMachine ((Get-TestMachine).WithNetwork((New-ConnectedDialer $socket), [IbConfig.Core.Network.DnsHostNameResolver]::new()))
        try { $result = Test-IbConnection -Port $simulator.Port -TimeoutMs 500 } finally { Set-TestMachine $saved }
        $result.Status | Should -Be 'AwaitingAcceptance'
        $result.FailedStage | Should -Be 'Handshake'
        $running.ConnectionCount | Should -Be 1 -Because 'the check used the connection made beforehand'
    }

    It 'passes against a read-only API, which still serves account data' {
        $result = Start-TestSimulator @{ ReadOnlyApi = $true } | Test-IbConnection
        $result.Success | Should -BeTrue
        $result.PositionCount | Should -BeGreaterThan 0
    }

    It 'reports refused when the API is disabled' {
        $port = Get-FreeLoopbackPort
        $null = Start-TestSimulator @{ DisableApi = $true; Port = $port; WarningAction = 'SilentlyContinue' }
        $result = Test-IbConnection -Port $port
        $result.Status | Should -Be 'Refused'
        $result.Remedy | Should -Match 'Enable ActiveX and Socket Clients'
    }

    It 'stops promptly when the pipeline is stopped (Ctrl+C) during a long wait' {
        $simulator = Start-TestSimulator @{ TrustedIp = '10.0.0.5'; UntrustedBehaviour = 'Hold' }
        $ps = [powershell]::Create().AddScript({
            param($module, $port)
            Import-Module $module
            Test-IbConnection -Port $port -TimeoutSec 600
        }).AddArgument($script:ModuleManifestPath).AddArgument($simulator.Port)
        try {
            $run = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-IbGatewaySimulator -Id $simulator.Id).ConnectionCount -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.Stop()
            $run.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(20)) | Should -BeTrue -Because 'stopping must not wait for the 600 s time-out'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'fails loudly on a live account when paper is expected' {
        $simulator = Start-IbGatewaySimulator -Port 0 -Account U7654321 -PassThru
        $result = $simulator | Test-IbConnection -ExpectTradingMode Paper -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Status | Should -Be 'TradingModeMismatch'
        $result.AccountKind | Should -Be 'Live'
        $result.AccountSummaryCount | Should -BeNullOrEmpty
        $warnings | Should -Match 'LIVE trading account'
    }
}

Describe 'Test-IbConnection against loopback listeners made here' {
    It 'reports a refused port as output, not as an error' {
        $port = Get-FreeLoopbackPort
        $result = Test-IbConnection -Port $port -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $result.Success | Should -BeFalse
        $result.Status | Should -Be 'Refused'
        $result.FailedStage | Should -Be 'Tcp'
        $result.Remedy | Should -Match "tried $port"
        ($result | Out-String) | Should -Match 'Remedy'
        Test-IbConnection -Port $port -Quiet | Should -BeFalse
    }

    It 'recognises a TLS reply' {
        $server = Start-ReplyListener ([byte[]](0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46))
        try { (Test-IbConnection -Port $server.Port).Status | Should -Be 'TlsDetected' }
        finally { Stop-ReplyListener $server }
    }

    It 'recognises an HTTP reply as not the TWS API' {
        $server = Start-ReplyListener ([System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 400 Bad Request`r`n`r`n"))
        try {
            $result = Test-IbConnection -Port $server.Port
            $result.Status | Should -Be 'NotTwsApi'
            $result.Diagnosis | Should -Match 'HTTP'
        }
        finally { Stop-ReplyListener $server }
    }

    It 'reports a socket closed before the version as closed during the handshake' {
        $server = Start-ReplyListener ([byte[]]@())
        try { (Test-IbConnection -Port $server.Port).Status | Should -Be 'ClosedDuringHandshake' }
        finally { Stop-ReplyListener $server }
    }
}

Describe 'Test-IbConnection input validation' {
    It 'refuses an invalid $env:IBCONFIG_CLIENT_ID with a terminating error: <_>' -ForEach 'abc', '1', '-3' {
        $env:IBCONFIG_CLIENT_ID = $_
        try { { Test-IbConnection -Port (Get-FreeLoopbackPort) } | Should -Throw -ErrorId "InvalidClientIdVariable,$script:CommandId" }
        finally { Remove-Item Env:IBCONFIG_CLIENT_ID }
    }

    It 'lets an explicit -ClientId win over an invalid environment value' {
        $env:IBCONFIG_CLIENT_ID = 'abc'
        try { (Test-IbConnection -Port (Get-FreeLoopbackPort) -ClientId 5).ClientId | Should -Be 5 }
        finally { Remove-Item Env:IBCONFIG_CLIENT_ID }
    }

    It 'warns that client id 1 is the bot''s' {
        $null = Test-IbConnection -Port (Get-FreeLoopbackPort) -ClientId 1 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Match 'bots conventionally use'
    }

    It 'rejects port <_> at binding' -ForEach 0, 70000 {
        { Test-IbConnection -Port $_ } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:CommandId"
    }

    It 'rejects a negative client id and a zero time-out at binding' {
        { Test-IbConnection -ClientId -1 } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:CommandId"
        { Test-IbConnection -TimeoutSec 0 } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:CommandId"
    }

    It 'writes a non-terminating error for a blank computer name and goes on with the rest' {
        $port = Get-FreeLoopbackPort
        $results = @(Test-IbConnection -ComputerName ' ', '127.0.0.1' -Port $port -ErrorVariable errors -ErrorAction SilentlyContinue)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "EmptyComputerName,$script:CommandId"
        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Refused'
    }

    It 'rejects an unknown trading mode and names the valid ones' {
        { Test-IbConnection -ExpectTradingMode Demo } | Should -Throw -ErrorId "CannotConvertArgumentNoMessage,$script:CommandId" -ExpectedMessage '*Paper, Live*'
    }
}
