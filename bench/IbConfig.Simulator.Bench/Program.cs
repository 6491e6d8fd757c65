using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;

// The simulator's performance, measured with IbConfig's own client (TwsApiClient) in the same process:
//   1. throughput of complete connect → handshake → START_API (accounts, next id) → current time → disconnect sequences;
//   2. 200 clients connected at once, each served, none failing;
//   3. working set and managed heap over 10,000 sequential connections (--memory 100000 for the issue's figure);
//   one at a time, the p50/p95/p99 of a sequence.
//   With --client raw, or both (the default), the same sequences again with a minimal raw-socket client that sends the exact
//   bytes and only counts frames back: client and server share the cores, so the raw figures are closer to the server's own.
//   Each phase also reports the process's CPU time per sequence, a steadier figure than sequences/s on a shared machine.
//   --allocations names the types that take most of what is allocated (sampled).
// Usage: dotnet run -c Release --project bench/IbConfig.Simulator.Bench [-- --sequences 5000 --workers 4 --client own|raw|external|both]
//   --client external (part of both) runs the raw client in a child process: this process's CPU time is then the server's alone.
if (ArgText("--raw-against", "") is { Length: > 0 } target)
    return await RawClient.RunAsChildAsync(IPEndPoint.Parse(target), ArgValue("--sequences", 5000), ArgValue("--workers", 4));
var clientKind = ArgText("--client", "both");
var sequences = ArgValue("--sequences", 5000);
var workers = ArgValue("--workers", 4);
var concurrent = ArgValue("--concurrent", 200);
var memoryRuns = ArgValue("--memory", 10000);
var ioTimeout = TimeSpan.FromSeconds(10);
var nextClientId = 0;

using var simulator = new GatewaySimulator(new GatewaySimulatorOptions { Port = 0 }.UseAccounts(new[] { "DU123456", "DU654321" }));
simulator.Start();
var endPoint = simulator.LocalEndPoint!;
Console.WriteLine($"Simulator on {endPoint}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; load average {LoadAverage()}");

var exceptions = 0L;
var exceptionKinds = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
{
    Interlocked.Increment(ref exceptions);
    exceptionKinds.AddOrUpdate(e.Exception.GetType().Name, 1, (_, n) => n + 1);
};
using var allocationSampler = args.Contains("--allocations") ? new AllocationSampler() : null;
var latencies = new List<double>(sequences);
if (clientKind is "own" or "both")
{
    await RunSequencesAsync(2000, workers);                            // warm-up: JIT (tiered), thread pool
    await MeasureAsync("own client, sequential (1 client at a time)", sequences, () => RunSequencesAsync(sequences, 1, latencies), latencies);
    await MeasureAsync($"own client, parallel ({workers} clients at a time)", sequences, () => RunSequencesAsync(sequences, workers), null);
}
if (clientKind is "raw" or "both")
{
    var raw = new RawClient(endPoint, ioTimeout);
    await raw.RunAsync(2000, workers, null);                         // warm-up
    latencies.Clear();
    await MeasureAsync("raw client, sequential (1 client at a time)", sequences, () => raw.RunAsync(sequences, 1, latencies), latencies);
    await MeasureAsync($"raw client, parallel ({workers} clients at a time)", sequences, () => raw.RunAsync(sequences, workers, null), null);
}
if (clientKind is "external" or "both")
{
    await MeasureAsync("raw client in another process, sequential: CPU is the server's alone", sequences, () => RawClient.RunInChildAsync(endPoint, sequences, 1), null);
    await MeasureAsync($"raw client in another process, parallel ({workers} at a time): CPU is the server's alone", sequences, () => RawClient.RunInChildAsync(endPoint, sequences, workers), null);
}

// 200 at once: all connect and start, all stay connected while each asks the time, then all leave.
var clients = new List<(TcpClient Tcp, TwsApiClient Api)>();
var watch = Stopwatch.StartNew();
var opened = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(async _ =>
{
    try
    {
        var (tcp, api) = await ConnectAndStartAsync();
        return ((TcpClient, TwsApiClient)?)(tcp, api);
    }
    catch (Exception ex)
    {
        Console.WriteLine($"  connect failed: {ex.Message}");
        return null;
    }
}));
foreach (var c in opened) if (c is { } ok) clients.Add(ok);
var active = simulator.ActiveSessionCount;
var answered = await Task.WhenAll(clients.Select(async c =>
{
    try { await AskTimeAsync(c.Api); return true; }
    catch (Exception ex) { Console.WriteLine($"  time failed: {ex.Message}"); return false; }
}));
watch.Stop();
foreach (var c in clients) { c.Api.Dispose(); c.Tcp.Dispose(); }
Console.WriteLine($"{concurrent} at once: {clients.Count} connected, {active} sessions open at the simulator, " +
                  $"{answered.Count(a => a)} answered, {concurrent - answered.Count(a => a)} errors, {watch.ElapsedMilliseconds} ms");
await simulator.WaitForSessionsToEndAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

// Memory over many sequential connections.
Settle();
var startWorkingSet = Process.GetCurrentProcess().WorkingSet64;
var startHeap = GC.GetTotalMemory(forceFullCollection: true);
var memoryTime = await RunSequencesAsync(memoryRuns, 1);
await simulator.WaitForSessionsToEndAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
Settle();
var endWorkingSet = Process.GetCurrentProcess().WorkingSet64;
var endHeap = GC.GetTotalMemory(forceFullCollection: true);
Report($"memory run", memoryRuns, memoryTime);
Console.WriteLine($"  working set {Mb(startWorkingSet)} -> {Mb(endWorkingSet)}; managed heap {Mb(startHeap)} -> {Mb(endHeap)}; " +
                  $"sessions left {simulator.ActiveSessionCount}; connections served {simulator.ConnectionCount}; event log {simulator.Events.Snapshot().Count} of {simulator.Events.TotalCount}");
await simulator.StopAsync();
return 0;

// Runs one phase and reports its rate, the process's CPU time per sequence and, when latencies are kept, their percentiles.
async Task MeasureAsync(string what, int count, Func<Task<TimeSpan>> run, List<double>? kept)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var gcBefore = GC.CollectionCount(0);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var workItemsBefore = ThreadPool.CompletedWorkItemCount;
    var exceptionsBefore = Interlocked.Read(ref exceptions);
    exceptionKinds.Clear();
    allocationSampler?.Clear();
    var elapsed = await run();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
    Report(what, count, elapsed);
    Console.WriteLine($"  CPU {cpu.TotalMilliseconds * 1000 / count:0} µs per sequence (this process), {allocated / 1024.0 / count:0.0} KB allocated and {(double)workItems / count:0.0} thread-pool work items per sequence, {GC.CollectionCount(0) - gcBefore} gen0 GCs, " +
                      $"{(double)(Interlocked.Read(ref exceptions) - exceptionsBefore) / count:0.##} exceptions ({string.Join(", ", exceptionKinds.Select(k => $"{k.Key} {k.Value}"))}); load average {LoadAverage()}");
    if (allocationSampler is not null) Console.WriteLine($"  allocations sampled by type:{Environment.NewLine}{allocationSampler.Top(15)}");
    if (kept is null) return;
    kept.Sort();
    Console.WriteLine($"  per sequence: p50 {Percentile(kept, 0.50):0.00} ms, p95 {Percentile(kept, 0.95):0.00} ms, p99 {Percentile(kept, 0.99):0.00} ms");
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

// latencies: when given (one worker only), each sequence's time in milliseconds.
async Task<TimeSpan> RunSequencesAsync(int count, int parallelism, List<double>? latencies = null)
{
    var remaining = count;
    var failures = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var (tcp, api) = await ConnectAndStartAsync();
                using (tcp)
                using (api)
                    await AskTimeAsync(api);
                latencies?.Add((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
            }
            catch (Exception ex)
            {
                if (Interlocked.Increment(ref failures) <= 5) Console.WriteLine($"  sequence failed: {ex.Message}");
            }
        }
    })));
    clock.Stop();
    if (failures > 0) Console.WriteLine($"  {failures} of {count} sequences failed");
    return clock.Elapsed;
}

async Task<(TcpClient, TwsApiClient)> ConnectAndStartAsync()
{
    var tcp = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
    await tcp.ConnectAsync(endPoint.Address, endPoint.Port).WaitAsync(ioTimeout);
    var api = new TwsApiClient(tcp.GetStream(), ioTimeout);
    await api.HandshakeAsync(VersionRange.Client, CancellationToken.None);
    await api.StartApiAsync(Interlocked.Increment(ref nextClientId), CancellationToken.None);
    // "Connected" as clients define it: the managed accounts and the next valid id have arrived.
    bool accounts = false, nextId = false;
    while (!(accounts && nextId))
    {
        var message = await api.ReadMessageAsync(CancellationToken.None);
        accounts |= message.Id == (int)ServerMessageId.ManagedAccounts;
        nextId |= message.Id == (int)ServerMessageId.NextValidId;
    }
    return (tcp, api);
}

static async Task AskTimeAsync(TwsApiClient api)
{
    await api.RequestCurrentTimeAsync(CancellationToken.None);
    while ((await api.ReadMessageAsync(CancellationToken.None)).Id != (int)ServerMessageId.CurrentTime) { }
}

static void Report(string what, int count, TimeSpan elapsed) =>
    Console.WriteLine($"{what}: {count} sequences in {elapsed.TotalMilliseconds:0} ms = {count / elapsed.TotalSeconds:0} sequences/s");

static void Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):0.0} MB";

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
