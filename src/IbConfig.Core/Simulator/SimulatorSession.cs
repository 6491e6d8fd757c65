using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// One client connection, served start to end: admission by address, the "API\0" handshake and version negotiation,
/// START_API (client id checks, then accounts, next valid id, farm notices), then requests until the client leaves.
/// Whatever the client sends, only this connection is affected: bad bytes, a stalled handshake or a client that stops
/// reading close it and nothing else.
/// </summary>
internal sealed class SimulatorSession
{
    /// <summary>"v100..226 +PACEAPI" is 18 bytes; a version string is never long.</summary>
    private const int MaxVersionStringLength = 256;

    /// <summary>Bytes an untrusted, held peer may send before it is deemed hostile and closed.</summary>
    private const int MaxHeldBytes = 64 * 1024;

    private static readonly byte[] ApiPrefix = { (byte)'A', (byte)'P', (byte)'I', 0 };

    private readonly GatewaySimulator _simulator;
    private readonly GatewaySimulatorOptions _options;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    /// <summary>Everything this connection sends, whoever sends it, in the order it happened.</summary>
    private readonly SessionOutbox _outbox;
    private readonly string _remote;
    private volatile string? _dropReason;
    private readonly SimulatorClientState _client = new();
    private long _requestCount;
    private int? _claimedClientId;

    public SimulatorSession(GatewaySimulator simulator, long id, Socket socket)
    {
        _simulator = simulator;
        _options = simulator.Options;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Id = id;
        Remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        _remote = $"{PeerAdmission.Normalize(Remote.Address)}:{Remote.Port}";
        ConnectedAt = _options.Clock();
        var trace = _simulator.Trace;
        _outbox = new SessionOutbox(_stream, _options.WriteTimeout, Drop,
            trace is null ? null : (frame, handshake) => trace.Reply(Id, ClientId, frame, handshake));
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    public DateTimeOffset ConnectedAt { get; }

    public SessionState State { get; private set; } = SessionState.Handshaking;

    public int? ClientId { get; private set; }

    public int ServerVersion { get; private set; }

    /// <summary>What this client is and has subscribed to.</summary>
    public SimulatorClientState Client => _client;

    /// <summary>Whether the client holds any market stream (a cheap check before building updates for it).</summary>
    public bool HasStreams => State == SessionState.Connected && (!_client.TickStreams.IsEmpty || !_client.HistoryStreams.IsEmpty || !_client.RealTimeBarStreams.IsEmpty);

    /// <summary>
    /// Queues frames the client did not ask for (the market's ticks and bars, order news) and returns at once: the caller
    /// is the replay's thread or another client's request. They keep their place behind what was queued before.
    /// </summary>
    public void Post(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count > 0 && State == SessionState.Connected) _outbox.Post(frames);
    }

    public SimulatorSessionInfo Snapshot() => new(Id, PeerAdmission.Normalize(Remote.Address).ToString(), Remote.Port, State, ClientId, ServerVersion,
        ClientId is not null && ClientId == _options.MasterClientId, ConnectedAt, Interlocked.Read(ref _requestCount));

    public async Task RunAsync(CancellationToken stopping)
    {
        // One token source for every write: armed for WriteTimeout around each write, it also fires when the simulator stops.
        using var writeGuard = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _outbox.Open(writeGuard);
        using var closeOnCancel = writeGuard.Token.Register(static s => ((Stream)s!).Dispose(), _stream);
        var outcome = "the client closed the connection";
        try
        {
            Log(SimulatorEventKind.Accepted, null, $"connection from {_remote}");
            switch (_simulator.Admit(Remote.Address))
            {
                case PeerVerdict.Close:
                    outcome = $"closed at once: {_remote} is not trusted" + (_options.AllowLocalhostOnly && !IPAddress.IsLoopback(PeerAdmission.Normalize(Remote.Address)) ? " (localhost only)" : "");
                    Log(SimulatorEventKind.PeerClosed, null, outcome);
                    return;
                case PeerVerdict.Hold:
                    State = SessionState.Held;
                    Log(SimulatorEventKind.PeerHeld, null, $"{_remote} is not trusted: held without a reply, like TWS's accept dialog");
                    outcome = await HoldAsync(stopping).ConfigureAwait(false);
                    return;
            }

            var reader = new FrameReader(_stream, _options.MaxFrameLength);
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                handshake.CancelAfter(_options.HandshakeTimeout);
                try
                {
                    if (await NegotiateAsync(reader, handshake.Token).ConfigureAwait(false) is string refused)
                    {
                        outcome = $"closed: {refused}";
                        return;
                    }
                    if (!await StartApiAsync(reader, handshake.Token).ConfigureAwait(false))
                    {
                        outcome = "closed: client id in use";
                        return;
                    }
                }
                catch (OperationCanceledException) when (handshake.IsCancellationRequested && !stopping.IsCancellationRequested)
                {
                    outcome = $"closed: no complete handshake within {_options.HandshakeTimeout.TotalSeconds:0.###} s";
                    Log(SimulatorEventKind.HandshakeTimedOut, null, outcome);
                    return;
                }
            }

            // A client that closes between two requests ends the loop without an exception: that is every session's normal end.
            while (await reader.ReadMessageOrEndAsync(stopping).ConfigureAwait(false) is { } request)
            {
                Interlocked.Increment(ref _requestCount);
                _simulator.Trace?.Request(Id, ClientId, request);
                // Frames queued from elsewhere meanwhile wait behind the answer: a tick for a stream this request opens cannot overtake it.
                _outbox.BeginAnswer();
                var response = _simulator.FaultFor(request, ServerVersion, ClientId) ?? _simulator.Responder.Respond(request, ServerVersion, _client);
                Log(response.Kind, request.Id, response.Note);
                await _outbox.AnswerAsync(response.Frames).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            outcome = "closed: the simulator stopped";
        }
        catch (Exception) when (writeGuard.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            outcome = $"closed: the client stopped reading and a write blocked for {_options.WriteTimeout.TotalSeconds:0.###} s";
            Log(SimulatorEventKind.WriteTimedOut, null, outcome);
        }
        catch (TwsProtocolException ex) when (ex.Failure == ProtocolFailure.Closed)
        {
            outcome = ex.Message.StartsWith("The connection was reset", StringComparison.Ordinal) ? "the client reset the connection" : outcome;
        }
        catch (TwsProtocolException ex)
        {
            outcome = $"closed: {ex.Message}";
            Log(SimulatorEventKind.ProtocolViolation, null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            outcome = $"connection lost: {ex.Message}";
        }
        finally
        {
            if (_dropReason is string dropped) outcome = $"closed: {dropped}";
            State = SessionState.Closed;
            _outbox.Close();
            if (_claimedClientId is int claimed) _simulator.ReleaseClientId(claimed, Id);
            _stream.Dispose();
            Log(SimulatorEventKind.Disconnected, null, outcome);
        }
    }

    /// <summary>Reads "API\0" and the version range, answers the version and connection time; returns why when it refuses.</summary>
    private async Task<string?> NegotiateAsync(FrameReader reader, CancellationToken handshake)
    {
        var prefix = new byte[4];
        await reader.ReadExactlyAsync(prefix, 1, handshake).ConfigureAwait(false);
        if (prefix[0] is >= (byte)'0' and <= (byte)'9')
        {
            // A client older than v100 sends its version as a NUL-terminated number with no "API\0" (docs/simulator.md, "Handshake").
            var old = await ReadOldClientVersionAsync(reader, (char)prefix[0], handshake).ConfigureAwait(false);
            var why = $"pre-v100 handshake refused: the client sent version {old} without \"API\\0\"; the simulator serves v100 and later only (TWS API 9.72+ clients)";
            Log(SimulatorEventKind.VersionRefused, null, why);
            return why;
        }
        var rest = new byte[3];
        await reader.ReadExactlyAsync(rest, 3, handshake).ConfigureAwait(false);
        Array.Copy(rest, 0, prefix, 1, 3);
        if (prefix[0] != ApiPrefix[0] || prefix[1] != ApiPrefix[1] || prefix[2] != ApiPrefix[2] || prefix[3] != ApiPrefix[3])
        {
            var what = FrameReader.LooksLikeAnotherProtocol(prefix, out var kind) && kind.Length > 0 ? kind : $"bytes {BitConverter.ToString(prefix)}";
            throw new TwsProtocolException(ProtocolFailure.NotTwsApi, $"The client sent {what} instead of the \"API\\0\" handshake.");
        }
        var text = Encoding.UTF8.GetString(await reader.ReadFramePayloadAsync(MaxVersionStringLength, handshake).ConfigureAwait(false)).TrimEnd('\0');
        if (!VersionRange.TryParse(text, out var range))
            throw new TwsProtocolException(ProtocolFailure.Malformed, $"The client's version string '{Shorten(text)}' is not v<min>..<max>.");
        var version = Negotiate(range, _options.MaxServerVersion);
        if (version is null)
        {
            // A range entirely outside what the simulator serves: closed without a reply, as a real gateway most likely does.
            var why = $"client range {range} lies outside {GatewaySimulatorOptions.LowestServerVersion}..{_options.MaxServerVersion}";
            Log(SimulatorEventKind.VersionRefused, null, why);
            return $"version range refused ({why})";
        }
        ServerVersion = version.Value;
        await _outbox.AnswerAsync(new[] { GatewayMessages.ServerVersion(ServerVersion, _simulator.Clock(), _options.TimeZone) }, handshake: true).ConfigureAwait(false);
        Log(SimulatorEventKind.VersionNegotiated, null, $"client range {range}: server version {ServerVersion}");
        return null;
    }

    /// <summary>The rest of an old client's version number, up to its NUL; a few digits at most.</summary>
    private static async Task<string> ReadOldClientVersionAsync(FrameReader reader, char first, CancellationToken handshake)
    {
        var text = new StringBuilder().Append(first);
        var one = new byte[1];
        while (true)
        {
            await reader.ReadExactlyAsync(one, 1, handshake).ConfigureAwait(false);
            if (one[0] == 0) return text.ToString();
            if (one[0] is < (byte)'0' or > (byte)'9' || text.Length >= 9)
                throw new TwsProtocolException(ProtocolFailure.Malformed, $"The client sent '{text}' then byte 0x{one[0]:X2}: neither \"API\\0\" nor an old client's version.");
            text.Append((char)one[0]);
        }
    }

    /// <summary>The highest version both sides speak, or null when the ranges do not overlap.</summary>
    public static int? Negotiate(VersionRange client, int serverMax) =>
        client.Max < GatewaySimulatorOptions.LowestServerVersion || client.Min > serverMax ? null : Math.Min(client.Max, serverMax);

    /// <summary>Waits for START_API and welcomes the client; false when its id is in use (error 326, then close).</summary>
    private async Task<bool> StartApiAsync(FrameReader reader, CancellationToken handshake)
    {
        var start = await reader.ReadMessageAsync(handshake).ConfigureAwait(false);
        _simulator.Trace?.Request(Id, null, start);
        if (start.Id != (int)ClientMessageId.StartApi)
            throw new TwsProtocolException(ProtocolFailure.Malformed, $"The client sent message {Shorten(start.Fields[0])} before START_API (71).");
        var clientId = start.GetInt(2);
        if (!_simulator.TryClaimClientId(clientId, Id))
        {
            await _outbox.AnswerAsync(new[] { GatewayMessages.Error(ServerVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.ClientIdInUse, GatewayErrorCode.ClientIdInUseText) }).ConfigureAwait(false);
            _socket.Shutdown(SocketShutdown.Send);
            Log(SimulatorEventKind.ClientIdInUse, null, $"client id {clientId} is in use: error 326, then close", clientId);
            return false;
        }
        _claimedClientId = clientId;
        ClientId = clientId;
        Client.ClientId = clientId;
        // Connected before the welcome is queued, as an answer: a fault's notice comes after it, never before or lost.
        _outbox.BeginAnswer();
        State = SessionState.Connected;
        await _outbox.AnswerAsync(_simulator.Responder.Welcome(ServerVersion)).ConfigureAwait(false);
        var master = clientId == _options.MasterClientId ? " (the master API client)" : "";
        Log(SimulatorEventKind.ApiStarted, (int)ClientMessageId.StartApi, $"client id {clientId}{master}: sent accounts {_simulator.Responder.ManagedAccounts}, next valid id, farm notices");
        return true;
    }

    /// <summary>Holds an untrusted peer without a word until it leaves, the simulator stops, or HoldTimeout passes.</summary>
    private async Task<string> HoldAsync(CancellationToken stopping)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        hold.CancelAfter(_options.HoldTimeout);
        using var closeOnCancel = hold.Token.Register(static s => ((Stream)s!).Dispose(), _stream);
        var discard = new byte[4096];
        var total = 0;
        try
        {
            while (true)
            {
                // Read (and drop) what the client sends, only to notice when it gives up and closes.
                var read = await _stream.ReadAsync(discard, 0, discard.Length, hold.Token).ConfigureAwait(false);
                if (read == 0) return "the held client closed the connection";
                total += read;
                if (total > MaxHeldBytes) return $"closed: the held client sent more than {MaxHeldBytes} bytes";
            }
        }
        catch (Exception) when (hold.IsCancellationRequested)
        {
            if (stopping.IsCancellationRequested) throw new OperationCanceledException(stopping);
            return $"closed: held for {_options.HoldTimeout.TotalSeconds:0.###} s without an answer";
        }
    }

    /// <summary>
    /// Sends frames the client did not ask for (a fault's notice) in their place behind what was queued before; true once
    /// written. False when the session is not serving requests or the write failed (the session's own loop then closes).
    /// </summary>
    public Task<bool> SendAsync(IReadOnlyList<byte[]> frames) =>
        State == SessionState.Connected ? _outbox.SendAsync(frames) : Task.FromResult(false);

    /// <summary>Closes the connection from the server side, as a network cut or a gateway restart does; the reason ends up in the log.</summary>
    public void Drop(string reason)
    {
        _dropReason = reason;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
        _stream.Dispose();
        _outbox.Close();
    }

    private void Log(SimulatorEventKind kind, int? messageId, string message, int? clientId = null) =>
        _simulator.Events.Add(kind, Id, _remote, clientId ?? ClientId, messageId, message);

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
