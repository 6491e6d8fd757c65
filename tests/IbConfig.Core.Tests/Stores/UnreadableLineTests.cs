using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

/// <summary>A change into a section holding lines the parser cannot read is refused: it could duplicate the setting such a line hides.</summary>
public class UnreadableLineTests
{
    private static JtsIniStore Store(string text) => new(new JtsIniSettings(IniDocument.Parse(Encoding.UTF8.GetBytes(text), "/ib/jts.ini")));

    private static SettingPlan PlanPort(ISettingsStore store) =>
        store.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "4002") }, allowLivePort: false);

    [Theory]
    [InlineData("[Logon]\ntradingMode=p\n\n[IBGateway]\nApiOnly=true\ns.SocketPort=7497\0\0\0\n", 6)]
    [InlineData("[Logon]\ntradingMode=p\n\n[IBGateway]\n\u0001\u0002\u0003garbage\ns.SocketPort=7497\n", 5)]
    public void A_change_into_a_section_with_binary_lines_is_refused(string text, int badLine)
    {
        var store = Store(text);
        var plan = PlanPort(store);

        var error = Assert.Throws<IbConfigException>(() => store.RefuseUnreadableLines(plan));

        Assert.Equal("ConfigSectionUnreadable", error.ErrorId);
        Assert.Equal(IbErrorKind.InvalidData, error.Kind);
        Assert.Contains($"line {badLine}", error.Message);
        Assert.Contains("[IBGateway]", error.Message);
        Assert.Contains("-Force", error.Message);
    }

    [Fact]
    public void Binary_lines_in_another_section_do_not_stop_the_change()
    {
        var store = Store("[Logon]\nJunk=\0\0\n\n[IBGateway]\ns.SocketPort=7497\n");
        var plan = PlanPort(store);

        store.RefuseUnreadableLines(plan);
        Assert.Single(plan.Changes);
    }

    [Fact]
    public void IBC_config_refuses_a_change_while_any_line_is_unreadable()
    {
        var store = new IbcConfigStore(IbcConfig.Parse(Encoding.UTF8.GetBytes("OverrideTwsApiPort=7497\nIbPassword=\0secret\n"), "/ibc/config.ini"));

        var error = Assert.Throws<IbConfigException>(() => store.RefuseUnreadableLines(PlanPort(store)));

        Assert.Equal("ConfigSectionUnreadable", error.ErrorId);
        Assert.DoesNotContain("secret", error.Message);
    }
}
