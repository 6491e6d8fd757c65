using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Network;
using IbConfig.Core.Settings;
using static IbConfig.Core.Tests.Network.TcpConnectorTests;

namespace IbConfig.Core.Tests.Network;

public class TcpProbeTests
{
    private static TcpProbe ProbeFailingWith(SocketError error) =>
        new(new TcpConnector(new FakeDialer(_ => throw new SocketException((int)error)), new FakeResolver()), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task An_open_conventional_port_says_what_it_means_and_needs_no_hint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            // 5 s of patience for a connect that succeeds at once: under the parallel suite the pool may be slow to run its continuation.
            var result = await new TcpProbe(new TcpConnector(), TimeSpan.FromSeconds(5)).ProbeAsync("127.0.0.1", port, CancellationToken.None);
            Assert.Equal((PortStatus.Open, true, "127.0.0.1", "127.0.0.1", port), (result.StatusValue, result.TcpTestSucceeded, result.ComputerName, result.RemoteAddress, result.Port));
            Assert.Null(result.Hint);
            Assert.Null(result.Failure);
            Assert.True(result.LatencyMs >= 0);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData(4002, IbProduct.Gateway, TradingMode.Paper)]
    [InlineData(4001, IbProduct.Gateway, TradingMode.Live)]
    [InlineData(7497, IbProduct.Tws, TradingMode.Paper)]
    [InlineData(7496, IbProduct.Tws, TradingMode.Live)]
    public async Task A_conventional_port_carries_its_product_and_trading_mode(int port, IbProduct product, TradingMode mode)
    {
        var result = await ProbeFailingWith(SocketError.ConnectionRefused).ProbeAsync("127.0.0.1", port, CancellationToken.None);
        Assert.Equal((product, mode), (result.ProductValue, result.TradingModeValue));
    }

    [Fact]
    public async Task Another_port_has_no_conventional_meaning()
    {
        var result = await ProbeFailingWith(SocketError.ConnectionRefused).ProbeAsync("127.0.0.1", 12345, CancellationToken.None);
        Assert.Null(result.Product);
        Assert.Null(result.TradingMode);
    }

    [Fact]
    public async Task A_refused_port_hints_at_the_guides_checklist()
    {
        var result = await ProbeFailingWith(SocketError.ConnectionRefused).ProbeAsync("127.0.0.1", 7497, CancellationToken.None);
        Assert.Equal(PortStatus.Refused, result.StatusValue);
        Assert.False(result.TcpTestSucceeded);
        Assert.Contains("not running", result.Hint);
        Assert.Contains("Enable ActiveX and Socket Clients", result.Hint);
        Assert.Contains("about_IbConfig", result.Hint);
        Assert.DoesNotContain("\n", result.Hint);
    }

    [Theory]
    [InlineData(SocketError.TimedOut, "firewall")]
    [InlineData(SocketError.HostUnreachable, "cannot be reached")]
    public async Task Every_failure_gets_a_one_line_hint(SocketError error, string expected)
    {
        var result = await ProbeFailingWith(error).ProbeAsync("127.0.0.1", 4002, CancellationToken.None);
        Assert.Contains(expected, result.Hint);
        Assert.Contains("about_IbConfig", result.Hint);
    }

    [Fact]
    public async Task An_unresolved_name_hints_at_the_spelling()
    {
        var result = await new TcpProbe(new TcpConnector(), TimeSpan.FromSeconds(1)).ProbeAsync("gateway.invalid", 4002, CancellationToken.None);
        Assert.Equal(PortStatus.NameNotResolved, result.StatusValue);
        Assert.Null(result.RemoteAddress);
        Assert.Contains("did not resolve", result.Hint);
    }
}
