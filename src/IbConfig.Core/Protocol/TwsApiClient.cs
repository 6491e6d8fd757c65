using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Network;

namespace IbConfig.Core.Protocol;

/// <summary>
/// The client side of the TWS API text protocol over a connected stream: the <c>API\0</c> version handshake, START_API
/// and the read-only requests a health check needs (docs/tws-protocol.md). It never sends an order or anything that changes
/// the account — there is no method for it. Every read and write has a time-out (a <see cref="TimeoutException"/>);
/// the caller's token cancels (an <see cref="OperationCanceledException"/>); broken bytes are a
/// <see cref="TwsProtocolException"/>. After any of those the connection is finished. Not thread-safe: one caller.
/// </summary>
public sealed class TwsApiClient : IDisposable
{
    private static readonly byte[] ApiPrefix = { (byte)'A', (byte)'P', (byte)'I', 0 };
    private readonly CountingStream _stream;
    private readonly FrameReader _reader;

    /// <param name="stream">A connected stream (usually a NetworkStream); the client owns and disposes it.</param>
    /// <param name="ioTimeout">The limit for each single read or write.</param>
    /// <param name="maxFrameLength">Longer frames are rejected before anything is allocated for them.</param>
    public TwsApiClient(Stream stream, TimeSpan ioTimeout, int maxFrameLength = FrameReader.DefaultMaxFrameLength)
    {
        if (ioTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ioTimeout), "The time-out must be positive.");
        _stream = new CountingStream(stream ?? throw new ArgumentNullException(nameof(stream)));
        _reader = new FrameReader(_stream, maxFrameLength);
        IoTimeout = ioTimeout;
    }

    public TimeSpan IoTimeout { get; }

    /// <summary>The version the server chose in the handshake; 0 before it. Message layouts depend on it.</summary>
    public int ServerVersion { get; private set; }

    /// <summary>Every byte received so far: tells a silent peer from one that stalls mid-frame.</summary>
    public long BytesReceived => _stream.BytesRead;

    /// <summary>The peer's first bytes were a TLS record header: it expects a TLS client, not the plain TWS API.</summary>
    public bool ReceivedTlsRecord => FrameReader.IsTlsRecord(_stream.Prefix);

    /// <summary>
    /// Sends <c>API\0</c>, a 4-byte length and the version range (the length counts the string only; no NUL follows it),
    /// then reads the server's version and connection time.
    /// </summary>
    public async Task<ServerHello> HandshakeAsync(VersionRange range, CancellationToken cancellationToken)
    {
        if (ServerVersion != 0) throw new InvalidOperationException("The handshake has already been done on this connection.");
        var text = Encoding.UTF8.GetBytes(range.ToString());
        var bytes = new byte[ApiPrefix.Length + 4 + text.Length];
        Array.Copy(ApiPrefix, bytes, ApiPrefix.Length);
        var length = new byte[4];
        MessageBuilder.WriteLength(length, text.Length);
        Array.Copy(length, 0, bytes, ApiPrefix.Length, 4);
        Array.Copy(text, 0, bytes, ApiPrefix.Length + 4, text.Length);
        await WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        var hello = ServerHello.Decode(await ReadMessageAsync(cancellationToken).ConfigureAwait(false), range);
        ServerVersion = hello.ServerVersion;
        return hello;
    }

    /// <summary>START_API: <c>71, 2, clientId, optionalCapabilities</c> (the last field exists from server version 72).</summary>
    public Task StartApiAsync(int clientId, CancellationToken cancellationToken)
    {
        var message = Request(ClientMessageId.StartApi, 2).Add(clientId);
        if (ServerVersion >= 72) message.Add("");
        return SendAsync(message, cancellationToken);
    }

    public Task RequestCurrentTimeAsync(CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.ReqCurrentTime, 1), cancellationToken);

    public Task RequestManagedAccountsAsync(CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.ReqManagedAccounts, 1), cancellationToken);

    /// <summary>REQ_IDS: asks for a fresh NEXT_VALID_ID; the count is ignored by servers but must be there.</summary>
    public Task RequestIdsAsync(CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.ReqIds, 1).Add(1), cancellationToken);

    /// <summary>REQ_ACCOUNT_SUMMARY: <c>62, 1, reqId, group, tags</c>; the server answers with rows, then an end for reqId.</summary>
    public Task RequestAccountSummaryAsync(int requestId, string group, string tags, CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.ReqAccountSummary, 1).Add(requestId).Add(group).Add(tags), cancellationToken);

    public Task CancelAccountSummaryAsync(int requestId, CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.CancelAccountSummary, 1).Add(requestId), cancellationToken);

    public Task RequestPositionsAsync(CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.ReqPositions, 1), cancellationToken);

    public Task CancelPositionsAsync(CancellationToken cancellationToken) =>
        SendAsync(Request(ClientMessageId.CancelPositions, 1), cancellationToken);

    /// <summary>Reads the next message, whatever it is; servers send replies and notices in any order.</summary>
    public async Task<TwsMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        // A message that has arrived whole already needs no time-out: servers send several at once (the welcome is five).
        cancellationToken.ThrowIfCancellationRequested();
        if (_reader.TryReadBufferedMessage(out var buffered)) return buffered;
        using var step = StartStep(cancellationToken);
        try
        {
            return await _reader.ReadMessageAsync(step.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete message arrived within {IoTimeout.TotalMilliseconds:0} ms ({BytesReceived} bytes received on this connection).");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static MessageBuilder Request(ClientMessageId id, int version) => new MessageBuilder().Add((int)id).Add(version);

    private Task SendAsync(MessageBuilder message, CancellationToken cancellationToken)
    {
        // A request before the version is known could use the wrong layout (IB's client-side error 504, "not connected").
        if (ServerVersion == 0) throw new InvalidOperationException("Not connected: do the handshake first.");
        return WriteAsync(message.ToFrame(), cancellationToken);
    }

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var step = StartStep(cancellationToken);
        // NetworkStream on .NET Framework ignores the token of a pending write: closing the stream is what ends it.
        using var registration = step.Token.Register(static s => ((Stream)s!).Dispose(), _stream);
        try
        {
            // Raced against the token as well: a stream that ignores both the token and its own disposal must not hang us.
            await _stream.WriteAsync(bytes, 0, bytes.Length, step.Token).OrCancelledAsync(step.Token).ConfigureAwait(false);
            await _stream.FlushAsync(step.Token).OrCancelledAsync(step.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (step.IsCancellationRequested && ex is ObjectDisposedException or IOException or OperationCanceledException)
        {
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException("Writing to the server was cancelled.", ex, cancellationToken);
            throw new TimeoutException($"The server did not take {bytes.Length} bytes within {IoTimeout.TotalMilliseconds:0} ms.");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new TwsProtocolException(ProtocolFailure.Closed, $"The connection was closed while sending: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private CancellationTokenSource StartStep(CancellationToken cancellationToken)
    {
        var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        step.CancelAfter(IoTimeout);
        return step;
    }
}
