using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Network;

public sealed class SettingsPortSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ibconfig-portsource-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SettingsPortSource SourceOver(string jtsIni)
    {
        var path = Path.Combine(_folder, "jts.ini");
        File.WriteAllText(path, jtsIni);
        return new SettingsPortSource(() => SettingsPortSource.OpenStores(path, Array.Empty<string>()), new ConventionalPortSource());
    }

    [Fact]
    public void The_configured_port_is_the_default_and_names_its_source()
    {
        var ports = SourceOver("[IBGateway]\ns.SocketPort=5555\n").GetDefaultPorts(null, null);
        Assert.Equal(new[] { 5555 }, ports.Ports);
        Assert.Contains("jts.ini:2", ports.Origin);
        Assert.Contains("s.SocketPort", ports.Origin);
    }

    [Fact]
    public void A_conventional_port_of_another_trading_mode_falls_back_to_the_asked_mode()
    {
        var source = SourceOver("[IBGateway]\ns.SocketPort=7497\n");
        Assert.Equal(new[] { 7496 }, source.GetDefaultPorts(IbProduct.Tws, TradingMode.Live).Ports);
        Assert.Equal(new[] { 7497 }, source.GetDefaultPorts(IbProduct.Tws, TradingMode.Paper).Ports);
        Assert.Equal(new[] { 4002, 4001 }, source.GetDefaultPorts(IbProduct.Gateway, null).Ports);
    }

    [Fact]
    public void No_port_or_an_invalid_one_falls_back_to_the_conventional_ports()
    {
        Assert.Equal(new[] { 7497, 4002 }, SourceOver("[IBGateway]\ns.ApiEnabled=true\n").GetDefaultPorts(null, TradingMode.Paper).Ports);
        var invalid = SourceOver("[IBGateway]\ns.SocketPort=70000\n").GetDefaultPorts(null, TradingMode.Paper);
        Assert.Equal(new[] { 7497, 4002 }, invalid.Ports);
        Assert.Equal("IB's conventional ports", invalid.Origin);
    }

    [Fact]
    public void Stores_that_cannot_be_read_fall_back_instead_of_failing()
    {
        var source = new SettingsPortSource(
            () => throw new IbConfigException("ConfigFileLocked", IbErrorKind.ResourceBusy, "locked"), new ConventionalPortSource());
        Assert.Equal(new[] { 4002 }, source.GetDefaultPorts(IbProduct.Gateway, TradingMode.Paper).Ports);
    }

    [Fact]
    public void No_stores_at_all_means_no_configured_port()
    {
        Assert.Null(SettingsPortSource.OpenStores(null, new[] { Path.Combine(_folder, "missing.ini") }));
    }
}
