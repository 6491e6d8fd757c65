using IbConfig.Core.Firewall;

namespace IbConfig.Core.Tests.Firewall;

public class FirewallAssessmentTests
{
    // The shapes Windows really has: a port rule per API port, the program rule "Allow access" creates (any port, the
    // subnet), a disabled rule, a block rule, and other programs' rules. Ids are InstanceIDs; display names are free text.
    private static readonly FirewallRule[] Rules =
    {
        Rule("{6A1C}", "IB Gateway API (paper)", "Allow", "7497", "127.0.0.1/32"),
        Rule("TCP Query User{B2F1}C:\\jts\\ibgateway\\1030\\jre\\bin\\java.exe", "OpenJDK Platform binary", "Allow", "Any", "LocalSubnet",
            program: "C:\\Jts\\ibgateway\\1030\\jre\\bin\\java.exe"),
        Rule("{7C02}", "Live API from the LAN", "Allow", "4000-4001,7496", "127.0.0.1,192.168.1.0/255.255.255.0"),
        Rule("{8D13}", "Old gateway rule", "Allow", "4002", "Any", enabled: false),
        Rule("{9E24}", "Block gateway paper port", "Block", "4002", "Any"),
        Rule("MDNS-In-UDP", "Microsoft Edge (mDNS-In)", "Allow", "5353", "Any", protocol: "UDP", program: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"),
        Rule("RemoteDesktop-UserMode-In-TCP", "Remote Desktop - User Mode (TCP-In)", "Allow", "3389", "Any", program: "%SystemRoot%\\system32\\svchost.exe"),
    };

    private static FirewallRule Rule(string id, string displayName, string action, string localPort, string remoteAddress,
        bool enabled = true, string protocol = "TCP", string program = "Any", string direction = "Inbound") =>
        new() { Id = id, DisplayName = displayName, Enabled = enabled, Direction = direction, Action = action, Protocol = protocol,
            LocalPort = localPort, RemoteAddress = remoteAddress, Program = program };

    [Fact]
    public void A_port_allowed_only_from_loopback_is_limited_to_loopback()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.DisplayName != "OpenJDK Platform binary"), 7497, "TRADER01");
        Assert.Equal(FirewallExposure.LoopbackOnly, result.StatusValue);
        Assert.True(result.InboundAllowed);
        Assert.True(result.LimitedToLoopback);
        Assert.Equal(new[] { "IB Gateway API (paper) (from 127.0.0.1/32)" }, result.AllowRules);
        Assert.Empty(result.Remedy);
    }

    [Fact]
    public void A_program_rule_for_ibs_java_with_any_port_exposes_every_api_port_to_the_subnet()
    {
        var result = FirewallAssessment.Assess(Rules, 7497, "TRADER01");
        Assert.Equal(FirewallExposure.Exposed, result.StatusValue);
        Assert.False(result.LimitedToLoopback);
        Assert.Equal(new[] { "OpenJDK Platform binary (from LocalSubnet)" }, result.ExposingRules);
        Assert.Equal("Set-NetFirewallRule -Name 'TCP Query User{B2F1}C:\\jts\\ibgateway\\1030\\jre\\bin\\java.exe' -RemoteAddress 127.0.0.1", result.Remedy);
    }

    [Fact]
    public void A_port_in_a_range_with_a_lan_subnet_is_exposed()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.DisplayName == "Live API from the LAN"), 4001, "TRADER01");
        Assert.Equal(FirewallExposure.Exposed, result.StatusValue);
        Assert.Equal("Set-NetFirewallRule -Name '{7C02}' -RemoteAddress 127.0.0.1", result.Remedy);
    }

    [Fact]
    public void A_block_rule_from_any_address_wins_over_allow_rules()
    {
        var result = FirewallAssessment.Assess(Rules, 4002, "TRADER01");
        Assert.Equal(FirewallExposure.Blocked, result.StatusValue);
        Assert.Equal(new[] { "Block gateway paper port (from Any)" }, result.BlockRules);
        Assert.True(result.LimitedToLoopback);
    }

    [Fact]
    public void Disabled_udp_and_other_programs_rules_do_not_count()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.DisplayName is "Old gateway rule" or "Microsoft Edge (mDNS-In)" or "Remote Desktop - User Mode (TCP-In)"), 4002, "TRADER01");
        Assert.Equal(FirewallExposure.NoRule, result.StatusValue);
        Assert.False(result.InboundAllowed);
        Assert.True(result.LimitedToLoopback);
    }

    [Fact]
    public void Outbound_rules_do_not_count()
    {
        var result = FirewallAssessment.Assess(new[] { Rule("{OUT}", "Java out", "Allow", "Any", "Any", direction: "Outbound") }, 7497, "TRADER01");
        Assert.Equal(FirewallExposure.NoRule, result.StatusValue);
    }

    [Fact]
    public void A_rule_without_an_id_is_fixed_by_its_display_name()
    {
        var result = FirewallAssessment.Assess(new[] { Rule("", "Pare-feu IB", "Allow", "7497", "Any") }, 7497, "TRADER01");
        Assert.Equal("Set-NetFirewallRule -DisplayName 'Pare-feu IB' -RemoteAddress 127.0.0.1", result.Remedy);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.1/32", true)]
    [InlineData("127.0.0.0/8", true)]
    [InlineData("127.0.0.0/255.0.0.0", true)]
    [InlineData("127.0.0.1-127.0.0.9", true)]
    [InlineData("::1,127.0.0.1", true)]
    [InlineData("127.0.0.0/7", false)]
    [InlineData("Any", false)]
    [InlineData("LocalSubnet", false)]
    [InlineData("127.0.0.1,10.0.0.5", false)]
    [InlineData("0.0.0.0/0", false)]
    public void Loopback_only_means_every_entry_is_in_127_slash_8_or_is_ipv6_loopback(string remoteIps, bool expected) =>
        Assert.Equal(expected, FirewallAssessment.IsLoopbackOnly(remoteIps));

    [Theory]
    [InlineData("Any", 7497, true)]
    [InlineData("7496,7497", 7497, true)]
    [InlineData("7000-8000", 7497, true)]
    [InlineData("7000-7400", 7497, false)]
    [InlineData("RPC", 7497, false)]
    public void Port_lists_ranges_and_any_are_understood(string localPorts, int port, bool expected) =>
        Assert.Equal(expected, FirewallAssessment.CoversPort(localPorts, port));
}
