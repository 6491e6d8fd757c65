BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:FullId = 'IbConfig.PowerShell.Commands.TestIbPortCommand'

    function Start-LoopbackListener([System.Net.IPAddress] $Address = [System.Net.IPAddress]::Loopback) {
        $listener = [System.Net.Sockets.TcpListener]::new($Address, 0)
        $listener.Start()
        $listener
    }

    # A loopback listener that never accepts, with its backlog filled so the kernel drops every new SYN: a connect gets no
    # answer at all, like a firewalled host. Returns the listener and the sockets queued on it (dispose both).
    function Start-SilentListener {
        $listener = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
        $listener.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
        $listener.Listen(0)
        $queued = [System.Collections.Generic.List[System.Net.Sockets.Socket]]::new()
        for ($i = 0; $i -lt 64; $i++) {
            $client = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
            $connect = $client.ConnectAsync($listener.LocalEndPoint)
            if ($connect.Wait(300)) { $queued.Add($client); continue }
            $client.Dispose()
            return [pscustomobject]@{ Port = $listener.LocalEndPoint.Port; Listener = $listener; Queued = $queued }
        }
        throw 'Could not fill the backlog of a loopback listener.'
    }

    function Stop-SilentListener($Silent) {
        $Silent.Queued | ForEach-Object Dispose
        $Silent.Listener.Dispose()
    }
}

Describe 'Test-IbPort' {
    Context 'statuses' {
        It 'reports an open port with the names Test-NetConnection uses' {
            $listener = Start-LoopbackListener
            try {
                $result = Test-IbPort -Port $listener.LocalEndpoint.Port
                $result | Should -BeOfType ([IbConfig.Core.Network.IbPortResult])
                $result.Status | Should -Be 'Open'
                $result.TcpTestSucceeded | Should -BeTrue
                $result.ComputerName | Should -Be '127.0.0.1'
                $result.RemoteAddress | Should -Be '127.0.0.1'
                $result.Hint | Should -BeNullOrEmpty
                $result.LatencyMs | Should -BeGreaterOrEqual 0
            } finally { $listener.Stop() }
        }

        It 'reports a port nobody listens on as refused, with the guide''s advice' {
            $result = Test-IbPort -Port (Get-FreeLoopbackPort)
            $result.Status | Should -Be 'Refused'
            $result.TcpTestSucceeded | Should -BeFalse
            $result.Hint | Should -Match 'not running'
            $result.Hint | Should -Match 'about_IbConfig'
        }

        It 'reports a silent port as timed out after -TimeoutMs' -Skip:$IsWindows {
            # Windows resets connections to a full backlog instead of dropping them, so only Linux and macOS go silent.
            $silent = Start-SilentListener
            try {
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $result = Test-IbPort -Port $silent.Port -TimeoutMs 300
                $clock.Stop()
                $result.Status | Should -Be 'TimedOut'
                $result.Hint | Should -Match 'firewall'
                $result.Failure | Should -Be 'no answer within 300 ms'
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            } finally { Stop-SilentListener $silent }
        }

        It 'reports a name that does not resolve without sending anything' {
            $result = Test-IbPort -ComputerName 'gateway.invalid' -Port 4002
            $result.Status | Should -Be 'NameNotResolved'
            $result.RemoteAddress | Should -BeNullOrEmpty
            $result.Hint | Should -Match 'did not resolve'
        }

        It 'reaches an IPv6 loopback listener on ::1' {
            $listener = Start-LoopbackListener ([System.Net.IPAddress]::IPv6Loopback)
            try {
                $result = Test-IbPort -ComputerName '::1' -Port $listener.LocalEndpoint.Port
                $result.Status | Should -Be 'Open'
                $result.RemoteAddress | Should -Be '::1'
            } finally { $listener.Stop() }
        }

        It 'says what a conventional port means' {
            $result = Test-IbPort -Port 4001 -TimeoutMs 300
            $result.Product | Should -Be 'Gateway'
            $result.TradingMode | Should -Be 'Live'
        }
    }

    Context 'default ports' {
        It 'probes the paper ports of both products by default' {
            $results = Test-IbPort -TimeoutMs 300
            $results.Port | Should -Be @(7497, 4002)
            $results.TradingMode | Should -Be @('Paper', 'Paper')
        }

        It 'probes only the product asked for, and live ports only when asked' {
            (Test-IbPort -Product Tws -TimeoutMs 300).Port | Should -Be @(7497)
            (Test-IbPort -Product Gateway -TradingMode Any -TimeoutMs 300).Port | Should -Be @(4002, 4001)
            (Test-IbPort -TradingMode Live -TimeoutMs 300).Port | Should -Be @(7496, 4001)
        }

        It 'probes the port configured in this machine''s settings when a settings file is found' {
            $listener = Start-LoopbackListener
            $savedRoot = $env:TWS_SETTINGS_PATH
            try {
                $port = $listener.LocalEndpoint.Port
                $root = Join-Path $TestDrive 'configured-root'
                $null = New-Item $root -ItemType Directory -Force
                Set-Content (Join-Path $root 'jts.ini') "[IBGateway]`ns.SocketPort=$port`ns.ApiEnabled=true`n" -NoNewline
                $env:TWS_SETTINGS_PATH = $root
                $verbose = Test-IbPort -TimeoutMs 500 -Verbose 4>&1
                $result = $verbose | Where-Object { $_ -is [IbConfig.Core.Network.IbPortResult] }
                $result.Port | Should -Be $port
                $result.Status | Should -Be 'Open'
                ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match "the configured port, .*jts\.ini:2 \[IBGateway\] s\.SocketPort"
            } finally {
                $env:TWS_SETTINGS_PATH = $savedRoot
                $listener.Stop()
            }
        }

        It 'asks the default-port source of the test machine, so the configured port can replace the conventional ones' {
            $listener = Start-LoopbackListener
            $original = Get-Variable -Name IbConfigTestMachine -Scope Global -ValueOnly -ErrorAction SilentlyContinue
            try {
                $port = $listener.LocalEndpoint.Port
                Invoke-Expression @"
class ConfiguredPortSource : IbConfig.Core.Network.IDefaultPortSource {
    [IbConfig.Core.Network.DefaultPorts] GetDefaultPorts([System.Nullable[IbConfig.Core.Settings.IbProduct]] `$product, [System.Nullable[IbConfig.Core.Settings.TradingMode]] `$mode) {
        return [IbConfig.Core.Network.DefaultPorts]::new([int[]]@($port), 'test jts.ini')
    }
}
`$global:IbConfigTestMachine = [IbConfig.Core.Machine.IbMachine]::Local.WithDefaultPorts([ConfiguredPortSource]::new())
"@
                $verbose = Test-IbPort -Verbose 4>&1
                ($verbose | Where-Object { $_ -is [IbConfig.Core.Network.IbPortResult] }).Port | Should -Be $port
                ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "No -Port given: using $port (test jts.ini)."
            } finally {
                Set-TestMachine $original
                $listener.Stop()
            }
        }
    }

    Context 'pipeline input, order and -Quiet' {
        BeforeAll {
            $script:Listeners = @(1..3 | ForEach-Object { Start-LoopbackListener })
            $script:OpenPorts = @($script:Listeners | ForEach-Object { $_.LocalEndpoint.Port })
            $script:ClosedPorts = @(1..3 | ForEach-Object { Get-FreeLoopbackPort })
        }
        AfterAll { $script:Listeners | ForEach-Object Stop }

        It 'binds ComputerName and Port from CSV rows and keeps the rows'' order' {
            $csv = Join-Path $TestDrive 'gateways.csv'
            $rows = for ($i = 0; $i -lt 3; $i++) {
                [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $script:ClosedPorts[$i] }
                [pscustomobject]@{ ComputerName = 'localhost'; Port = $script:OpenPorts[$i] }
            }
            $rows | Export-Csv $csv -NoTypeInformation
            $results = Import-Csv $csv | Test-IbPort
            $results.Port | Should -Be @($rows.Port)
            $results.ComputerName | Should -Be @($rows.ComputerName)
            $results.Status | Should -Be @('Refused', 'Open', 'Refused', 'Open', 'Refused', 'Open')
        }

        It 'binds a settings-like object''s SocketPort and a host alias' {
            $result = [pscustomobject]@{ HostName = 'localhost'; SocketPort = $script:OpenPorts[0]; Path = 'C:\Jts\jts.ini' } | Test-IbPort
            $result.ComputerName | Should -Be 'localhost'
            $result.Port | Should -Be $script:OpenPorts[0]
            $result.Status | Should -Be 'Open'
        }

        It 'returns results in input order when later targets finish first' -Skip:$IsWindows {
            # The silent target comes first and finishes last; everything after it must still wait its turn.
            $silent = Start-SilentListener
            try {
                $ports = @($script:ClosedPorts + $script:OpenPorts)
                # Long enough for every open port to answer on a loaded machine; only the silent one may time out.
                $results = Test-IbPort -Port (@($silent.Port) + $ports + $ports) -ThrottleLimit 4 -TimeoutMs 1500
                $results.Port | Should -Be (@($silent.Port) + $ports + $ports)
                $results[0].Status | Should -Be 'TimedOut'
                $results[1..12].Status | Should -Be (@('Refused') * 3 + @('Open') * 3 + @('Refused') * 3 + @('Open') * 3)
            } finally { Stop-SilentListener $silent }
        }

        It 'returns one Boolean per target with -Quiet' {
            $results = Test-IbPort -Port $script:OpenPorts[0], $script:ClosedPorts[0], $script:OpenPorts[1] -Quiet
            $results | Should -Be @($true, $false, $true)
            $results | ForEach-Object { $_ | Should -BeOfType ([bool]) }
        }

        It 'probes every computer on every port' {
            $results = Test-IbPort -ComputerName '127.0.0.1', 'localhost' -Port $script:OpenPorts[0], $script:ClosedPorts[0]
            @($results | ForEach-Object { "$($_.ComputerName):$($_.Port)" }) |
                Should -Be @("127.0.0.1:$($script:OpenPorts[0])", "127.0.0.1:$($script:ClosedPorts[0])", "localhost:$($script:OpenPorts[0])", "localhost:$($script:ClosedPorts[0])")
        }
    }

    Context 'bad input' {
        It 'refuses port <_> with a clear error' -ForEach 0, 70000 {
            { Test-IbPort -Port $_ } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:FullId"
        }

        It 'refuses an empty computer name' {
            { Test-IbPort -ComputerName '' } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:FullId"
        }

        It 'refuses a throttle limit of 0' {
            { Test-IbPort -ThrottleLimit 0 } | Should -Throw -ErrorId "ParameterArgumentValidationError,$script:FullId"
        }

        It 'reports a blank computer name as a per-item error and probes the rest' {
            $listener = Start-LoopbackListener
            try {
                $results = Test-IbPort -ComputerName ' ', '127.0.0.1' -Port $listener.LocalEndpoint.Port -ErrorVariable problems -ErrorAction SilentlyContinue
                $results.Status | Should -Be 'Open'
                $problems.Count | Should -Be 1
                $problems[0].FullyQualifiedErrorId | Should -Be "EmptyComputerName,$script:FullId"
                $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
                "$($problems[0])" | Should -Match 'host name or an address'
            } finally { $listener.Stop() }
        }

        It 'skips a CSV row with a bad port and probes the others' {
            $rows = [pscustomobject]@{ Port = '70000' }, [pscustomobject]@{ Port = "$(Get-FreeLoopbackPort)" }
            $results = $rows | Test-IbPort -ErrorVariable problems -ErrorAction SilentlyContinue
            @($results).Count | Should -Be 1
            $results.Status | Should -Be 'Refused'
            $problems[0].FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:FullId"
        }

        It 'has no -ComputerName with -Listening: it looks at this computer only' {
            { Test-IbPort -Listening -ComputerName 'gateway.invalid' } | Should -Throw -ErrorId "AmbiguousParameterSet,$script:FullId"
        }
    }

    Context 'stopping' {
        It 'stops promptly on Ctrl+C while a probe waits on a silent port' -Skip:$IsWindows {
            $silent = Start-SilentListener
            $listener = Start-LoopbackListener
            $ps = [powershell]::Create()
            try {
                # The open port's result is written at once; once it is out, Test-IbPort is waiting on the silent port.
                $null = $ps.AddScript("Import-Module '$script:ModuleManifestPath'; Test-IbPort -Port $($listener.LocalEndpoint.Port), $($silent.Port) -TimeoutMs 600000")
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                while ($output.Count -eq 0 -and -not $handle.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) { $null = $handle.AsyncWaitHandle.WaitOne(10) }
                $output[0].Status | Should -Be 'Open'
                $handle.IsCompleted | Should -BeFalse
                $clock.Restart()
                $ps.Stop()
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $output.Count | Should -Be 1
            } finally {
                $ps.Dispose()
                $listener.Stop()
                Stop-SilentListener $silent
            }
        }
    }

    Context 'progress' {
        It 'reports progress for more than a handful of targets, and completes it' -Skip:$IsWindows {
            $silent = Start-SilentListener
            $ps = [powershell]::Create()
            try {
                $ports = @($silent.Port) + @(1..6 | ForEach-Object { Get-FreeLoopbackPort })
                $null = $ps.AddScript("Import-Module '$script:ModuleManifestPath'; Test-IbPort -Port $($ports -join ',') -TimeoutMs 300")
                $results = $ps.Invoke()
                $results.Count | Should -Be 7
                $progress = @($ps.Streams.Progress | Where-Object Activity -eq 'Test-IbPort')
                $progress.Count | Should -BeGreaterThan 0
                $progress[-1].RecordType | Should -Be 'Completed'
                $progress[-1].StatusDescription | Should -Be '7 of 7 targets probed'
            } finally {
                $ps.Dispose()
                Stop-SilentListener $silent
            }
        }

        It 'stays quiet for a handful of targets' -Skip:$IsWindows {
            $silent = Start-SilentListener
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$script:ModuleManifestPath'; Test-IbPort -Port $($silent.Port), $(Get-FreeLoopbackPort) -TimeoutMs 300")
                $null = $ps.Invoke()
                @($ps.Streams.Progress | Where-Object Activity -eq 'Test-IbPort').Count | Should -Be 0
            } finally {
                $ps.Dispose()
                Stop-SilentListener $silent
            }
        }
    }

    Context '-Listening' {
        It 'finds this pwsh process listening on 127.0.0.1 only' -Skip:$IsMacOS {
            $listener = Start-LoopbackListener
            try {
                $found = Test-IbPort -Port $listener.LocalEndpoint.Port -Listening
                $found | Should -BeOfType ([IbConfig.Core.Network.IbPortListener])
                @($found).Count | Should -Be 1
                $found.LocalAddress | Should -Be '127.0.0.1'
                $found.Scope | Should -Be 'LoopbackOnly'
                $found.ProcessId | Should -Be $PID
                $found.ProcessName | Should -Be (Get-Process -Id $PID).ProcessName
            } finally { $listener.Stop() }
        }

        It 'says plainly when nothing listens' {
            $found = Test-IbPort -Port (Get-FreeLoopbackPort) -Listening
            $found.Scope | Should -BeIn 'NotListening', 'Unknown'
            $found.Note | Should -Not -BeNullOrEmpty
            $found.ProcessId | Should -BeNullOrEmpty
        }

        It 'looks at the default paper ports when no port is given' {
            (Test-IbPort -Listening -Product Gateway).Port | Should -Be 4002
        }
    }

    Context 'help' {
        It 'documents the statuses and the listener check' {
            $help = Get-Help Test-IbPort -Full | Out-String
            $help | Should -Match 'Refused'
            $help | Should -Match 'TimedOut'
            $help | Should -Match 'Listening'
        }
    }
}
