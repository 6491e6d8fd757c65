using System.Net;
using System.Net.Sockets;
using System.Text;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>
/// A bare TWS API client for the simulator tests, on the shared framing: it sends exactly the bytes a test asks for, so
/// tests can speak the protocol right, wrong or not at all. Every read has a generous guard against hangs.
/// </summary>
internal sealed class RawTwsClient : IAsyncDisposable
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;

    private RawTwsClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new FrameReader(_stream);
    }

    public static async Task<RawTwsClient> ConnectAsync(IPEndPoint endPoint)
    {
        var tcp = new TcpClient(endPoint.AddressFamily);
        using var guard = new CancellationTokenSource(Guard);
        await tcp.ConnectAsync(endPoint.Address, endPoint.Port, guard.Token);
        return new RawTwsClient(tcp);
    }

    /// <summary>Connects, negotiates and starts the API; returns the server version and the welcome messages up to the last farm notice.</summary>
    public static async Task<(RawTwsClient Client, int Version, List<TwsMessage> Welcome)> ConnectAndStartAsync(IPEndPoint endPoint, int clientId = 1, string range = "v100..193")
    {
        var client = await ConnectAsync(endPoint);
        await client.SendHandshakeAsync(range);
        var version = await client.ReadMessageAsync();
        await client.SendAsync(71, 2, clientId, "");
        var welcome = new List<TwsMessage>();
        for (var i = 0; i < 5; i++) welcome.Add(await client.ReadMessageAsync());
        return (client, int.Parse(version.Fields[0]), welcome);
    }

    public Task SendHandshakeAsync(string range)
    {
        var text = Encoding.ASCII.GetBytes(range);
        var bytes = new byte[8 + text.Length];
        bytes[0] = (byte)'A'; bytes[1] = (byte)'P'; bytes[2] = (byte)'I'; bytes[3] = 0;
        bytes[4] = (byte)(text.Length >> 24); bytes[5] = (byte)(text.Length >> 16); bytes[6] = (byte)(text.Length >> 8); bytes[7] = (byte)text.Length;
        text.CopyTo(bytes, 8);
        return SendRawAsync(bytes);
    }

    public Task SendAsync(params object[] fields)
    {
        var builder = new MessageBuilder();
        foreach (var field in fields)
        {
            switch (field)
            {
                case int i: builder.Add(i); break;
                case string s: builder.Add(s); break;
                default: builder.Add(Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture)!); break;
            }
        }
        return SendRawAsync(builder.ToFrame());
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        using var guard = new CancellationTokenSource(Guard);
        await _stream.WriteAsync(bytes, guard.Token);
    }

    public async Task<TwsMessage> ReadMessageAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await _reader.ReadMessageAsync(guard.Token);
    }

    /// <summary>Reads messages until one with this id arrives (skipping others), guarded.</summary>
    public async Task<TwsMessage> ReadUntilAsync(int messageId)
    {
        while (true)
        {
            var message = await ReadMessageAsync();
            if (message.Id == messageId) return message;
        }
    }

    /// <summary>Reads until the server closes the connection (EOF or reset) and returns how many bytes came before; throws if it stays open.</summary>
    public async Task<int> ReadToEndAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, guard.Token)) > 0) total += read;
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        return total;
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
