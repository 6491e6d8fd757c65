using IbConfig.Core.Errors;
using IbConfig.Core.Firewall;

namespace IbConfig.Core.Tests.Firewall;

public class FirewallFailureTests
{
    // Each failure of the catalogue: its id, its kind, the cause it must carry and what it tells the user to do.
    public static TheoryData<IbConfigException, string, IbErrorKind, string, string> Catalogue => new()
    {
        { FirewallFailure.NetSecurityUnavailable("'Get-NetFirewallRule' is not recognized."), "NetSecurityUnavailable", IbErrorKind.ResourceUnavailable,
            "'Get-NetFirewallRule' is not recognized.", "Windows Defender Firewall with Advanced Security" },
        { FirewallFailure.RulesUnreadable("Access is denied."), "FirewallRulesUnreadable", IbErrorKind.ReadError, "Access is denied.", "mpssvc" },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Every_failure_has_its_id_and_kind_keeps_the_cause_and_says_what_to_do(IbConfigException ex, string id, IbErrorKind kind, string cause, string advice)
    {
        Assert.Equal(id, ex.ErrorId);
        Assert.Equal(kind, ex.Kind);
        Assert.Contains(cause, ex.Message);
        Assert.Contains(advice, ex.Message);
    }
}
