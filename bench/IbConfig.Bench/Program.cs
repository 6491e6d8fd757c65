// Times the port probes on loopback: 1,000 targets (half open, half refused) in one run, and a silent target (a listener
// with a full backlog) against its time-out. Run: dotnet run -c Release --project bench/IbConfig.Bench [-- runs]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Network;
using IbConfig.Core.Tests.Network;

var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
const int Targets = 1000;

var listeners = Enumerable.Range(0, Targets / 2).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
listeners.ForEach(l => l.Start(Targets));
var open = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
var refused = FreePorts(Targets / 2);
var ports = open.Zip(refused, (o, r) => new[] { o, r }).SelectMany(p => p).ToList();

Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationText()}");
Console.WriteLine($"1,000 loopback targets ({open.Count} open, {refused.Count} refused), throttle 64, time-out 1000 ms:");
await ProbeAllAsync(); // warm-up: JIT and the thread pool
var times = new List<double>();
for (var run = 0; run < runs; run++)
{
    var (elapsed, results) = await ProbeAllAsync();
    var wrong = results.Where((r, i) => r.StatusValue != (i % 2 == 0 ? PortStatus.Open : PortStatus.Refused) || r.Port != ports[i]).Count();
    if (wrong > 0) throw new InvalidOperationException($"{wrong} results were wrong or out of order.");
    times.Add(elapsed.TotalMilliseconds);
    Console.WriteLine($"  run {run + 1}: {elapsed.TotalMilliseconds,7:0.0} ms");
}
times.Sort();
Console.WriteLine($"  min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms");
listeners.ForEach(l => l.Stop());

Console.WriteLine("Silent target (full backlog), time-out 1000 ms:");
using (var silent = await SilentListener.StartAsync() ?? throw new PlatformNotSupportedException("This OS does not drop SYNs to a full backlog."))
{
    var probe = new TcpProbe(new TcpConnector(), TimeSpan.FromMilliseconds(1000));
    for (var run = 0; run < 3; run++)
    {
        var clock = Stopwatch.StartNew();
        var result = await probe.ProbeAsync("127.0.0.1", silent.Port, CancellationToken.None);
        clock.Stop();
        Console.WriteLine($"  run {run + 1}: {result.Status} after {clock.Elapsed.TotalMilliseconds:0.0} ms (over the time-out by {clock.Elapsed.TotalMilliseconds - 1000:0.0} ms)");
    }
}

async Task<(TimeSpan Elapsed, List<IbPortResult> Results)> ProbeAllAsync()
{
    var clock = Stopwatch.StartNew();
    var runner = new PortProbeRunner(new TcpProbe(new TcpConnector(), TimeSpan.FromMilliseconds(1000)), 64, CancellationToken.None);
    ports.ForEach(p => runner.Add("127.0.0.1", p));
    var results = new List<IbPortResult>(ports.Count);
    while (runner.HasPending)
    {
        if (runner.TryTakeNext(out var result)) results.Add(result!);
        else await runner.WaitForNextAsync(TimeSpan.FromMilliseconds(250), CancellationToken.None);
    }
    return (clock.Elapsed, results);
}

static List<int> FreePorts(int count)
{
    // Bind them all before releasing any, so the OS hands out distinct ports.
    var held = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
    held.ForEach(l => l.Start());
    var free = held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
    held.ForEach(l => l.Stop());
    return free;
}

static string RuntimeInformationText() => $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
