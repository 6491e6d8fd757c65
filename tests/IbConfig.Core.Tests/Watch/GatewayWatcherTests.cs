using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;
using IbConfig.Core.Watch;

namespace IbConfig.Core.Tests.Watch;

public class GatewayWatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly GatewayWatchTiming Fast = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromSeconds(5),
        FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(400),
    };

    private static GatewaySimulator StartSimulator()
    {
        var simulator = new GatewaySimulator(new GatewaySimulatorOptions { Port = 0 });
        simulator.Start();
        return simulator;
    }

    /// <summary>Runs a watcher in the background and hands its events out in order, each with a bounded wait.</summary>
    private sealed class Watching : IAsyncDisposable
    {
        private readonly BlockingCollection<IbGatewayEvent> _events = new(1000);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Watching(GatewayWatcher watcher) =>
            _run = Task.Run(() => watcher.RunAsync(e => _events.Add(e), _stop.Token));

        public IbGatewayEvent Next()
        {
            Assert.True(_events.TryTake(out var next, Patience), "no event within the patience");
            return next!;
        }

        /// <summary>The next event of this kind, skipping the others.</summary>
        public IbGatewayEvent Next(IbGatewayEventKind kind)
        {
            while (true)
            {
                var next = Next();
                if (next.KindValue == kind) return next;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run.WaitAsync(Patience));
            _stop.Dispose();
        }
    }

    [Fact]
    public async Task It_reports_the_connection_the_farms_and_each_notice_as_it_comes()
    {
        using var simulator = StartSimulator();
        await using var watching = new Watching(new GatewayWatcher("127.0.0.1", simulator.Port, timing: Fast));

        var connected = watching.Next();
        Assert.Equal((IbGatewayEventKind.Connected, "127.0.0.1", simulator.Port, (int?)null), (connected.KindValue, connected.ComputerName, connected.Port, connected.Code));
        Assert.Contains("client id 998", connected.Message);
        Assert.Equal(new[] { "usfarm", "ushmds", "secdefnj" }, new[] { watching.Next(), watching.Next(), watching.Next() }.Select(e => e.Farm));

        foreach (var (code, farm) in new (int, string?)[] { (1100, null), (2103, "eufarm"), (1102, null), (2110, null) })
            await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = code, Farm = farm });
        var lost = watching.Next();
        Assert.Equal((IbGatewayEventKind.ConnectivityLost, (int?)1100), (lost.KindValue, lost.Code));
        Assert.Equal("Connectivity between IB and Trader Workstation has been lost.", lost.Message);
        var farmDown = watching.Next();
        Assert.Equal((IbGatewayEventKind.FarmDisconnected, (int?)2103, "eufarm"), (farmDown.KindValue, farmDown.Code, farmDown.Farm));
        Assert.Equal(IbGatewayEventKind.ConnectivityRestoredDataKept, watching.Next().KindValue);
        Assert.Equal(IbGatewayEventKind.ApiClientBroken, watching.Next().KindValue);
        Assert.Equal(GatewayWatcher.DefaultClientId, Assert.Single(simulator.GetSessions()).ClientId);
    }

    [Fact]
    public async Task A_drop_is_reported_and_the_watcher_reconnects_and_says_so()
    {
        using var simulator = StartSimulator();
        await using var watching = new Watching(new GatewayWatcher("127.0.0.1", simulator.Port, timing: Fast));
        watching.Next(IbGatewayEventKind.Connected);

        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients });

        var dropped = watching.Next(IbGatewayEventKind.Disconnected);
        Assert.Contains("the gateway closed the connection; reconnecting in 0.05 s", dropped.Message);
        var back = watching.Next(IbGatewayEventKind.Reconnected);
        Assert.Matches("^back after [0-9.]+ s and 1 attempt", back.Message);
    }

    [Fact]
    public async Task Through_a_nightly_restart_it_backs_off_while_refused_and_while_its_id_is_held()
    {
        using var simulator = StartSimulator();
        await using var watching = new Watching(new GatewayWatcher("127.0.0.1", simulator.Port, timing: Fast));
        watching.Next(IbGatewayEventKind.Connected);

        await simulator.InjectAsync(new SimulatorFault
        {
            KindValue = SimulatorFaultKind.NightlyRestart, DurationValue = TimeSpan.FromMilliseconds(600), ClientIdHoldValue = TimeSpan.FromSeconds(2), // longer than the largest back-off, so one attempt surely meets the held id
        });

        watching.Next(IbGatewayEventKind.Disconnected);
        var retries = new List<IbGatewayEvent>();
        IbGatewayEvent next;
        while ((next = watching.Next()).KindValue == IbGatewayEventKind.Reconnecting) retries.Add(next);
        Assert.Equal(IbGatewayEventKind.Reconnected, next.KindValue);
        Assert.Contains(retries, r => r.Message.Contains("Refused", StringComparison.Ordinal));
        Assert.Contains(retries, r => r.Message.Contains("client id 998 is in use (326)", StringComparison.Ordinal));
        Assert.Matches("attempt 1 failed: .*; next attempt in 0.1 s", retries[0].Message);
        Assert.Contains($"{retries.Count + 1} attempt(s)", next.Message);
    }

    [Fact]
    public async Task A_gateway_that_stops_answering_is_a_drop()
    {
        using var simulator = StartSimulator();
        // The silence limit (three heartbeats) is also every read's and write's time-out: 0.6 s let a send delayed by a loaded
        // machine end the session as "the heartbeat could not be sent" first. At 3 s only a real silence ends it.
        var timing = new GatewayWatchTiming { ConnectTimeout = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromSeconds(1), FirstRetryDelay = TimeSpan.FromSeconds(10) };
        await using var watching = new Watching(new GatewayWatcher("127.0.0.1", simulator.Port, timing: timing));
        watching.Next(IbGatewayEventKind.Connected);

        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Silence, Requests = { (int)ClientMessageId.ReqCurrentTime } });

        Assert.Contains("no answer for 3 s, not even to the heartbeat", watching.Next(IbGatewayEventKind.Disconnected).Message);
    }

    [Fact]
    public async Task A_clock_that_is_off_is_reported_once()
    {
        using var simulator = StartSimulator();
        var watcher = new GatewayWatcher("127.0.0.1", simulator.Port, timing: new GatewayWatchTiming { HeartbeatInterval = TimeSpan.FromMilliseconds(100) },
            utcNow: () => DateTimeOffset.UtcNow.AddSeconds(-60));
        await using var watching = new Watching(watcher);

        var skew = watching.Next(IbGatewayEventKind.ClockSkew);
        Assert.Matches(@"clock is \+(59|60|61) s off", skew.Message);
    }

    [Fact]
    public async Task Refused_connects_are_retried_with_a_doubling_delay()
    {
        var port = FreePort();
        await using var watching = new Watching(new GatewayWatcher("127.0.0.1", port, timing: Fast));

        var delays = Enumerable.Range(0, 5).Select(_ => watching.Next()).Select(e => (Kind: e.KindValue, e.Message)).ToList();
        Assert.All(delays, d => Assert.Equal(IbGatewayEventKind.Reconnecting, d.Kind));
        Assert.Equal(new[] { "0.05 s", "0.1 s", "0.2 s", "0.4 s", "0.4 s" }, delays.Select(d => d.Message.Substring(d.Message.LastIndexOf("in ", StringComparison.Ordinal) + 3)));
        Assert.StartsWith("attempt 1 failed: Refused", delays[0].Message);
    }

    [Fact]
    public async Task A_gateway_that_answers_but_never_logs_in_is_reported_not_logged_in()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            // Answers the version handshake and then says nothing, like a gateway waiting at its login dialog.
            using var socket = await listener.AcceptSocketAsync().WaitAsync(Patience);
            using var stream = new NetworkStream(socket);
            var buffer = new byte[256];
            await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience);
            await stream.WriteAsync(GatewayMessages.ServerVersion(176, DateTimeOffset.UtcNow, TimeZoneInfo.Utc)).AsTask().WaitAsync(Patience);
            while (await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience) > 0) { }
        });
        // Long enough for the version reply to come back on a loaded machine: only the login may run out of time.
        var timing = new GatewayWatchTiming { ConnectTimeout = TimeSpan.FromSeconds(2), FirstRetryDelay = TimeSpan.FromSeconds(10) };
        await using (var watching = new Watching(new GatewayWatcher("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, timing: timing)))
        {
            Assert.Contains("not logged in", watching.Next(IbGatewayEventKind.NotLoggedIn).Message);
            Assert.Equal("attempt 1 failed: not logged in; next attempt in 10 s", watching.Next().Message);
        }
        await serve.WaitAsync(Patience);
    }

    [Theory]
    [InlineData(2104, IbGatewayEventKind.FarmConnected)]
    [InlineData(2106, IbGatewayEventKind.FarmConnected)]
    [InlineData(2158, IbGatewayEventKind.FarmConnected)]
    [InlineData(2103, IbGatewayEventKind.FarmDisconnected)]
    [InlineData(2105, IbGatewayEventKind.FarmDisconnected)]
    [InlineData(2157, IbGatewayEventKind.FarmDisconnected)]
    [InlineData(2107, IbGatewayEventKind.FarmInactive)]
    [InlineData(2108, IbGatewayEventKind.FarmInactive)]
    [InlineData(1100, IbGatewayEventKind.ConnectivityLost)]
    [InlineData(1101, IbGatewayEventKind.ConnectivityRestoredDataLost)]
    [InlineData(1102, IbGatewayEventKind.ConnectivityRestoredDataKept)]
    [InlineData(2110, IbGatewayEventKind.ApiClientBroken)]
    [InlineData(162, IbGatewayEventKind.Notice)]
    public void Each_code_has_its_kind(int code, IbGatewayEventKind kind) => Assert.Equal(kind, GatewayEventClassifier.Classify(code));

    [Fact]
    public void The_backoff_doubles_up_to_its_cap_and_bad_timings_are_refused()
    {
        var timing = new GatewayWatchTiming();
        Assert.Equal(new[] { 1, 2, 4, 8, 16, 30, 30 }, Enumerable.Range(1, 7).Select(n => (int)timing.RetryDelay(n).TotalSeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayWatchTiming { MaxRetryDelay = TimeSpan.FromMilliseconds(1) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayWatcher("127.0.0.1", 0));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
