using System.Diagnostics;
using System.Net.Sockets;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;

// The simulator's history and replay clock, on the sample replay day (samples/simulator/replay-day.txt), with a raw
// client in the same process:
//   1. reqHistoricalData latency, one request at a time: a day of 1-minute bars (390), and of 5-minute bars (78);
//   2. replaying the whole 18 Nov session (2 contracts, 3,120 walk steps) by AdvanceReplay, with nobody listening and
//      with one client streaming both contracts' ticks and 5-second bars, until the client has read every frame.
// Usage: dotnet run -c Release --project bench/IbConfig.Replay.Bench [-- --requests 2000]
var requests = ArgValue("--requests", 2000);
var timeout = TimeSpan.FromSeconds(30);
var dataPath = Path.Combine(FindRepoRoot(), "samples", "simulator", "replay-day.txt");
var sessionStart = new DateTimeOffset(2025, 11, 18, 14, 30, 0, TimeSpan.Zero);
var session = TimeSpan.FromMinutes(390);

using var simulator = Start();
var (tcp, stream, reader) = await ConnectAsync(simulator);
Console.WriteLine($"Replay day from {dataPath}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");

foreach (var barSize in new[] { "1 min", "5 mins" })
{
    await HistoryAsync(barSize, 1); // warm-up
    var latencies = new List<double>(requests);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < requests; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await HistoryAsync(barSize, i + 2);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    clock.Stop();
    latencies.Sort();
    Console.WriteLine($"reqHistoricalData 1 D of {barSize}: {requests} in {clock.ElapsedMilliseconds} ms = {requests / clock.Elapsed.TotalSeconds:0}/s; " +
                      $"p50 {Percentile(latencies, 0.50):0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms");
}
tcp.Dispose();

// A whole session with nobody listening: the walk and the quote events alone.
using (var quiet = Start())
{
    var clock = Stopwatch.StartNew();
    quiet.AdvanceReplay(session);
    clock.Stop();
    Console.WriteLine($"replay of the session, no client: {clock.Elapsed.TotalMilliseconds:0.0} ms for 3,120 steps = {3120 / clock.Elapsed.TotalSeconds:0} steps/s");
}

// The same with one client streaming ticks (3 per step) and 5-second bars (4,680 per contract) of both contracts.
using (var busy = Start())
{
    var (client, clientStream, clientReader) = await ConnectAsync(busy);
    using var _ = client;
    foreach (var (reqId, conId) in new[] { (1, 265598), (2, 756733) })
    {
        await SendAsync(clientStream, 1, 11, reqId, conId, "", "", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", 0, 0, "");
        await SendAsync(clientStream, 50, 3, reqId + 10, conId, "", "", "", 0, "", "", "SMART", "", "USD", "", "", 5, "TRADES", 0, "");
    }
    await SendAsync(clientStream, 49, 1);
    while ((await clientReader.ReadMessageAsync(Guard())).Id != (int)ServerMessageId.CurrentTime) { }
    var clock = Stopwatch.StartNew();
    // Minute by minute, as a running clock at 60x would move it, so each move's 5-second bars all go out (at most 60 a move).
    for (var minute = 0; minute < 390; minute++) busy.AdvanceReplay(TimeSpan.FromMinutes(1));
    await SendAsync(clientStream, 49, 1);
    var frames = 0;
    while ((await clientReader.ReadMessageAsync(Guard())).Id != (int)ServerMessageId.CurrentTime) frames++;
    clock.Stop();
    Console.WriteLine($"replay of the session, one client streaming both contracts: {frames} frames read in {clock.ElapsedMilliseconds} ms = {frames / clock.Elapsed.TotalSeconds:0} frames/s");
}
return 0;

GatewaySimulator Start()
{
    var options = new GatewaySimulatorOptions { Port = 0, ReplayStart = sessionStart, ReplaySpeed = 0 }.UseData(SimulatorDataFile.Read(dataPath));
    var sim = new GatewaySimulator(options);
    sim.Start();
    return sim;
}

async Task HistoryAsync(string barSize, int reqId)
{
    await SendAsync(stream, 20, reqId, 265598, "", "", "", 0, "", "", "", "", "", "", "", 0, "", barSize, "1 D", 1, "TRADES", 1, 0, "");
    var reply = await reader.ReadMessageAsync(Guard());
    if (reply.Id != (int)ServerMessageId.HistoricalData) throw new InvalidOperationException($"expected history, got {string.Join(",", reply.Fields)}");
}

async Task<(TcpClient, NetworkStream, FrameReader)> ConnectAsync(GatewaySimulator sim)
{
    var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
    await client.ConnectAsync(sim.LocalEndPoint!.Address, sim.LocalEndPoint.Port).WaitAsync(timeout);
    var range = System.Text.Encoding.ASCII.GetBytes("v100..193");
    var hello = new byte[8 + range.Length];
    hello[0] = (byte)'A'; hello[1] = (byte)'P'; hello[2] = (byte)'I';
    hello[7] = (byte)range.Length;
    range.CopyTo(hello, 8);
    await client.GetStream().WriteAsync(hello);
    var frameReader = new FrameReader(client.GetStream(), 16 * 1024 * 1024);
    await frameReader.ReadFramePayloadAsync(Guard()); // the server version and connection time
    await SendAsync(client.GetStream(), 71, 2, 1, "");
    // The welcome ends with the sec-def farm notice (2158).
    while ((await frameReader.ReadMessageAsync(Guard())) is var m && !(m.Id == (int)ServerMessageId.Error && m.Fields[3] == "2158")) { }
    return (client, client.GetStream(), frameReader);
}

CancellationToken Guard() => new CancellationTokenSource(timeout).Token;

static async Task SendAsync(NetworkStream target, params object[] fields)
{
    var builder = new MessageBuilder();
    foreach (var field in fields) builder.Add(Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture)!);
    await target.WriteAsync(builder.ToFrame());
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IbConfig.PowerShell.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from a clone of IbConfig: no IbConfig.PowerShell.sln above the program.");
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
