// Times GatewayWatcher against the in-process gateway simulator on loopback: how long a notice takes from the simulator's
// send to the watcher's event, how long many watched gateways take to report Connected, and a drop-to-reconnected cycle.
// Run: dotnet run -c Release --project bench/IbConfig.Watch.Bench [-- notices gateways]
using System.Collections.Concurrent;
using System.Diagnostics;
using IbConfig.Core.Simulator;
using IbConfig.Core.Watch;

var notices = args.Length > 0 ? int.Parse(args[0]) : 1000;
var gateways = args.Length > 1 ? int.Parse(args[1]) : 20;
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {notices} notices, {gateways} gateways");
var fast = new GatewayWatchTiming { FirstRetryDelay = TimeSpan.FromMilliseconds(50) };

// 1. Notice latency: inject, then wait for the matching event.
using (var simulator = Start())
{
    var events = new BlockingCollection<IbGatewayEvent>();
    using var stop = new CancellationTokenSource();
    var run = Task.Run(() => new GatewayWatcher("127.0.0.1", simulator.Port, timing: fast).RunAsync(events.Add, stop.Token));
    Take(events, IbGatewayEventKind.Connected);
    var latencies = new double[notices];
    for (var i = 0; i < notices; i++)
    {
        var clock = Stopwatch.StartNew();
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = i % 2 == 0 ? 2103 : 2104 });
        Take(events, i % 2 == 0 ? IbGatewayEventKind.FarmDisconnected : IbGatewayEventKind.FarmConnected);
        latencies[i] = clock.Elapsed.TotalMilliseconds;
    }
    Report("notice injected -> event (ms)", latencies);

    // 2. Drop to Reconnected, first retry after 50 ms.
    var cycles = new double[20];
    for (var i = 0; i < cycles.Length; i++)
    {
        var clock = Stopwatch.StartNew();
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients });
        Take(events, IbGatewayEventKind.Reconnected);
        cycles[i] = clock.Elapsed.TotalMilliseconds;
    }
    Report("drop -> Reconnected, 50 ms first retry (ms)", cycles);
    stop.Cancel();
    try { await run; } catch (OperationCanceledException) { }
}

// 3. Many gateways at once: start watching all, time until each said Connected.
var fleet = Enumerable.Range(0, gateways).Select(_ => Start()).ToList();
try
{
    var events = new BlockingCollection<IbGatewayEvent>();
    using var stop = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    var runs = fleet.Select(s => Task.Run(() => new GatewayWatcher("127.0.0.1", s.Port, timing: fast).RunAsync(events.Add, stop.Token))).ToList();
    var connected = new double[gateways];
    for (var i = 0; i < gateways; i++)
    {
        Take(events, IbGatewayEventKind.Connected);
        connected[i] = clock.Elapsed.TotalMilliseconds;
    }
    Report($"{gateways} gateways watched at once: time until the n-th Connected (ms)", connected);
    stop.Cancel();
    try { await Task.WhenAll(runs); } catch (OperationCanceledException) { }
}
finally
{
    foreach (var s in fleet) s.Dispose();
}

static GatewaySimulator Start()
{
    var simulator = new GatewaySimulator(new GatewaySimulatorOptions { Port = 0 });
    simulator.Start();
    return simulator;
}

static void Take(BlockingCollection<IbGatewayEvent> events, IbGatewayEventKind kind)
{
    while (true)
    {
        if (!events.TryTake(out var next, TimeSpan.FromSeconds(30))) throw new TimeoutException($"No {kind} event within 30 s.");
        if (next.KindValue == kind) return;
    }
}

static void Report(string title, double[] values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    Console.WriteLine($"{title}: n={sorted.Length} p50 {At(0.5):0.###}  p95 {At(0.95):0.###}  p99 {At(0.99):0.###}  max {sorted[^1]:0.###}");
}
