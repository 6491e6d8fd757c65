using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Tests.Network;

/// <summary>
/// A loopback TCP server (127.0.0.1, OS-chosen port) that runs a small script for each connection it accepts: reply with
/// given frames, close, hold, drip. Records what clients sent. Disposing it ends every script and closes every socket.
/// </summary>
public sealed class ScriptedServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentBag<TcpClient> _clients = new();

    public ScriptedServer(Func<ScriptedConnection, CancellationToken, Task> script)
    {
        _listener.Start();
        _acceptLoop = AcceptAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every message clients sent after their handshake, across all connections, in arrival order per connection.</summary>
    public ConcurrentQueue<TwsMessage> Received { get; } = new();

    /// <summary>The version strings clients sent after <c>API\0</c>.</summary>
    public ConcurrentQueue<string> Handshakes { get; } = new();

    public int Connections;

    private async Task AcceptAsync(Func<ScriptedConnection, CancellationToken, Task> script)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _clients.Add(client);
            Interlocked.Increment(ref Connections);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try { await script(new ScriptedConnection(client, this), _stop.Token); }
                    catch (Exception) { /* a script ends when the client leaves or the server stops */ }
                }
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients) client.Dispose();
        try { _acceptLoop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

/// <summary>One accepted connection, as seen by a script.</summary>
public sealed class ScriptedConnection
{
    private readonly TcpClient _client;
    private readonly ScriptedServer _server;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;

    public ScriptedConnection(TcpClient client, ScriptedServer server)
    {
        _client = client;
        _server = server;
        _stream = client.GetStream();
        _reader = new FrameReader(_stream);
    }

    /// <summary>Reads <c>API\0</c>, the length and the version string; records and returns the string.</summary>
    public async Task<string> ReadHandshakeAsync(CancellationToken ct)
    {
        var prefix = new byte[8];
        await _reader.ReadExactlyAsync(prefix, 8, ct);
        Assert.Equal("API\0", Encoding.ASCII.GetString(prefix, 0, 4));
        var length = (prefix[4] << 24) | (prefix[5] << 16) | (prefix[6] << 8) | prefix[7];
        var text = new byte[length];
        await _reader.ReadExactlyAsync(text, length, ct);
        var version = Encoding.UTF8.GetString(text);
        _server.Handshakes.Enqueue(version);
        return version;
    }

    public async Task<TwsMessage> ReadMessageAsync(CancellationToken ct)
    {
        var message = await _reader.ReadMessageAsync(ct);
        _server.Received.Enqueue(message);
        return message;
    }

    public Task SendAsync(params object[] fields) => SendRawAsync(Frame(fields));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends the bytes one at a time with a pause between them: a slow drip.</summary>
    public async Task DripAsync(byte[] bytes, TimeSpan pause, CancellationToken ct)
    {
        foreach (var b in bytes)
        {
            await _stream.WriteAsync(new[] { b }, ct);
            await Task.Delay(pause, ct);
        }
    }

    /// <summary>Keeps the socket open and silent until the server stops or the client leaves.</summary>
    public async Task HoldAsync(CancellationToken ct)
    {
        var sink = new byte[256];
        while (await _stream.ReadAsync(sink, ct) > 0) { }
    }

    public void Close() => _client.Close();

    public static byte[] Frame(params object[] fields)
    {
        var builder = new MessageBuilder();
        foreach (var field in fields) builder.Add(Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return builder.ToFrame();
    }
}
