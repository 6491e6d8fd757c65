using IbConfig.Core.Errors;
using IbConfig.Core.Firewall;

namespace IbConfig.Core.Tests.Firewall;

public class FirewallFailureTests
{
    [Fact]
    public void A_missing_netsecurity_module_is_unavailable_and_says_where_else_to_look()
    {
        var ex = FirewallFailure.NetSecurityUnavailable("The term 'Get-NetFirewallRule' is not recognized.");
        Assert.Equal("NetSecurityUnavailable", ex.ErrorId);
        Assert.Equal(IbErrorKind.ResourceUnavailable, ex.Kind);
        Assert.Contains("Get-NetFirewallRule' is not recognized", ex.Message);
        Assert.Contains("Windows Defender Firewall with Advanced Security", ex.Message);
    }

    [Fact]
    public void Unreadable_rules_are_a_read_error_that_keeps_the_cause()
    {
        var ex = FirewallFailure.RulesUnreadable("Access is denied.");
        Assert.Equal("FirewallRulesUnreadable", ex.ErrorId);
        Assert.Equal(IbErrorKind.ReadError, ex.Kind);
        Assert.Contains("Access is denied.", ex.Message);
        Assert.Contains("mpssvc", ex.Message);
    }
}
