using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class ConventionalPortTests
{
    [Theory]
    [InlineData(7496, true)]
    [InlineData(4001, true)]
    [InlineData(7497, false)]
    [InlineData(4002, false)]
    [InlineData(5000, false)]
    public void Only_the_two_live_ports_count_as_live(int port, bool live) => Assert.Equal(live, ConventionalPort.IsLive(port));

    [Fact]
    public void Ports_for_a_product_list_paper_before_live()
    {
        Assert.Equal(new[] { 4002, 4001 }, ConventionalPort.PortsFor(IbProduct.Gateway, null));
        Assert.Equal(new[] { 7497, 4002 }, ConventionalPort.PortsFor(null, TradingMode.Paper));
        Assert.Equal(new[] { 7496 }, ConventionalPort.PortsFor(IbProduct.Tws, TradingMode.Live));
    }

    [Fact]
    public void An_unconventional_port_has_no_meaning()
    {
        Assert.Null(ConventionalPort.Find(12345));
        Assert.Equal("4002 (IB Gateway paper)", ConventionalPort.Find(4002)!.ToString());
    }
}
