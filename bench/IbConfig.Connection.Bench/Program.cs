// Times ConnectionVerifier's full sequence (TCP → handshake → start-API → accounts/next id → server time → account summary
// and positions) against the in-process gateway simulator on loopback, sequentially and 8 at a time.
// Run: dotnet run -c Release --project bench/IbConfig.Connection.Bench [-- checks]
using System.Diagnostics;
using IbConfig.Core.Network;
using IbConfig.Core.Simulator;

var checks = args.Length > 0 ? int.Parse(args[0]) : 1000;
var options = new GatewaySimulatorOptions().UseAccounts(new[] { "DU111111", "DU222222" });
options.Positions.Add(new SimulatedPosition("DU111111", "AAPL", 10, 150.25));
options.Positions.Add(new SimulatedPosition("DU222222", "MSFT", 5, 300));
using var simulator = new GatewaySimulator(options);
simulator.Start();
var verifier = new ConnectionVerifier();

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {checks} checks each, simulator on 127.0.0.1:{simulator.Port}");
await RunAsync("warm-up (JIT, thread pool)", 50, 1, skipAccountData: false, quiet: true);
await RunAsync("full sequence, one at a time", checks, 1, skipAccountData: false);
await RunAsync("without account data (-SkipAccountData), one at a time", checks, 1, skipAccountData: true);
await RunAsync("full sequence, 8 at a time (Test-IbConnection's throttle)", checks, 8, skipAccountData: false);

async Task RunAsync(string title, int count, int parallel, bool skipAccountData, bool quiet = false)
{
    var results = new IbConnectionResult[count];
    var wall = new double[count];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var one = Stopwatch.StartNew();
            // Concurrent checks need their own client ids, as they would against a real gateway (error 326).
            var clientId = parallel == 1 ? IbConnectionRequest.DefaultClientId : 10_000 + i;
            results[i] = await verifier.VerifyAsync(new IbConnectionRequest { Port = simulator.Port, ClientId = clientId, SkipAccountData = skipAccountData }, CancellationToken.None);
            wall[i] = one.Elapsed.TotalMilliseconds;
        }
    }));
    clock.Stop();
    var failed = results.Where(r => !r.Success).ToArray();
    if (failed.Length > 0) throw new InvalidOperationException($"{failed.Length} checks failed, e.g. {failed[0].Status}: {failed[0].Diagnosis}");
    if (quiet) return;
    Console.WriteLine($"{title}:");
    Console.WriteLine($"  per check: median {Percentile(wall, 50):0.00} ms, p95 {Percentile(wall, 95):0.00} ms, p99 {Percentile(wall, 99):0.00} ms, max {wall.Max():0.00} ms");
    Console.WriteLine($"  throughput: {count / clock.Elapsed.TotalSeconds:0} checks/s");
    Console.WriteLine($"  stage medians: tcp {Median(r => r.TcpMs)} ms, handshake {Median(r => r.HandshakeMs)} ms, start-API {Median(r => r.StartApiMs)} ms, " +
                      $"accounts {Median(r => r.AccountsMs)} ms, server time {Median(r => r.ServerTimeMs)} ms, account data {Median(r => r.AccountDataMs)} ms");

    string Median(Func<IbConnectionResult, double?> stage)
    {
        var values = results.Select(stage).Where(v => v is not null).Select(v => v!.Value).ToArray();
        return values.Length == 0 ? "-" : Percentile(values, 50).ToString("0.00");
    }
}

static double Percentile(double[] values, double percent)
{
    var sorted = values.OrderBy(v => v).ToArray();
    var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}
