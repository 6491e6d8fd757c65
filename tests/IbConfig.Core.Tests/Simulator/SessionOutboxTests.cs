using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>One connection's outbound queue, on a real loopback socket pair: order, cap, broken connections, stopping.</summary>
public class SessionOutboxTests
{
    [Fact]
    public async Task Answers_news_pushes_and_notices_from_several_threads_arrive_in_the_order_they_were_queued()
    {
        const int Rounds = 300;
        var (server, client) = await PairAsync();
        using var _ = client;
        using var guard = new CancellationTokenSource();
        var outbox = Open(server, guard);
        var opened = -1;
        var marketPosts = 0;
        var marketTotal = -1;
        var answered = -1;
        using var go = new ManualResetEventSlim();

        // The session's loop: each answer opened, then queued a moment later, while the others post into the gap.
        var answers = Task.Run(async () =>
        {
            go.Wait();
            for (var i = 0; i < Rounds; i++)
            {
                outbox.BeginAnswer();
                Volatile.Write(ref opened, i);
                // Wait (a little, bounded) for a push posted while this answer is being made: it must not pass it.
                var seen = Volatile.Read(ref marketPosts);
                SpinWait.SpinUntil(() => Volatile.Read(ref marketPosts) >= seen + 2, TimeSpan.FromMilliseconds(2));
                Assert.True(await outbox.AnswerAsync(new[] { Frame("A", i, 0), Frame("A", i, 1), Frame("A", i, 2) }));
                Volatile.Write(ref answered, i);
            }
        });
        // Order news: each carries the last answer written before it was posted; it must arrive behind that answer.
        var news = Dedicated(() =>
        {
            go.Wait();
            for (var k = 0; k < Rounds; k++)
            {
                outbox.Post(new[] { Frame("N", k, Volatile.Read(ref answered)) });
                if (k % 16 == 0) Thread.Yield();
            }
        });
        // Market pushes: each carries the answer being made when it was posted; it must wait behind that answer.
        var market = Dedicated(() =>
        {
            go.Wait();
            var k = 0;
            for (; Volatile.Read(ref answered) < Rounds - 1 && k < 30_000; k++)
            {
                outbox.Post(new[] { Frame("M", k, Volatile.Read(ref opened)) });
                Volatile.Write(ref marketPosts, k + 1);
                if (k % 4 == 0 || outbox.QueuedFrameCount > 1000) Thread.Yield();  // paced, far below the cap
            }
            Volatile.Write(ref marketTotal, k);
            outbox.Post(new[] { Frame("E", 0, 0) });                 // the reader's last frame: the pushes' number is known before it
        });
        var notices = Task.Run(async () =>
        {
            go.Wait();
            for (var k = 0; k < Rounds / 3; k++) Assert.True(await outbox.SendAsync(new[] { Frame("F", k, 0), Frame("F", k, 1) }));
        });
        var reading = ReadAsync(client, () => Volatile.Read(ref marketTotal) is var m and >= 0 ? Rounds * 3 + Rounds + m + 1 + Rounds / 3 * 2 : int.MaxValue);
        go.Set();
        await Task.WhenAll(answers, news, market, notices).WaitAsync(RawTwsClient.Guard);
        var wire = await reading;

        Assert.True(marketTotal >= Rounds, $"only {marketTotal} pushes");
        foreach (var kind in new[] { "A", "N", "M", "F" })
        {
            var own = wire.Where(m => m.Kind == kind).Select(m => (m.Round, m.Part)).ToList();
            Assert.Equal(own.OrderBy(m => m.Round).ThenBy(m => m.Part), own);      // each sender's frames in its order
        }
        var position = wire.Select((m, at) => (m, at)).ToDictionary(x => (x.m.Kind, x.m.Round, x.m.Part), x => x.at);
        // An answer is never split by frames queued while it was being made, nor a two-frame notice.
        for (var i = 0; i < Rounds; i++) Assert.Equal(position[("A", i, 0)] + 2, position[("A", i, 2)]);
        for (var k = 0; k < Rounds / 3; k++) Assert.Equal(position[("F", k, 0)] + 1, position[("F", k, 1)]);
        foreach (var (kind, round, after) in wire.Where(m => m.Kind is "N" or "M" && m.Part >= 0))
            Assert.True(position[(kind, round, after)] > position[("A", after, 2)], $"{kind} {round} overtook answer {after}");
        Assert.Equal(0, outbox.QueuedFrameCount);
    }

    [Theory]
    [InlineData(10)]       // small frames: the frame cap comes first
    [InlineData(1000)]     // larger frames: the byte cap comes first
    public async Task A_client_that_never_reads_is_dropped_at_the_cap(int frameBytes)
    {
        var (server, client) = await PairAsync();
        using var _ = client;
        using var guard = new CancellationTokenSource();
        string? reason = null;
        var outbox = new SessionOutbox(server, TimeSpan.FromMinutes(5), r => { reason = r; server.Dispose(); }, null);
        outbox.Open(guard);
        var frame = new MessageBuilder().Add(new string('x', frameBytes)).ToFrame();
        var posted = 0;
        // Bounded: the cap plus what the kernel's socket buffers take, far below the loop's limit.
        while (reason is null && posted < 2_000_000)
        {
            outbox.Post(new[] { frame });
            posted++;
        }
        Assert.Contains("unread", reason);
        Assert.True(posted > Math.Min(SessionOutbox.MaxQueuedFrames, SessionOutbox.MaxQueuedBytes / frame.Length), $"dropped after {posted} frames");
        Assert.True(outbox.IsClosed);
        Assert.Equal(0, outbox.QueuedFrameCount);
        Assert.False(await outbox.SendAsync(new[] { frame }));
    }

    [Fact]
    public async Task A_broken_connection_stops_the_writer_frees_the_queue_and_releases_waiting_senders()
    {
        var (server, client) = await PairAsync();
        using var guard = new CancellationTokenSource();
        var outbox = Open(server, guard);
        var (blocked, notice) = await FillUntilBlockedAsync(outbox);
        Assert.True(outbox.QueuedFrameCount > 0);

        client.LingerState = new LingerOption(true, 0);              // close with RST: the blocked write fails
        client.Dispose();

        Assert.False(await notice.WaitAsync(RawTwsClient.Guard));
        Assert.True(outbox.IsClosed);
        Assert.Equal(0, outbox.QueuedFrameCount);
        Assert.False(await outbox.SendAsync(new[] { blocked }));
        Assert.Throws<ObjectDisposedException>(() => server.Write(blocked, 0, blocked.Length));
    }

    [Fact]
    public async Task Cancelling_the_write_guard_ends_a_blocked_writer_at_once()
    {
        var (server, client) = await PairAsync();
        using var _ = client;
        using var guard = new CancellationTokenSource();
        var outbox = Open(server, guard, writeTimeout: TimeSpan.FromMinutes(5));
        var (_, notice) = await FillUntilBlockedAsync(outbox);

        guard.Cancel();                                              // what the simulator's stop does to every session

        Assert.False(await notice.WaitAsync(RawTwsClient.Guard));    // not the five minutes of the write time-out
        Assert.True(outbox.IsClosed);
        Assert.Equal(0, outbox.QueuedFrameCount);
    }

    [Fact]
    public async Task Stopping_the_simulator_while_frames_are_queued_ends_every_session()
    {
        var simulator = Start(o =>
        {
            o.WriteTimeout = TimeSpan.FromMinutes(5);
            for (var i = 0; i < 500; i++) o.Positions.Add(new SimulatedPosition(GatewaySimulatorOptions.DefaultAccountId, $"SYM{i}", i, i));
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        // 2,000 requests answered with ~40 KB each, never read: the session's writes block, then a notice waits behind them.
        var requests = new List<byte>();
        for (var i = 0; i < 2000; i++) requests.AddRange(new MessageBuilder().Add(61).Add(1).ToFrame());
        await client.SendRawAsync(requests.ToArray());
        Task notice = Task.CompletedTask;
        var waiting = false;
        for (var tries = 0; tries < 30 && !waiting; tries++)
        {
            notice = simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = 2103 }, Guard);
            waiting = await Task.WhenAny(notice, Task.Delay(1000)) != notice;
            if (!waiting) await Task.Delay(200);                     // the answers are still being written: let them fill the socket
        }
        Assert.True(waiting, "the client's socket never filled up");

        var stopping = Stopwatch.StartNew();
        await simulator.StopAsync().WaitAsync(RawTwsClient.Guard);
        await notice.WaitAsync(RawTwsClient.Guard);                  // a sender waiting on the queue is let go, not left hanging

        Assert.True(stopping.Elapsed < TimeSpan.FromMinutes(1), $"stop took {stopping.Elapsed}");
        Assert.Equal(0, simulator.ActiveSessionCount);
        Assert.Contains(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Disconnected && e.Message.Contains("the simulator stopped"));
    }

    /// <summary>A sender that loops without awaiting gets a thread of its own: on two cores it would starve the pool the writer needs.</summary>
    private static Task Dedicated(Action send) => Task.Factory.StartNew(send, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static SessionOutbox Open(Stream server, CancellationTokenSource guard, TimeSpan? writeTimeout = null)
    {
        var outbox = new SessionOutbox(server, writeTimeout ?? TimeSpan.FromSeconds(30), reason => throw new Xunit.Sdk.XunitException($"dropped: {reason}"), null);
        outbox.Open(guard);
        return outbox;
    }

    /// <summary>Posts large frames to a client that does not read until they stop leaving; then queues a notice that must wait.</summary>
    private static async Task<(byte[] Frame, Task<bool> Notice)> FillUntilBlockedAsync(SessionOutbox outbox)
    {
        var frame = new MessageBuilder().Add(new string('x', 256 * 1024)).ToFrame();
        for (var i = 0; i < 1000 && outbox.QueuedFrameCount == 0; i++)
        {
            outbox.Post(new[] { frame });
            await Task.Yield();
        }
        var notice = outbox.SendAsync(new[] { Frame("F", 0, 0) });
        await Task.Delay(50);
        Assert.False(notice.IsCompleted, "the notice was written although the client reads nothing");
        return (frame, notice);
    }

    private static byte[] Frame(string kind, int round, int part) => new MessageBuilder().Add(kind).Add(round).Add(part).ToFrame();

    /// <summary>Reads frames until as many as <paramref name="count"/> says, asked after each frame (the pushes' number is known last).</summary>
    private static async Task<List<(string Kind, int Round, int Part)>> ReadAsync(Socket client, Func<int> count)
    {
        using var guard = new CancellationTokenSource(RawTwsClient.Guard);
        var reader = new FrameReader(new NetworkStream(client, ownsSocket: false));
        var wire = new List<(string, int, int)>();
        while (wire.Count < count())
        {
            var m = await reader.ReadMessageAsync(guard.Token);
            wire.Add((m.Fields[0], int.Parse(m.Fields[1]), int.Parse(m.Fields[2])));
        }
        return wire;
    }

    private static async Task<(NetworkStream Server, Socket Client)> PairAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            using var guard = new CancellationTokenSource(RawTwsClient.Guard);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var accepting = listener.AcceptSocketAsync(guard.Token);
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, guard.Token);
            return (new NetworkStream(await accepting, ownsSocket: true), client);
        }
        finally
        {
            listener.Stop();
        }
    }
}
