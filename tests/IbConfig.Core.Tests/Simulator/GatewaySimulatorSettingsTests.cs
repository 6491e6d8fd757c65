using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>The gateway settings the simulator honours: port, API enabled, trusted IPs, localhost only, untrusted behaviour.</summary>
public class GatewaySimulatorSettingsTests
{
    [Fact]
    public void Reports_the_port_the_os_chose_when_asked_for_port_0()
    {
        using var simulator = Start();
        Assert.Equal(SimulatorStatus.Running, simulator.Status);
        Assert.NotEqual(0, simulator.Port);
        Assert.Equal(IPAddress.Loopback, simulator.LocalEndPoint!.Address);
    }

    [Fact]
    public async Task Listens_on_nothing_when_the_api_is_disabled()
    {
        var port = FreePort();
        using var simulator = Start(o => { o.Port = port; o.ApiEnabled = false; });
        Assert.Equal(SimulatorStatus.ApiDisabled, simulator.Status);
        Assert.Null(simulator.LocalEndPoint);
        Assert.Equal(port, simulator.Port);
        Assert.Contains("nothing listens", (await simulator.WaitFor(SimulatorEventKind.ApiDisabled)).Message);
        using var tcp = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, port, Guard).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public void Says_clearly_when_the_port_is_taken()
    {
        using var first = Start();
        var error = Assert.Throws<IbConfigException>(() => Start(o => o.Port = first.Port));
        Assert.Equal("SimulatorPortInUse", error.ErrorId);
        Assert.Equal(IbErrorKind.ResourceBusy, error.Kind);
        Assert.Contains(first.Port.ToString(), error.Message);
    }

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0.0/24")]
    [InlineData("gateway.local")]
    public void Refuses_a_trusted_ip_that_is_not_an_exact_address(string entry)
    {
        var error = Assert.Throws<IbConfigException>(() => new GatewaySimulator(new GatewaySimulatorOptions { TrustedIps = { entry } }));
        Assert.Equal("SimulatorInvalidTrustedIp", error.ErrorId);
    }

    [Fact]
    public void Refuses_a_position_of_an_account_it_does_not_manage()
    {
        var options = new GatewaySimulatorOptions { Positions = { new SimulatedPosition("DU999999", "AAPL", 1, 1) } };
        Assert.Equal("SimulatorPositionWithoutAccount", Assert.Throws<IbConfigException>(() => new GatewaySimulator(options)).ErrorId);
    }

    [Fact]
    public async Task Closes_an_untrusted_peer_right_after_it_connects()
    {
        using var simulator = Start(o => { o.TrustedIps = new List<string> { "10.0.0.5" }; o.UntrustedBehaviour = UntrustedBehaviour.Close; });
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("127.0.0.1", (await simulator.WaitFor(SimulatorEventKind.PeerClosed)).Message);
        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.VersionNegotiated);
    }

    [Fact]
    public async Task Holds_an_untrusted_peer_without_a_reply_like_the_accept_dialog()
    {
        var simulator = Start(o => { o.TrustedIps = new List<string> { "10.0.0.5" }; o.UntrustedBehaviour = UntrustedBehaviour.Hold; });
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync("v100..193");
        var held = await simulator.WaitFor(SimulatorEventKind.PeerHeld);
        Assert.Equal(SessionState.Held, simulator.GetSessions().Single(s => s.Id == held.SessionId).StateValue);
        // Nothing is ever answered: when the simulator stops, the client has received no byte at all.
        var received = client.ReadToEndAsync();
        await simulator.StopAsync();
        Assert.Equal(0, await received);
        Assert.Equal(0, simulator.ActiveSessionCount);
    }

    [Fact]
    public async Task Gives_up_on_a_held_peer_after_the_hold_timeout()
    {
        using var simulator = Start(o => { o.TrustedIps = new List<string>(); o.UntrustedBehaviour = UntrustedBehaviour.Hold; o.HoldTimeout = TimeSpan.FromMilliseconds(200); });
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("without an answer", (await simulator.WaitFor(SimulatorEventKind.Disconnected)).Message);
    }

    [Fact]
    public async Task Treats_ipv6_loopback_as_untrusted_when_only_127_0_0_1_is_trusted()
    {
        if (!Socket.OSSupportsIPv6) return; // no ::1 to bind on this machine
        using var simulator = Start(o => { o.BindAddress = IPAddress.IPv6Loopback; o.TrustedIps = new List<string> { "127.0.0.1" }; });
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("::1", (await simulator.WaitFor(SimulatorEventKind.PeerClosed)).Message);
    }

    [Fact]
    public async Task Serves_ipv6_loopback_when_it_is_trusted()
    {
        if (!Socket.OSSupportsIPv6) return;
        using var simulator = Start(o => { o.BindAddress = IPAddress.IPv6Loopback; o.TrustedIps = new List<string> { "::1" }; });
        var (client, version, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        Assert.Equal(193, version);
    }

    [Fact]
    public async Task Stops_releasing_the_port_and_disconnecting_every_client()
    {
        var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        var port = simulator.Port;
        var reading = client.ReadToEndAsync();
        await simulator.StopAsync();
        await reading;
        Assert.Equal(SimulatorStatus.Stopped, simulator.Status);
        Assert.Equal(0, simulator.ActiveSessionCount);
        Assert.Contains(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Stopped);
        using var again = Start(o => o.Port = port);                 // the port is free again
        Assert.Equal(port, again.Port);
        simulator.Dispose();                                          // and stopping twice is harmless
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
