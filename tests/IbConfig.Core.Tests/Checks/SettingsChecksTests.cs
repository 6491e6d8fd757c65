using IbConfig.Core.Checks;
using IbConfig.Core.Settings;
using static IbConfig.Core.Tests.Checks.CheckFixture;

namespace IbConfig.Core.Tests.Checks;

public class SettingsChecksTests
{
    [Fact]
    public void The_guides_paper_setup_passes_every_settings_check()
    {
        var context = Context();
        context.Settings = With(context.Settings!, Value("ColdRestartTime", "07:05", new TimeSpan(7, 5, 0)), Value("AutoRestartTime", "11:55 PM", new TimeSpan(23, 55, 0)));
        context.IbcConfigPath = IbcPath;
        var results = CheckRunner.Run(Checklist.All.Where(c => c.Category is IbCheckCategory.Api or IbCheckCategory.Security or IbCheckCategory.Restart), context);
        Assert.All(results, r => Assert.True(r.StatusValue is IbCheckStatus.Pass or IbCheckStatus.Skipped, $"{r.Id}: {r.StatusValue} {r.Actual}"));
        Assert.Contains(results, r => r.Id == IbCheckId.ApiEnabled && r.Source == SettingsPath + ":3");
    }

    [Fact]
    public void Api_disabled_fails_with_the_set_command_for_that_file()
    {
        var result = Evaluate(new ApiEnabledCheck(), Context(GuideWith("s.ApiEnabled", "s.ApiEnabled=false")));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Equal($"Set-IbApiSetting -Path '{SettingsPath}' -ApiEnabled $true", result.Remedy);
        Assert.Equal(SettingsPath + ":3", result.Source);
    }

    [Fact]
    public void Api_flag_missing_from_a_real_layout_file_is_a_warning_that_names_the_real_store()
    {
        var result = Evaluate(new ApiEnabledCheck(), Context("[IBGateway]\nTrustedIPs=127.0.0.1\n[Logon]\ntradingMode=p\n"));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("profile XML", result.Actual);
    }

    [Fact]
    public void Without_settings_the_settings_checks_are_skipped()
    {
        var results = CheckRunner.Run(new IbCheck[] { new ApiEnabledCheck(), new LocalhostTrustedCheck(), new MasterClientIdCheck(), new AutoRestartCheck() },
            Context(null, new CheckRequest { Port = 4002 }));
        Assert.All(results, r => Assert.Equal(IbCheckStatus.Skipped, r.StatusValue));
    }

    [Fact]
    public void A_live_port_when_paper_was_asked_fails_and_names_the_paper_port()
    {
        var result = Evaluate(new SocketPortCheck(), Context(GuideWith("s.SocketPort", "s.SocketPort=7496"), new CheckRequest { TradingMode = TradingMode.Paper }));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("LIVE port when paper was asked", result.Actual);
        Assert.EndsWith("-SocketPort 7497", result.Remedy);
    }

    [Fact]
    public void A_paper_port_when_live_was_asked_fails_and_the_fix_needs_allow_live_port()
    {
        var result = Evaluate(new SocketPortCheck(), Context(GuideWith("s.SocketPort", "s.SocketPort=4002"), new CheckRequest { TradingMode = TradingMode.Live }));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.EndsWith("-SocketPort 4001 -AllowLivePort", result.Remedy);
    }

    [Fact]
    public void A_live_port_nobody_asked_about_is_a_warning()
    {
        var result = Evaluate(new SocketPortCheck(), Context(GuideWith("s.SocketPort", "s.SocketPort=4001")));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("real", result.Actual);
    }

    [Fact]
    public void An_unconventional_port_passes_with_a_note()
    {
        var result = Evaluate(new SocketPortCheck(), Context(GuideWith("s.SocketPort", "s.SocketPort=4004"), new CheckRequest { TradingMode = TradingMode.Paper }));
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Contains("not one of IB's conventional ports", result.Actual);
    }

    [Fact]
    public void Testing_another_port_than_the_settings_say_is_a_warning()
    {
        var result = Evaluate(new SocketPortCheck(), Context(request: new CheckRequest { Port = 4002 }));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("the settings say 7497", result.Actual);
        Assert.Equal("-Port", result.Source);
    }

    [Fact]
    public void A_port_that_disagrees_with_the_last_logins_trading_mode_is_a_warning()
    {
        var result = Evaluate(new SocketPortCheck(), Context("[IBGateway]\ns.SocketPort=7496\n[Logon]\ntradingMode=p\n", new CheckRequest { TradingMode = null }));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
    }

    [Fact]
    public void Localhost_missing_from_trusted_ips_fails_with_add_ib_trusted_ip()
    {
        var result = Evaluate(new LocalhostTrustedCheck(), Context(GuideWith("s.TrustedIPs", "s.TrustedIPs=10.0.0.5")));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Equal($"Add-IbTrustedIp 127.0.0.1 -Path '{SettingsPath}'", result.Remedy);
    }

    [Theory]
    [InlineData("0.0.0.0", "any address")]
    [InlineData("8.8.8.8", "public")]
    public void An_open_or_public_trusted_ip_fails(string address, string why)
    {
        var result = Evaluate(new NoOpenTrustedIpsCheck(), Context(GuideWith("s.TrustedIPs", $"s.TrustedIPs=127.0.0.1,{address}")));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains(why, result.Actual);
        Assert.StartsWith($"Remove-IbTrustedIp {address}", result.Remedy);
    }

    [Fact]
    public void A_local_network_trusted_ip_is_fine() =>
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new NoOpenTrustedIpsCheck(), Context(GuideWith("s.TrustedIPs", "s.TrustedIPs=127.0.0.1,192.168.1.100"))).StatusValue);

    [Fact]
    public void An_invalid_master_client_id_fails_and_unset_passes()
    {
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new MasterClientIdCheck(), Context(GuideWith("s.MasterClientId", "s.MasterClientId=12345"))).StatusValue);
        var unset = Evaluate(new MasterClientIdCheck(), Context(GuideWith("s.MasterClientId", "")));
        Assert.Equal(IbCheckStatus.Pass, unset.StatusValue);
        Assert.Contains("not set", unset.Actual);
    }

    [Fact]
    public void Recommended_boxes_unticked_are_warnings()
    {
        var orders = Evaluate(RecommendedFlagCheck.DownloadOpenOrders, Context(GuideWith("s.DownloadOpenOrders", "s.DownloadOpenOrders=false")));
        Assert.Equal(IbCheckStatus.Warn, orders.StatusValue);
        Assert.EndsWith("-DownloadOpenOrders $true", orders.Remedy);
        var accounts = Evaluate(RecommendedFlagCheck.AccountRequests, Context(GuideWith("s.AllowAccountRequests", "s.AllowAccountRequests=false")));
        Assert.Equal(IbCheckStatus.Warn, accounts.StatusValue);
        Assert.Equal(IbCheckId.AccountRequests, accounts.Id);
    }

    [Fact]
    public void Read_only_on_a_trading_bot_warns_but_fails_when_off_was_asked()
    {
        var context = GuideWith("s.ReadOnlyApi", "s.ReadOnlyApi=true");
        Assert.Equal(IbCheckStatus.Warn, Evaluate(new ReadOnlyApiCheck(), Context(context)).StatusValue);
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new ReadOnlyApiCheck(), Context(context, new CheckRequest { ReadOnly = false })).StatusValue);
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new ReadOnlyApiCheck(), Context(context, new CheckRequest { ReadOnly = true })).StatusValue);
        var wantedReadOnly = Evaluate(new ReadOnlyApiCheck(), Context(Guide, new CheckRequest { ReadOnly = true }));
        Assert.Equal(IbCheckStatus.Fail, wantedReadOnly.StatusValue);
        Assert.EndsWith("-ReadOnlyApi $true", wantedReadOnly.Remedy);
    }

    [Fact]
    public void Guide_keys_that_disagree_with_ibs_own_key_fail_with_set_ib_trusted_ip()
    {
        var result = Evaluate(new GuideKeysAgreeCheck(), Context("[IBGateway]\nTrustedIPs=127.0.0.1,10.0.0.5\ns.TrustedIPs=127.0.0.1\n"));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("[IBGateway] s.TrustedIPs=127.0.0.1 but IB reads [IBGateway] TrustedIPs=127.0.0.1,10.0.0.5", result.Actual);
        Assert.StartsWith("Set-IbTrustedIp 127.0.0.1,10.0.0.5", result.Remedy);
        Assert.Equal(SettingsPath + ":3", result.Source);
    }

    [Fact]
    public void Guide_keys_that_agree_pass_and_guide_only_files_skip()
    {
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new GuideKeysAgreeCheck(), Context("[IBGateway]\nTrustedIPs=127.0.0.1\ns.TrustedIPs=127.0.0.1\n")).StatusValue);
        Assert.Equal(IbCheckStatus.Skipped, Evaluate(new GuideKeysAgreeCheck(), Context()).StatusValue);
    }
}
