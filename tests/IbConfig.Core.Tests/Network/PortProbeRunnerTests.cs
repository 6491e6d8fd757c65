using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using static IbConfig.Core.Tests.Network.TcpConnectorTests;

namespace IbConfig.Core.Tests.Network;

public class PortProbeRunnerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    /// <summary>A dialer whose connects finish only when the test says so, port by port.</summary>
    private sealed class GatedDialer : ISocketDialer
    {
        private int _inFlight;

        public ConcurrentDictionary<int, TaskCompletionSource<bool>> Gates { get; } = new();

        public int MaxInFlight;

        public async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (Gates) MaxInFlight = Math.Max(MaxInFlight, now);
            try
            {
                var gate = Gates.GetOrAdd(endpoint.Port, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
                await gate.Task.WaitAsync(cancellationToken);
                throw new SocketException((int)SocketError.ConnectionRefused);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public void Release(int port) =>
            Gates.GetOrAdd(port, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(true);
    }

    private static PortProbeRunner RunnerOver(ISocketDialer dialer, int throttleLimit, CancellationToken cancellationToken = default) =>
        new(new TcpProbe(new TcpConnector(dialer, new FakeResolver()), TimeSpan.FromMinutes(1)), throttleLimit, cancellationToken);

    private static async Task<IbPortResult> TakeNextAsync(PortProbeRunner runner)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        IbPortResult? result;
        while (!runner.TryTakeNext(out result)) await runner.WaitForNextAsync(TimeSpan.FromMilliseconds(100), guard.Token);
        return result!;
    }

    [Fact]
    public async Task Results_come_back_in_input_order_whatever_order_the_probes_finish_in()
    {
        var dialer = new GatedDialer();
        var runner = RunnerOver(dialer, throttleLimit: 8);
        foreach (var port in new[] { 5001, 5002, 5003 }) runner.Add("127.0.0.1", port);

        dialer.Release(5003);
        dialer.Release(5002);
        await WaitUntilAsync(() => runner.Completed == 2);
        Assert.False(runner.TryTakeNext(out _)); // 5001 is still out: nothing may overtake it

        dialer.Release(5001);
        Assert.Equal(5001, (await TakeNextAsync(runner)).Port);
        Assert.True(runner.TryTakeNext(out var second)); // already done: handed over without waiting
        Assert.Equal(5002, second!.Port);
        Assert.Equal(5003, (await TakeNextAsync(runner)).Port);
        Assert.False(runner.HasPending);
    }

    [Fact]
    public async Task Take_finished_hands_over_the_done_results_up_to_the_first_still_running()
    {
        var dialer = new GatedDialer();
        var runner = RunnerOver(dialer, throttleLimit: 8);
        foreach (var port in new[] { 5001, 5002, 5003, 5004 }) runner.Add("127.0.0.1", port);
        dialer.Release(5001);
        dialer.Release(5002);
        dialer.Release(5004);
        Assert.Equal(new[] { 5001, 5002 }, await TakeFinishedAsync(runner, 2));
        await WaitUntilAsync(() => runner.Completed == 3);
        Assert.Empty(runner.TakeFinished()); // 5004 is done, but 5003 is not
        dialer.Release(5003);
        Assert.Equal(new[] { 5003, 5004 }, await TakeFinishedAsync(runner, 2));
        Assert.False(runner.HasPending);
    }

    private static async Task<List<int>> TakeFinishedAsync(PortProbeRunner runner, int count)
    {
        var taken = new List<int>();
        await WaitUntilAsync(() =>
        {
            taken.AddRange(runner.TakeFinished().Select(r => r.Port));
            return taken.Count >= count;
        });
        return taken;
    }

    [Fact]
    public async Task The_next_result_is_handed_over_before_later_probes_finish()
    {
        var dialer = new GatedDialer();
        var runner = RunnerOver(dialer, throttleLimit: 8);
        runner.Add("127.0.0.1", 5001);
        runner.Add("127.0.0.1", 5002);
        dialer.Release(5001);
        Assert.Equal(5001, (await TakeNextAsync(runner)).Port);
        Assert.True(runner.HasPending);
        dialer.Release(5002);
        Assert.Equal(5002, (await TakeNextAsync(runner)).Port);
    }

    [Fact]
    public async Task No_more_probes_run_at_once_than_the_throttle_limit()
    {
        var dialer = new GatedDialer();
        var runner = RunnerOver(dialer, throttleLimit: 3);
        var ports = Enumerable.Range(6000, 12).ToArray();
        foreach (var port in ports) runner.Add("127.0.0.1", port);
        await WaitUntilAsync(() => dialer.Gates.Count == 3);
        foreach (var port in ports)
        {
            dialer.Release(port);
            Assert.Equal(port, (await TakeNextAsync(runner)).Port);
        }
        Assert.Equal(3, dialer.MaxInFlight);
    }

    [Fact]
    public async Task Cancelling_ends_the_wait_for_probes_that_never_finish()
    {
        using var cts = new CancellationTokenSource();
        var runner = RunnerOver(new GatedDialer(), throttleLimit: 2, cts.Token);
        for (var port = 7000; port < 7010; port++) runner.Add("127.0.0.1", port);
        var wait = runner.WaitForNextAsync(TimeSpan.FromMinutes(5), cts.Token);
        cts.Cancel();
        Assert.Same(wait, await Task.WhenAny(wait, Task.Delay(HangGuard)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Real_loopback_ports_come_back_open_and_refused_in_order()
    {
        var listeners = Enumerable.Range(0, 5).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        try
        {
            var open = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
            var refused = Enumerable.Range(0, 5).Select(_ => FreeLoopbackPort()).ToList();
            var ports = open.Zip(refused, (o, r) => new[] { o, r }).SelectMany(p => p).ToList();
            var runner = new PortProbeRunner(new TcpProbe(new TcpConnector(), TimeSpan.FromSeconds(2)), 4, CancellationToken.None);
            ports.ForEach(p => runner.Add("127.0.0.1", p));
            var results = new List<IbPortResult>();
            while (runner.HasPending) results.Add(await TakeNextAsync(runner));
            Assert.Equal(ports, results.Select(r => r.Port));
            Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(PortStatus.Open, r.StatusValue));
            Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(PortStatus.Refused, r.StatusValue));
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [Theory]
    [InlineData("127.0.0.1", 0, "InvalidPort")]
    [InlineData("127.0.0.1", 70000, "InvalidPort")]
    [InlineData("", 4002, "EmptyComputerName")]
    public void A_target_no_probe_could_try_is_refused_when_added(string computerName, int port, string errorId)
    {
        var runner = RunnerOver(new GatedDialer(), throttleLimit: 1);
        Assert.Equal(errorId, Assert.Throws<IbConfigException>(() => runner.Add(computerName, port)).ErrorId);
        Assert.Equal(0, runner.Count);
    }

    [Fact]
    public void A_throttle_limit_below_one_is_refused()
    {
        var error = Assert.Throws<IbConfigException>(() => RunnerOver(new GatedDialer(), throttleLimit: 0));
        Assert.Equal("InvalidThrottleLimit", error.ErrorId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!condition()) await Task.Delay(10, guard.Token);
    }
}
