using IbConfig.Core.Errors;
using IbConfig.Core.Firewall;
using IbConfig.Core.Windows;

namespace IbConfig.Core.Tests.Firewall;

public class FirewallAssessmentTests
{
    private static readonly IReadOnlyList<FirewallRule> Rules = NetshFirewallRuleParser.Parse(NetshSample.Inbound.Replace("\n", "\r\n"));

    [Fact]
    public void Netsh_blocks_become_rules_with_their_fields()
    {
        Assert.Equal(7, Rules.Count);
        var paper = Rules[0];
        Assert.Equal("IB Gateway API (paper)", paper.Name);
        Assert.True(paper.Enabled);
        Assert.True(paper.IsInbound);
        Assert.True(paper.Allows);
        Assert.Equal("127.0.0.1/32", paper.RemoteIP);
        Assert.Equal("7497", paper.LocalPort);
        Assert.Equal("Any", paper.Program);
        Assert.Equal(@"C:\Jts\ibgateway\1030\jre\bin\java.exe", Rules[1].Program);
        Assert.False(Rules[3].Enabled);
        Assert.True(Rules[4].Blocks);
    }

    [Fact]
    public void A_port_allowed_only_from_loopback_is_limited_to_loopback()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.Name != "OpenJDK Platform binary"), 7497, "TRADER01");
        Assert.Equal(FirewallExposure.LoopbackOnly, result.Status);
        Assert.True(result.InboundAllowed);
        Assert.True(result.LimitedToLoopback);
        Assert.Equal(new[] { "IB Gateway API (paper) (from 127.0.0.1/32)" }, result.AllowRules);
        Assert.Empty(result.Remedy);
    }

    [Fact]
    public void A_program_rule_for_ibs_java_with_any_port_exposes_every_api_port_to_the_subnet()
    {
        var result = FirewallAssessment.Assess(Rules, 7497, "TRADER01");
        Assert.Equal(FirewallExposure.Exposed, result.Status);
        Assert.False(result.LimitedToLoopback);
        Assert.Equal(new[] { "OpenJDK Platform binary (from LocalSubnet)" }, result.ExposingRules);
        Assert.Equal("Set-NetFirewallRule -DisplayName 'OpenJDK Platform binary' -RemoteAddress 127.0.0.1", result.Remedy);
    }

    [Fact]
    public void A_port_in_a_list_with_a_lan_address_is_exposed()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.Name == "Live API from the LAN"), 4001, "TRADER01");
        Assert.Equal(FirewallExposure.Exposed, result.Status);
    }

    [Fact]
    public void A_block_rule_from_any_address_wins_over_allow_rules()
    {
        var result = FirewallAssessment.Assess(Rules, 4002, "TRADER01");
        Assert.Equal(FirewallExposure.Blocked, result.Status);
        Assert.Equal(new[] { "Block gateway paper port (from Any)" }, result.BlockRules);
        Assert.True(result.LimitedToLoopback);
    }

    [Fact]
    public void Disabled_udp_and_other_programs_rules_do_not_count()
    {
        var result = FirewallAssessment.Assess(Rules.Where(r => r.Name is "Old gateway rule" or "Microsoft Edge (mDNS-In)" or "Remote Desktop - User Mode (TCP-In)"), 4002, "TRADER01");
        Assert.Equal(FirewallExposure.NoRule, result.Status);
        Assert.False(result.InboundAllowed);
        Assert.True(result.LimitedToLoopback);
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

    [Fact]
    public void Localised_netsh_output_is_refused_rather_than_read_as_no_rules()
    {
        var ex = Assert.Throws<IbConfigException>(() => NetshFirewallRuleParser.Parse(NetshSample.German));
        Assert.Equal("FirewallOutputUnrecognized", ex.ErrorId);
        Assert.Contains("Get-NetFirewallPortFilter", ex.Message);
    }

    [Fact]
    public void No_rules_is_an_empty_list()
    {
        var runner = new FixedRunner(new ProgramOutput(1, "No rules match the specified criteria.\r\n", ""));
        Assert.Empty(new NetshFirewall(runner).InboundRules());
        Assert.Equal(NetshFirewall.ShowInboundRules, runner.Arguments);
    }

    [Fact]
    public void A_netsh_failure_is_a_read_error()
    {
        var ex = Assert.Throws<IbConfigException>(() => new NetshFirewall(new FixedRunner(new ProgramOutput(1, "", "The requested operation requires elevation."))).InboundRules());
        Assert.Equal("FirewallRulesUnreadable", ex.ErrorId);
        Assert.Contains("elevation", ex.Message);
    }

    private sealed class FixedRunner(ProgramOutput output) : IProgramRunner
    {
        public IReadOnlyList<string>? Arguments { get; private set; }

        public ProgramOutput Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
        {
            Assert.Equal("netsh.exe", program);
            Arguments = arguments;
            return output;
        }
    }
}
