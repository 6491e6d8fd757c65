using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IbConfig.Core.Tests.Ibc;

/// <summary>
/// A stand-in for IBC's command server on loopback (OS-chosen port): accepts one connection, reads one command line, records
/// it, and answers with the scripted lines — or, when told, with nothing (so the client's time-out is what ends the wait).
/// </summary>
internal sealed class FakeIbcCommandServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;
    private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeIbcCommandServer(params string[] replyLines) : this(replyLines, holdOpen: false) { }

    public FakeIbcCommandServer(string[] replyLines, bool holdOpen, string? rawReply = null)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync(replyLines, holdOpen, rawReply);
    }

    public int Port { get; }

    private readonly TaskCompletionSource<string> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ServeAsync(string[] replyLines, bool holdOpen, string? rawReply)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n') received.Add(one[0]);
        _received.TrySetResult(Encoding.ASCII.GetString(received.ToArray()));
        var reply = rawReply ?? string.Concat(replyLines.Select(l => l + "\r\n"));
        var bytes = Encoding.ASCII.GetBytes(reply);
        await stream.WriteAsync(bytes);
        if (holdOpen) await _release.Task;
    }

    /// <summary>The command line the client sent (without its line feed).</summary>
    public Task<string> ReceivedAsync() => _received.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        _release.TrySetResult(true);
        _listener.Stop();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
