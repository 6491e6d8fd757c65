BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Test-IbFirewallRule off Windows' -Skip:($env:OS -eq 'Windows_NT') {
    It 'stops with PlatformNotSupported and points to the Linux equivalents' {
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

Describe 'Test-IbFirewallRule on Windows' -Skip:($env:OS -ne 'Windows_NT') {
    It 'returns one result per port with a status' {
        $results = Test-IbFirewallRule -Port 7497, 4002
        $results | Should -HaveCount 2
        $results.Status | ForEach-Object { $_ | Should -BeIn @('NoRule', 'LoopbackOnly', 'Exposed', 'Blocked') }
    }
}

Describe 'Test-IbFirewallRule parameters' {
    It 'validates the port range' {
        { Test-IbFirewallRule -Port 70000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IbConfig.PowerShell.Commands.TestIbFirewallRuleCommand'
    }
}
