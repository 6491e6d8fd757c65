BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # The NetSecurity commands the cmdlet calls. Off Windows they do not exist, and Pester can only mock commands that
    # exist: stub definitions stand in (removed again in AfterAll so the off-Windows tests see a machine without them).
    $script:NetSecurityCommands = 'Get-NetFirewallRule', 'Get-NetFirewallPortFilter', 'Get-NetFirewallAddressFilter', 'Get-NetFirewallApplicationFilter'

    function New-FirewallRuleFixture {
        # One rule as the four NetSecurity commands return it: the rule and its three filters, joined by InstanceID.
        param([string] $Id, [string] $DisplayName, [string] $Action = 'Allow', [object] $LocalPort = 'Any', [object] $RemoteAddress = 'Any',
            [string] $Protocol = 'TCP', [string] $Program = 'Any', [string] $Enabled = 'True', [string] $Direction = 'Inbound')
        [pscustomobject]@{
            Rule    = [pscustomobject]@{ Name = $Id; InstanceID = $Id; DisplayName = $DisplayName; Enabled = $Enabled; Direction = $Direction; Action = $Action }
            Port    = [pscustomobject]@{ InstanceID = $Id; Protocol = $Protocol; LocalPort = $LocalPort }
            Address = [pscustomobject]@{ InstanceID = $Id; RemoteAddress = $RemoteAddress }
            Program = [pscustomobject]@{ InstanceID = $Id; Program = $Program }
        }
    }

    function Set-FirewallFixture {
        # Mocks the four commands to report these rules (filters in reverse order: the join must not rely on order).
        param([object[]] $Fixture)
        $rules = @($Fixture | ForEach-Object Rule)
        $ports = @($Fixture | ForEach-Object Port); [array]::Reverse($ports)
        $addresses = @($Fixture | ForEach-Object Address)
        $programs = @($Fixture | ForEach-Object Program)
        Mock Get-NetFirewallRule { $rules }.GetNewClosure()
        Mock Get-NetFirewallPortFilter { $ports }.GetNewClosure()
        Mock Get-NetFirewallAddressFilter { $addresses }.GetNewClosure()
        Mock Get-NetFirewallApplicationFilter { $programs }.GetNewClosure()
    }
}

Describe 'Test-IbFirewallRule off Windows' -Skip:($env:OS -eq 'Windows_NT') {
    It 'stops with PlatformNotSupported and points to the Linux equivalents' {
        Get-Command Get-NetFirewallRule -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Test-IbFirewallRule -Port 7497 -ErrorAction Stop } | Should -Throw -ErrorId 'PlatformNotSupported,IbConfig.PowerShell.Commands.TestIbFirewallRuleCommand'
        try { Test-IbFirewallRule } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'Windows Defender Firewall exists only on Windows'
        $err.Exception.Message | Should -Match 'Test-IbPort -Listening'
    }

    It 'fails once, not once per piped port' {
        $errors = @()
        try { 7497, 4002 | Test-IbFirewallRule } catch { $errors += $_ }
        $errors | Should -HaveCount 1
    }
}

Describe 'Test-IbFirewallRule reads the rules through NetSecurity (mocked)' {
    BeforeAll {
        $script:Stubbed = @()
        foreach ($name in $script:NetSecurityCommands) {
            if (-not (Get-Command $name -ErrorAction SilentlyContinue)) {
                # A stub with the parameters the cmdlet passes, so parameter binding is checked as on Windows.
                $null = New-Item -Path "Function:\global:$name" -Value {
                    param([switch] $All, [string] $PolicyStore, [string[]] $Direction, [string[]] $Enabled)
                    throw 'stub: mock me'
                }
                $script:Stubbed += $name
            }
        }
    }
    AfterAll {
        foreach ($name in $script:Stubbed) { Remove-Item "Function:\global:$name" }
    }

    It 'reports NoRule when no enabled inbound rule covers the port' {
        Set-FirewallFixture @(New-FirewallRuleFixture -Id 'RemoteDesktop-UserMode-In-TCP' -DisplayName 'Remote Desktop - User Mode (TCP-In)' -LocalPort '3389')
        $result = Test-IbFirewallRule -Port 4002
        $result.Status | Should -Be 'NoRule'
        $result.InboundAllowed | Should -BeFalse
        $result.LimitedToLoopback | Should -BeTrue
        $result.Remedy | Should -BeNullOrEmpty
    }

    It 'asks for the active policy, the enabled inbound rules and every filter, once for all ports' {
        Set-FirewallFixture @(New-FirewallRuleFixture -Id '{1}' -DisplayName 'x' -LocalPort '7497' -RemoteAddress '127.0.0.1')
        $null = 7497, 4002 | Test-IbFirewallRule
        Should -Invoke Get-NetFirewallRule -Times 1 -Exactly -ParameterFilter { $PolicyStore -eq 'ActiveStore' -and $Direction -eq 'Inbound' -and $Enabled -eq 'True' }
        foreach ($filter in 'Get-NetFirewallPortFilter', 'Get-NetFirewallAddressFilter', 'Get-NetFirewallApplicationFilter') {
            Should -Invoke $filter -Times 1 -Exactly -ParameterFilter { $All -and $PolicyStore -eq 'ActiveStore' }
        }
    }

    It 'reports LoopbackOnly for a port rule limited to 127.0.0.1 and ::1' {
        Set-FirewallFixture @(New-FirewallRuleFixture -Id '{6A1C}' -DisplayName 'IB Gateway API (paper)' -LocalPort '7497' -RemoteAddress @('127.0.0.1', '::1'))
        $result = Test-IbFirewallRule -Port 7497
        $result.Status | Should -Be 'LoopbackOnly'
        $result.AllowRules | Should -Be @('IB Gateway API (paper) (from 127.0.0.1,::1)')
        $result.Remedy | Should -BeNullOrEmpty
    }

    It 'reports Exposed for the program rule "Allow access" creates, and gives the remedy by rule Name' {
        $id = 'TCP Query User{B2F1}C:\jts\ibgateway\1030\jre\bin\java.exe'
        Set-FirewallFixture @(New-FirewallRuleFixture -Id $id -DisplayName 'OpenJDK Platform binary' -RemoteAddress 'LocalSubnet' -Program 'C:\Jts\ibgateway\1030\jre\bin\java.exe')
        $result = Test-IbFirewallRule -Port 4002
        $result.Status | Should -Be 'Exposed'
        $result.LimitedToLoopback | Should -BeFalse
        $result.ExposingRules | Should -Be @('OpenJDK Platform binary (from LocalSubnet)')
        $result.Remedy | Should -BeExactly "Set-NetFirewallRule -Name '$id' -RemoteAddress 127.0.0.1"
    }

    It 'warns when a live port is exposed' {
        Set-FirewallFixture @(New-FirewallRuleFixture -Id '{7C02}' -DisplayName 'Live API from the LAN' -LocalPort '4001' -RemoteAddress '192.168.1.0/255.255.255.0')
        $result = Test-IbFirewallRule -Port 4001 -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Status | Should -Be 'Exposed'
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match "live-trading port"
    }

    It 'reports Blocked when a block rule covers the port for any address, even beside an exposing rule' {
        Set-FirewallFixture @(
            New-FirewallRuleFixture -Id '{9E24}' -DisplayName 'Block gateway paper port' -Action 'Block' -LocalPort '4002'
            New-FirewallRuleFixture -Id '{1}' -DisplayName 'Java' -Program 'C:\Jts\ibgateway\1030\ibgateway.exe')
        $result = Test-IbFirewallRule -Port 4002
        $result.Status | Should -Be 'Blocked'
        $result.BlockRules | Should -Be @('Block gateway paper port (from Any)')
        $result.ExposingRules | Should -Be @('Java (from Any)')
    }

    It 'reads a German Windows: the localised display name is shown, the decision uses the enum names and filters' {
        $id = '{0B5B7C2A-German}'
        Set-FirewallFixture @(New-FirewallRuleFixture -Id $id -DisplayName 'IB-Gateway – Zugriff für Händler (TCP eingehend)' -LocalPort '4002' -RemoteAddress 'Any')
        $result = Test-IbFirewallRule -Port 4002
        $result.Status | Should -Be 'Exposed'
        $result.ExposingRules | Should -Be @('IB-Gateway – Zugriff für Händler (TCP eingehend) (from Any)')
        $result.Remedy | Should -BeExactly "Set-NetFirewallRule -Name '$id' -RemoteAddress 127.0.0.1"
    }

    It 'ignores disabled rules, outbound rules, UDP rules and other programs' {
        Set-FirewallFixture @(
            New-FirewallRuleFixture -Id '{a}' -DisplayName 'Disabled' -Enabled 'False' -LocalPort '7497'
            New-FirewallRuleFixture -Id '{b}' -DisplayName 'Outbound' -Direction 'Outbound' -LocalPort '7497'
            New-FirewallRuleFixture -Id '{c}' -DisplayName 'UDP' -Protocol 'UDP' -LocalPort '7497'
            New-FirewallRuleFixture -Id '{d}' -DisplayName 'Edge' -Program 'C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe')
        (Test-IbFirewallRule -Port 7497).Status | Should -Be 'NoRule'
    }

    It 'understands port lists, ranges and Any' -TestCases @(
        @{ LocalPort = @('7496', '7497'); Port = 7497; Expected = 'Exposed' }
        @{ LocalPort = '7000-8000'; Port = 7497; Expected = 'Exposed' }
        @{ LocalPort = '7000-7400'; Port = 7497; Expected = 'NoRule' }
        @{ LocalPort = 'Any'; Port = 4001; Expected = 'Exposed' }
        @{ LocalPort = 'RPC'; Port = 4001; Expected = 'NoRule' }
    ) {
        Set-FirewallFixture @(New-FirewallRuleFixture -Id '{p}' -DisplayName 'Ports' -LocalPort $LocalPort -Protocol 'Any')
        (Test-IbFirewallRule -Port $Port -WarningAction SilentlyContinue).Status | Should -Be $Expected
    }

    It 'treats a rule whose filter is missing as Any (the cautious reading)' {
        $rule = New-FirewallRuleFixture -Id '{lonely}' -DisplayName 'No filters'
        Mock Get-NetFirewallRule { $rule.Rule }.GetNewClosure()
        Mock Get-NetFirewallPortFilter { }
        Mock Get-NetFirewallAddressFilter { }
        Mock Get-NetFirewallApplicationFilter { }
        (Test-IbFirewallRule -Port 7497).Status | Should -Be 'Exposed'
    }

    It 'turns a NetSecurity failure into FirewallRulesUnreadable' {
        Set-FirewallFixture @()
        Mock Get-NetFirewallRule { throw [Microsoft.PowerShell.Commands.WriteErrorException]::new('Access is denied.') }
        try { Test-IbFirewallRule -Port 7497 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'FirewallRulesUnreadable,IbConfig.PowerShell.Commands.TestIbFirewallRuleCommand'
        $err.CategoryInfo.Category | Should -Be 'ReadError'
        $err.Exception.Message | Should -Match 'Access is denied'
    }

    It 'says which command it reads with -Verbose' {
        Set-FirewallFixture @()
        $verbose = Test-IbFirewallRule -Port 7497 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        "$verbose" | Should -Match 'Get-NetFirewallRule'
        "$verbose" | Should -Match '0 enabled inbound rules'
    }
}

Describe 'Test-IbFirewallRule parameters' {
    It 'validates the port range' {
        { Test-IbFirewallRule -Port 70000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IbConfig.PowerShell.Commands.TestIbFirewallRuleCommand'
    }
}
