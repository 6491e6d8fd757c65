using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Simulator;
using IbConfig.Core.Stores;
using IbConfig.Core.Tests.Stores;

namespace IbConfig.Core.Tests.Simulator;

public class GatewaySimulatorOptionsTests
{
    private static string Sample(string relative) => Path.Combine(AppContext.BaseDirectory, "../../../../../samples", relative);

    [Fact]
    public void Takes_the_guide_layout_settings_of_a_jts_ini()
    {
        var options = GatewaySimulatorOptions.FromSettings(JtsIniSettings.Load(Sample("guide-layout/jts.ini")).Read());
        Assert.Equal(7497, options.Port);
        Assert.True(options.ApiEnabled);
        Assert.False(options.ReadOnlyApi);
        Assert.Equal(new[] { "127.0.0.1" }, options.TrustedIps);
        Assert.Equal(0, options.MasterClientId);
        Assert.True(options.AllowLocalhostOnly);
        Assert.Equal(UntrustedBehaviour.Close, options.UntrustedBehaviour);
    }

    [Fact]
    public void Keeps_ib_defaults_for_what_the_real_layout_does_not_set()
    {
        var options = GatewaySimulatorOptions.FromSettings(JtsIniSettings.Load(Sample("real-layout/jts.ini")).Read());
        Assert.Equal(0, options.Port);                                 // LocalServerPort is not the API port
        Assert.True(options.ApiEnabled);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5" }, options.TrustedIps);
        Assert.Null(options.MasterClientId);
    }

    [Fact]
    public void Takes_the_effective_settings_of_jts_ini_profile_and_ibc()
    {
        using var fixture = new StoreFixture();
        var settings = SettingsStoreSet.Open(fixture.JtsIni, null, fixture.IbcConfig, Array.Empty<string>()).Effective();
        var options = GatewaySimulatorOptions.FromSettings(settings);
        Assert.Equal(4002, options.Port);                              // IBC's OverrideTwsApiPort
        Assert.True(options.AllowLocalhostOnly);                       // the profile's allowOnlyLocalhost
        Assert.Null(options.MasterClientId);                           // the profile's masterClientID=-1: none
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5", "10.0.0.7" }, options.TrustedIps);
        Assert.Equal(UntrustedBehaviour.Close, options.UntrustedBehaviour); // IBC's AcceptIncomingConnectionAction=reject
        Assert.False(options.ReadOnlyApi);
    }

    [Fact]
    public void Serves_accounts_chosen_later_and_drops_positions_of_others()
    {
        var options = new GatewaySimulatorOptions();
        options.Accounts.Add(new SimulatedAccount("DU111111").SetValue("NetLiquidation", "5"));
        options.Positions.Add(new SimulatedPosition("DU111111", "AAPL", 1, 1));
        options.Positions.Add(new SimulatedPosition("DU222222", "MSFT", 1, 1));
        options.UseAccounts(new[] { "du111111", "DU333333" });
        Assert.Equal(new[] { "DU111111", "DU333333" }, options.Accounts.Select(a => a.Id));
        Assert.Equal("5", options.Accounts[0].GetValue("NetLiquidation"));
        Assert.Equal("AAPL", Assert.Single(options.Positions).Symbol);
    }

    [Fact]
    public void Serves_the_guide_paper_account_when_given_none()
    {
        Assert.Equal("DU123456", Assert.Single(new GatewaySimulatorOptions().EffectiveAccounts).Id);
    }

    [Theory]
    [InlineData(nameof(GatewaySimulatorOptions.Port), -1, "SimulatorInvalidPort")]
    [InlineData(nameof(GatewaySimulatorOptions.Port), 65536, "SimulatorInvalidPort")]
    [InlineData(nameof(GatewaySimulatorOptions.MaxServerVersion), 99, "SimulatorInvalidServerVersion")]
    [InlineData(nameof(GatewaySimulatorOptions.MaxServerVersion), 194, "SimulatorInvalidServerVersion")]
    [InlineData(nameof(GatewaySimulatorOptions.MaxFrameLength), 10, "SimulatorInvalidFrameCap")]
    [InlineData(nameof(GatewaySimulatorOptions.MaxConnections), 0, "SimulatorInvalidConnectionLimit")]
    public void Refuses_values_out_of_range(string property, int value, string errorId)
    {
        var options = new GatewaySimulatorOptions();
        typeof(GatewaySimulatorOptions).GetProperty(property)!.SetValue(options, value);
        Assert.Equal(errorId, Assert.Throws<IbConfigException>(() => options.Validate()).ErrorId);
    }
}
