using System.Text;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class JtsIniSettingsTests
{
    private const string GuideLayout =
        "[IBGateway]\ns.SocketPort=7497\ns.ApiEnabled=true\ns.ReadOnlyApi=false\ns.TrustedIPs=127.0.0.1\ns.MasterClientId=0\n" +
        "s.SocketPortSecurityLevel=0\ns.DownloadOpenOrders=true\ns.AllowAccountRequests=true\ns.ExposeTradingSchedule=false\n" +
        "s.NegativeAutoOrderIds=false\ns.BypassOrderPrecautions=false\ns.MarketDataLines=100\n\n" +
        "[Startup]\ns.AutoRestartTime=23:55:00\ns.AutoLogoffTime=23:50:00\n";

    private const string RealLayout =
        "[IBGateway]\r\nWriteDebug=false\r\nTrustedIPs=127.0.0.1,10.0.0.5\r\nLocalServerPort=4000\r\nApiOnly=true\r\n\r\n" +
        "[Logon]\r\ntradingMode=p\r\nLocale=en\r\nUserNameToDirectory=dXNlcg==,darykqabcdef\r\n\r\n" +
        "[Communication]\r\nPeer=gdc1.ibllc.com:4001\r\n\r\n[settings]\r\ndarykqabcdef=1731627045123\r\nsecondprofile=1731627045999\r\n";

    private static JtsIniSettings Settings(string text, string? path = "/jts/jts.ini") =>
        new(IniDocument.Parse(new UTF8Encoding(false).GetBytes(text), path));

    private static string Text(JtsIniSettings settings) => Encoding.UTF8.GetString(settings.Document.ToBytes());

    [Fact]
    public void The_guide_layout_reads_into_typed_values()
    {
        var settings = Settings(GuideLayout).Read();
        Assert.Equal(JtsIniLayout.Guide, settings.LayoutValue);
        Assert.Equal(7497, settings.SocketPort);
        Assert.Equal(7497, settings.Port);
        Assert.True(settings.ApiEnabled);
        Assert.False(settings.ReadOnlyApi);
        Assert.Equal(new[] { "127.0.0.1" }, settings.TrustedIps);
        Assert.Equal(0, settings.MasterClientId);
        Assert.Equal(0, settings.SocketPortSecurityLevel);
        Assert.True(settings.DownloadOpenOrders);
        Assert.True(settings.AllowAccountRequests);
        Assert.False(settings.ExposeTradingSchedule);
        Assert.False(settings.NegativeAutoOrderIds);
        Assert.False(settings.BypassOrderPrecautions);
        Assert.Equal(100, settings.MarketDataLines);
        Assert.Equal(new TimeSpan(23, 55, 0), settings.AutoRestartTimeValue);
        Assert.Equal(new TimeSpan(23, 50, 0), settings.AutoLogoffTimeValue);
        Assert.Null(settings.TradingMode);
        Assert.Empty(settings.Warnings);
    }

    [Fact]
    public void Every_value_names_its_file_section_key_and_line()
    {
        var port = Settings(GuideLayout).Read().Get("socketport")!;
        Assert.Equal(SettingStore.JtsIni, port.Source.StoreValue);
        Assert.Equal("/jts/jts.ini", port.Source.Path);
        Assert.Equal("IBGateway", port.Source.Section);
        Assert.Equal("s.SocketPort", port.Source.Key);
        Assert.Equal(2, port.Source.LineNumber);
        Assert.Equal("/jts/jts.ini:2 [IBGateway] s.SocketPort", port.Source.ToString());
        Assert.Equal("7497", port.Text);
    }

    [Fact]
    public void The_real_layout_reads_trusted_ips_api_only_trading_mode_and_profiles()
    {
        var settings = Settings(RealLayout).Read();
        Assert.Equal(JtsIniLayout.Real, settings.LayoutValue);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5" }, settings.TrustedIps);
        Assert.True(settings.ApiOnly);
        Assert.Equal(TradingMode.Paper, settings.TradingModeValue);
        Assert.Equal(new[] { "darykqabcdef", "secondprofile" }, settings.ProfileDirectories);
        Assert.Empty(settings.Warnings);
    }

    [Fact]
    public void LocalServerPort_is_not_taken_for_the_api_port()
    {
        var settings = Settings(RealLayout).Read();
        Assert.Equal(4000, settings.LocalServerPort);
        Assert.Null(settings.SocketPort);
        Assert.Null(settings.Port);
    }

    [Fact]
    public void When_guide_and_real_trusted_ips_disagree_the_real_key_counts_and_a_warning_says_so()
    {
        var settings = Settings("[IBGateway]\nTrustedIPs=127.0.0.1,10.0.0.5\ns.TrustedIPs=127.0.0.1\n").Read();
        Assert.Equal(JtsIniLayout.Both, settings.LayoutValue);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5" }, settings.TrustedIps);
        var value = settings.Get("TrustedIps")!;
        Assert.Equal("TrustedIPs", value.Source.Key);
        var overridden = Assert.Single(value.OverriddenValues);
        Assert.Equal("s.TrustedIPs", overridden.Source.Key);
        var record = Assert.Single(value.Overridden);
        Assert.Equal(("JtsIni", "127.0.0.1", "[IBGateway] s.TrustedIPs", (int?)3), (record.Store, record.Value, record.Location, record.LineNumber));
        var warning = Assert.Single(settings.Warnings);
        Assert.Equal("TrustedIpsDisagree", warning.Code);
        Assert.Contains("s.TrustedIPs", warning.Message);
    }

    [Fact]
    public void Trusted_ips_that_agree_by_address_raise_no_warning()
    {
        Assert.Empty(Settings("[IBGateway]\nTrustedIPs=10.0.0.5,127.0.0.1\ns.TrustedIPs=127.000.0.1, 10.0.0.5\n").Read().Warnings);
    }

    [Theory]
    [InlineData("s.SocketPort=70000", "SocketPort", "1 to 65535")]
    [InlineData("s.MasterClientId=10000", "MasterClientId", "9999")]
    [InlineData("s.ApiEnabled=yes", "ApiEnabled", "true or false")]
    [InlineData("s.TrustedIPs=127.0.0.1,10.0.0.0/8", "TrustedIps", "CIDR")]
    public void A_value_that_does_not_parse_is_kept_as_text_with_a_warning(string line, string name, string message)
    {
        var settings = Settings("[IBGateway]\n" + line + "\n").Read();
        var value = settings.Get(name)!;
        Assert.False(value.IsValid);
        Assert.Contains(message, value.Problem);
        var warning = Assert.Single(settings.Warnings);
        Assert.Equal(("InvalidValue", 2), (warning.Code, warning.LineNumber));
    }

    [Fact]
    public void Valid_trusted_ips_still_count_beside_a_bad_entry()
    {
        Assert.Equal(new[] { "127.0.0.1" }, Settings("[IBGateway]\ns.TrustedIPs=127.0.0.1,host.example\n").Read().TrustedIps);
    }

    [Fact]
    public void Logoff_at_or_after_restart_and_a_port_against_the_trading_mode_are_warned()
    {
        var settings = Settings("[IBGateway]\ns.SocketPort=7496\n[Startup]\ns.AutoRestartTime=23:00\ns.AutoLogoffTime=23:30\n[Logon]\ntradingMode=p\n").Read();
        Assert.Equal(new[] { "AutoLogoffNotBeforeRestart", "PortTradingModeMismatch" }, settings.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Malformed_lines_become_warnings_with_their_line()
    {
        var warning = Assert.Single(Settings("[IBGateway]\ngarbage\ns.SocketPort=7497\n").Read().Warnings);
        Assert.Equal(("IniMissingEquals", 2), (warning.Code, warning.LineNumber));
    }

    [Fact]
    public void A_plan_lists_old_and_new_per_key_and_leaves_the_document_alone()
    {
        var jts = Settings(GuideLayout);
        var plan = jts.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "4002"), new SettingRequest(SettingDefinition.ApiEnabled, "true") }, allowLivePort: false);
        Assert.True(plan.CanApply);
        var change = Assert.Single(plan.Changes);
        Assert.Equal("[IBGateway] s.SocketPort: 7497 -> 4002 (line 2)", change.ToString());
        Assert.Equal(GuideLayout, Text(jts));

        jts.Apply(plan);
        Assert.Equal(GuideLayout.Replace("s.SocketPort=7497", "s.SocketPort=4002"), Text(jts));
    }

    [Fact]
    public void Each_bad_value_is_its_own_error_and_nothing_is_planned()
    {
        var plan = Settings(GuideLayout).Plan(new[]
        {
            new SettingRequest(SettingDefinition.SocketPort, "0"),
            new SettingRequest(SettingDefinition.MasterClientId, "10000"),
            new SettingRequest(SettingDefinition.AutoRestartTime, "25:00"),
            new SettingRequest(SettingDefinition.ReadOnlyApi, "true"),
        }, allowLivePort: false);
        Assert.False(plan.CanApply);
        Assert.Empty(plan.Changes);
        Assert.Equal(3, plan.Errors.Count);
        Assert.All(plan.Errors, e => Assert.Equal("SettingValueInvalid", e.ErrorId));
        Assert.StartsWith("SocketPort:", plan.Errors[0].Message);
    }

    [Theory]
    [InlineData("7496")]
    [InlineData("4001")]
    public void A_live_port_is_refused_unless_allowed(string port)
    {
        var jts = Settings(GuideLayout);
        var refused = jts.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, port) }, allowLivePort: false);
        Assert.Equal("LivePortRefused", Assert.Single(refused.Errors).ErrorId);
        Assert.Contains("-AllowLivePort", refused.Errors[0].Message);
        Assert.True(refused.SelectsLivePort);

        var allowed = jts.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, port) }, allowLivePort: true);
        Assert.True(allowed.CanApply);
        Assert.True(allowed.SelectsLivePort);
    }

    [Fact]
    public void Logoff_must_come_before_restart_counting_the_value_already_in_the_file()
    {
        var plan = Settings(GuideLayout).Plan(new[] { new SettingRequest(SettingDefinition.AutoLogoffTime, "23:58") }, allowLivePort: false);
        Assert.Equal("AutoLogoffNotBeforeRestart", Assert.Single(plan.Errors).ErrorId);
        Assert.True(Settings(GuideLayout).Plan(new[] { new SettingRequest(SettingDefinition.AutoLogoffTime, "23:45") }, false).CanApply);
    }

    [Fact]
    public void A_setting_missing_from_the_file_is_added_to_its_section()
    {
        var jts = Settings("[IBGateway]\ns.SocketPort=7497\n");
        var plan = jts.Plan(new[] { new SettingRequest(SettingDefinition.AutoRestartTime, "23:55"), new SettingRequest(SettingDefinition.MasterClientId, "1") }, false);
        Assert.All(plan.Changes, c => Assert.True(c.IsAdded));
        jts.Apply(plan);
        Assert.Equal("[IBGateway]\ns.SocketPort=7497\ns.MasterClientId=1\n\n[Startup]\ns.AutoRestartTime=23:55:00\n", Text(jts));
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void A_guide_key_added_to_a_real_layout_file_comes_with_a_note()
    {
        var plan = Settings(RealLayout).Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "4002") }, false);
        Assert.Equal("s.SocketPort", Assert.Single(plan.Changes).Key);
        Assert.Contains("profile XML", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Settings_ib_records_itself_cannot_be_set()
    {
        var plan = Settings(RealLayout).Plan(new[] { new SettingRequest(SettingDefinition.TradingMode, "l") }, false);
        Assert.Equal("SettingNotWritable", Assert.Single(plan.Errors).ErrorId);
    }

    [Fact]
    public void Setting_a_value_it_already_has_plans_no_change()
    {
        Assert.False(Settings(GuideLayout).Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "7497") }, false).HasChanges);
    }

    [Fact]
    public void A_trusted_ip_edit_writes_both_layouts_keys_keeping_each_ones_other_entries()
    {
        var jts = Settings("[IBGateway]\r\nTrustedIPs=127.0.0.1,10.0.0.5\r\ns.TrustedIPs=127.0.0.1\r\n");
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Add, jts.TrustedIps, new[] { "192.168.1.100" }, force: false);
        var plan = jts.PlanTrustedIps(edit);
        Assert.Equal(new[] { "TrustedIPs", "s.TrustedIPs" }, plan.Changes.Select(c => c.Key));
        jts.Apply(plan);
        Assert.Equal("[IBGateway]\r\nTrustedIPs=127.0.0.1,10.0.0.5,192.168.1.100\r\ns.TrustedIPs=127.0.0.1,192.168.1.100\r\n", Text(jts));
    }

    [Theory]
    [InlineData("[IBGateway]\nApiOnly=true\n", "TrustedIPs")]
    [InlineData("[IBGateway]\ns.SocketPort=7497\n", "s.TrustedIPs")]
    [InlineData("", "TrustedIPs")]
    public void Trusted_ips_missing_from_the_file_go_to_the_layouts_key(string text, string key)
    {
        var jts = Settings(text);
        var plan = jts.PlanTrustedIps(TrustedIpEdit.Create(TrustedIpOperation.Add, jts.TrustedIps, new[] { "127.0.0.1" }, false));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(("IBGateway", key, "127.0.0.1"), (change.Section, change.Key, change.NewValue));
    }

    [Fact]
    public void A_trusted_ip_plan_carries_the_edits_errors_and_warnings()
    {
        var jts = Settings(RealLayout);
        var plan = jts.PlanTrustedIps(TrustedIpEdit.Create(TrustedIpOperation.Add, jts.TrustedIps, new[] { "8.8.8.8", "bad/1" }, false));
        Assert.Equal(new[] { "TrustedIpNeedsForce", "TrustedIpInvalid" }, plan.Errors.Select(e => e.ErrorId).OrderByDescending(x => x));
        Assert.Contains(plan.Notes, n => n.Contains("Only add IPs you control"));
        Assert.Empty(plan.Changes);
    }
}
