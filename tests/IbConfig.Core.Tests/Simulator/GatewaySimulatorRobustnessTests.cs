using System.Diagnostics;
using System.Text;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>Hostile and careless clients: each one is closed alone, and nothing leaks.</summary>
public class GatewaySimulatorRobustnessTests
{
    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "a TLS record", new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01 } },
        { "text", Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n") },
        { "bytes 00-00-00-05", new byte[] { 0, 0, 0, 5, (byte)'7', (byte)'1', 0, (byte)'2', 0 } },
        { "announced a frame of", new byte[] { (byte)'A', (byte)'P', (byte)'I', 0, 0x7F, 0xFF, 0xFF, 0xFF } },
        { "is not v<min>..<max>", new byte[] { (byte)'A', (byte)'P', (byte)'I', 0, 0, 0, 0, 3, (byte)'x', (byte)'y', (byte)'z' } },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Closes_a_client_that_sends_garbage_and_keeps_serving_the_others(string expected, byte[] garbage)
    {
        using var simulator = Start();
        var (good, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = good;
        await using var bad = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await bad.SendRawAsync(garbage);
        Assert.Equal(0, await bad.ReadToEndAsync());
        Assert.Contains(expected, (await simulator.WaitFor(SimulatorEventKind.ProtocolViolation)).Message);
        await good.SendAsync(49, 1);
        Assert.Equal("49", (await good.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Keeps_accepting_after_clients_that_reset_at_once()
    {
        using var simulator = Start();
        for (var i = 0; i < 200; i++)
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(simulator.LocalEndPoint!.Address, simulator.LocalEndPoint.Port, Guard);
            tcp.LingerState = new System.Net.Sockets.LingerOption(true, 0);  // close with RST, not FIN
        }
        var (client, version, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        Assert.Equal(193, version);
    }

    [Fact]
    public async Task Refuses_an_over_long_frame_after_start_api()
    {
        using var simulator = Start(o => o.MaxFrameLength = 1024);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendRawAsync(new byte[] { 0, 0, 0x04, 0x01 });   // 1025 bytes announced, none sent
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("limit is 1024", (await simulator.WaitFor(SimulatorEventKind.ProtocolViolation)).Message);
    }

    [Fact]
    public async Task Closes_a_client_that_never_completes_the_handshake()
    {
        // Time enough for the version answer on a loaded machine; the two clients wait it out together.
        using var simulator = Start(o => o.HandshakeTimeout = TimeSpan.FromSeconds(1));
        await using var silent = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await using var slow = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await slow.SendHandshakeAsync("v100..193");                   // answers the version, then never sends START_API
        var silentEnd = silent.ReadToEndAsync();
        Assert.True(await slow.ReadToEndAsync() > 0);
        Assert.Equal(0, await silentEnd);
        await simulator.WaitForSessionsToEndAsync(Guard);
        Assert.Equal(2, simulator.Events.Snapshot().Count(e => e.KindValue == SimulatorEventKind.HandshakeTimedOut));
    }

    [Fact]
    public async Task Closes_newcomers_beyond_the_connection_limit()
    {
        using var simulator = Start(o => o.MaxConnections = 2);
        var (first, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 1);
        var (second, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 2);
        await using var _ = first;
        await using var __ = second;
        await using var third = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        Assert.Equal(0, await third.ReadToEndAsync());
        await simulator.WaitFor(SimulatorEventKind.ConnectionLimit);
        Assert.Equal(2, simulator.ActiveSessionCount);
    }

    [Fact]
    public async Task Closes_a_client_that_stops_reading()
    {
        using var simulator = Start(o =>
        {
            o.WriteTimeout = TimeSpan.FromMilliseconds(300);
            for (var i = 0; i < 500; i++) o.Positions.Add(new SimulatedPosition(GatewaySimulatorOptions.DefaultAccountId, $"SYM{i}", i, i));
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        // 2,000 small requests, each answered with ~40 KB of positions the client never reads.
        var requests = new List<byte>();
        for (var i = 0; i < 2000; i++) requests.AddRange(new IbConfig.Core.Protocol.MessageBuilder().Add(61).Add(1).ToFrame());
        var sending = client.SendRawAsync(requests.ToArray());
        Assert.Contains("stopped reading", (await simulator.WaitFor(SimulatorEventKind.WriteTimedOut)).Message);
        await simulator.WaitForSessionsToEndAsync(Guard);
        Assert.Equal(0, simulator.ActiveSessionCount);
    }

    [Fact]
    public async Task Leaves_no_session_socket_or_client_id_behind_after_thousands_of_connections()
    {
        using var simulator = Start(o => o.EventLogCapacity = 100);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var handlesBefore = process.HandleCount;
        for (var i = 0; i < 1500; i++)
        {
            if (i % 3 == 2)
            {
                await using var rude = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
                await rude.SendRawAsync(new byte[] { 0x16, 0x03, 0x01, 0x00 });
                continue;                                              // gone without waiting for anything
            }
            // A fresh id each time: the server frees an id only once it has seen the previous holder leave.
            var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: i);
            await client.SendAsync(49, 1);
            await client.ReadMessageAsync();
            await client.DisposeAsync();
        }
        await simulator.WaitForSessionsToEndAsync(Guard);
        Assert.Equal(1500, simulator.ConnectionCount);
        Assert.Equal(0, simulator.ActiveSessionCount);
        Assert.Equal(0, simulator.OpenConnectionCount);
        Assert.Equal(0, simulator.ClaimedClientIdCount);
        Assert.Equal(100, simulator.Events.Snapshot().Count);         // the log stays bounded
        Assert.True(simulator.Events.TotalCount > 1500 * 3);
        process.Refresh();
        Assert.True(process.HandleCount - handlesBefore < 300, $"handles grew from {handlesBefore} to {process.HandleCount}");
    }
}
