using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IbConfig.Core.Protocol;

/// <summary>
/// The cheapest client that still plays a whole verification sequence: it sends the exact bytes (API\0 and the version
/// range, START_API, REQ_CURRENT_TIME) and only walks the length prefixes of what comes back, looking at each frame's
/// message id. No parsing into strings, no token per read: what it costs is mostly the kernel's, so the simulator's share
/// of the CPU shows.
/// </summary>
internal sealed class RawClient(IPEndPoint server, TimeSpan ioTimeout)
{
    private static readonly byte[] Hello = BuildHello();
    private static readonly byte[] CurrentTimeRequest = Frame("49\u00001\u0000");
    private int _nextClientId = 1_000_000;

    /// <summary>Runs <paramref name="count"/> sequences on <paramref name="parallelism"/> connections at a time.</summary>
    public async Task<TimeSpan> RunAsync(int count, int parallelism, List<double>? latencies)
    {
        var remaining = count;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    using var timeout = new CancellationTokenSource(ioTimeout);
                    await OneSequenceAsync(buffer, timeout.Token);
                    latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref failures) <= 5) Console.WriteLine($"  raw sequence failed: {ex.Message}");
                }
            }
        })));
        clock.Stop();
        if (failures > 0) Console.WriteLine($"  {failures} of {count} raw sequences failed");
        return clock.Elapsed;
    }

    /// <summary>In a child process: runs the sequences after a warm-up and prints the measured time in ms on its last line.</summary>
    public static async Task<int> RunAsChildAsync(IPEndPoint server, int count, int parallelism)
    {
        var client = new RawClient(server, TimeSpan.FromSeconds(10));
        await client.RunAsync(Math.Min(count, 2000), parallelism, null);
        Console.WriteLine("ready");
        Console.ReadLine();                                          // the parent's CPU count starts now
        var elapsed = await client.RunAsync(count, parallelism, null);
        Console.WriteLine(elapsed.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Starts this bench as a child running the raw client; returns the child's time for the measured sequences.</summary>
    public static async Task<TimeSpan> RunInChildAsync(IPEndPoint server, int count, int parallelism)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(RawClient).Assembly.Location);
        foreach (var arg in new[] { "--raw-against", server.ToString(), "--sequences", count.ToString(), "--workers", parallelism.ToString() }) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync() is { } line && line != "ready") Console.WriteLine($"  child: {line}");
        await child.StandardInput.WriteLineAsync();
        string? last = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line) last = line;
        await child.WaitForExitAsync();
        return TimeSpan.FromMilliseconds(double.Parse(last ?? "NaN", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task OneSequenceAsync(byte[] buffer, CancellationToken timeout)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server, timeout);
        var frames = new FrameWalker(socket, buffer);
        await socket.SendAsync(Hello, SocketFlags.None, timeout);
        await frames.SkipAsync(1, timeout);                          // server version and connection time: one frame
        var clientId = Interlocked.Increment(ref _nextClientId);
        await socket.SendAsync(Frame($"71\u00002\u0000{clientId}\u0000\u0000"), SocketFlags.None, timeout);
        bool accounts = false, nextId = false;
        while (!(accounts && nextId))
        {
            var id = await frames.NextIdAsync(timeout);
            accounts |= id == (int)ServerMessageId.ManagedAccounts;
            nextId |= id == (int)ServerMessageId.NextValidId;
        }
        await socket.SendAsync(CurrentTimeRequest, SocketFlags.None, timeout);
        while (await frames.NextIdAsync(timeout) != (int)ServerMessageId.CurrentTime) { }
    }

    private static byte[] BuildHello()
    {
        var version = Encoding.ASCII.GetBytes(VersionRange.Client.ToString());
        var bytes = new byte[4 + 4 + version.Length];
        "API\0"u8.CopyTo(bytes);
        WriteLength(bytes, 4, version.Length);
        version.CopyTo(bytes, 8);
        return bytes;
    }

    private static byte[] Frame(string fields)
    {
        var payload = Encoding.ASCII.GetBytes(fields);
        var frame = new byte[4 + payload.Length];
        WriteLength(frame, 0, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    private static void WriteLength(byte[] buffer, int at, int length)
    {
        buffer[at] = (byte)(length >> 24);
        buffer[at + 1] = (byte)(length >> 16);
        buffer[at + 2] = (byte)(length >> 8);
        buffer[at + 3] = (byte)length;
    }

    /// <summary>Walks length-prefixed frames in a receive buffer, reading more only when a frame is incomplete.</summary>
    private sealed class FrameWalker(Socket socket, byte[] buffer)
    {
        private int _start;
        private int _end;

        public async Task SkipAsync(int count, CancellationToken timeout)
        {
            for (var i = 0; i < count; i++) await NextIdAsync(timeout);
        }

        /// <summary>The next frame's message id (its first field, ASCII digits), the frame consumed.</summary>
        public async Task<int> NextIdAsync(CancellationToken timeout)
        {
            await FillAsync(4, timeout);
            var length = (buffer[_start] << 24) | (buffer[_start + 1] << 16) | (buffer[_start + 2] << 8) | buffer[_start + 3];
            if (length <= 0 || length > buffer.Length - 4) throw new InvalidDataException($"frame of {length} bytes");
            await FillAsync(4 + length, timeout);
            var id = 0;
            for (var i = _start + 4; i < _start + 4 + length && buffer[i] != 0; i++) id = id * 10 + (buffer[i] - '0');
            _start += 4 + length;
            return id;
        }

        private async Task FillAsync(int needed, CancellationToken timeout)
        {
            if (_end - _start >= needed) return;
            if (_start > 0)
            {
                Buffer.BlockCopy(buffer, _start, buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            while (_end < needed)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(_end), SocketFlags.None, timeout);
                if (read == 0) throw new EndOfStreamException("the simulator closed the connection");
                _end += read;
            }
        }
    }
}
