using IbConfig.Core.Errors;

namespace IbConfig.Core.Firewall;

/// <summary>The ways reading the firewall rules can fail, each with a stable id and what to do about it.</summary>
public static class FirewallFailure
{
    public static IbConfigException NetSecurityUnavailable(string why) =>
        new("NetSecurityUnavailable", IbErrorKind.ResourceUnavailable,
            $"The NetSecurity module (Get-NetFirewallRule) is not available: {why} It ships with Windows 8 / Server 2012 and later; " +
            "on Server Core or a trimmed image add it back, or check the rules in 'Windows Defender Firewall with Advanced Security'.", "NetSecurity");

    public static IbConfigException RulesUnreadable(string why) =>
        new("FirewallRulesUnreadable", IbErrorKind.ReadError,
            $"The firewall rules could not be read through the NetSecurity module: {why} Check that the Windows Defender Firewall service (mpssvc) is running.", "NetSecurity");
}
