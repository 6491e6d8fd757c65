using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Checks;
using IbConfig.Core.Network;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Watch;

/// <summary>
/// Watches one gateway over its own API session: reports each notice the gateway sends (farms, connectivity), when the
/// session drops and comes back, a gateway that is up but not logged in, and clock skew. A heartbeat (REQ_CURRENT_TIME every
/// <see cref="GatewayWatchTiming.HeartbeatInterval"/>) proves the gateway still answers and measures its clock. After a
/// drop it reconnects with a doubling delay and says so. It only reads, like the health check. Runs until its token is
/// cancelled; events go to the callback from a thread-pool thread, in order.
/// </summary>
public sealed class GatewayWatcher
{
    /// <summary>The watcher's default client id: not the bot's (1 by convention), not the health check's (999).</summary>
    public const int DefaultClientId = 998;

    private readonly TcpConnector _connector;
    private readonly Func<DateTimeOffset> _utcNow;

    public GatewayWatcher(string computerName, int port, int clientId = DefaultClientId, GatewayWatchTiming? timing = null,
        TcpConnector? connector = null, Func<DateTimeOffset>? utcNow = null)
    {
        if (string.IsNullOrWhiteSpace(computerName)) throw new ArgumentException("A computer name is required.", nameof(computerName));
        if (port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1 to 65535.");
        if (clientId < 0) throw new ArgumentOutOfRangeException(nameof(clientId), clientId, "Client ids are 0 or more.");
        ComputerName = computerName;
        Port = port;
        ClientId = clientId;
        Timing = (timing ?? new GatewayWatchTiming()).Validate();
        _connector = connector ?? new TcpConnector();
        _utcNow = utcNow ?? (static () => DateTimeOffset.UtcNow);
    }

    public string ComputerName { get; }

    public int Port { get; }

    public int ClientId { get; }

    public GatewayWatchTiming Timing { get; }

    /// <summary>Watches until <paramref name="cancellationToken"/> is cancelled (then throws OperationCanceledException). Each call has its own session state.</summary>
    public async Task RunAsync(Action<IbGatewayEvent> emit, CancellationToken cancellationToken)
    {
        if (emit is null) throw new ArgumentNullException(nameof(emit));
        var state = new WatchState();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = await SessionAsync(emit, state, cancellationToken).ConfigureAwait(false);
            TimeSpan delay;
            if (end.WasConnected)
            {
                state.DroppedAt = _utcNow();
                delay = Timing.RetryDelay(1);
                emit(Event(IbGatewayEventKind.Disconnected, null, "", $"{end.Reason}; reconnecting in {Seconds(delay)}"));
            }
            else
            {
                state.Failures++;
                // After a drop the first wait has already been taken, so the backoff is one step further on.
                delay = Timing.RetryDelay(state.Failures + (state.DroppedAt is null ? 0 : 1));
                emit(Event(IbGatewayEventKind.Reconnecting, null, "", $"attempt {state.Failures} failed: {end.Reason}; next attempt in {Seconds(delay)}"));
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One connection from connect to drop; returns why it ended. Only the caller's token makes it throw.</summary>
    private async Task<SessionEnd> SessionAsync(Action<IbGatewayEvent> emit, WatchState state, CancellationToken cancellationToken)
    {
        using var connection = await _connector.ConnectAsync(ComputerName, Port, Timing.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (!connection.Succeeded || connection.Socket is null) return new SessionEnd(false, $"{connection.Status}{(connection.Failure is null ? "" : " (" + connection.Failure + ")")}");
        using var client = new TwsApiClient(new NetworkStream(connection.Socket, ownsSocket: true), Timing.SilenceLimit);
        var early = new List<TwsNotice>();
        using (var login = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            login.CancelAfter(Timing.ConnectTimeout);
            var stage = "handshake";
            try
            {
                await client.HandshakeAsync(VersionRange.Client, login.Token).ConfigureAwait(false);
                stage = "start-API";
                await client.StartApiAsync(ClientId, login.Token).ConfigureAwait(false);
                stage = "login";
                while (true)
                {
                    var message = await client.ReadMessageAsync(login.Token).ConfigureAwait(false);
                    if (message.Id == (int)ServerMessageId.NextValidId) break;
                    if (message.Id != (int)ServerMessageId.Error) continue;
                    var notice = TwsNotice.Decode(message, client.ServerVersion);
                    if (notice.Code == TwsNotice.ClientIdInUseCode) return new SessionEnd(false, $"client id {ClientId} is in use (326): pass another -ClientId");
                    if (early.Count < ConnectionVerifier.MaxNotices) early.Add(notice);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (stage != "login") return new SessionEnd(false, $"no {stage} within {Seconds(Timing.ConnectTimeout)}");
                emit(Event(IbGatewayEventKind.NotLoggedIn, null, "", $"the API answered but sent no next valid id within {Seconds(Timing.ConnectTimeout)}: the gateway is up but not logged in (or a dialog waits)"));
                return new SessionEnd(false, "not logged in");
            }
            catch (Exception ex) when (ex is TwsProtocolException or TimeoutException)
            {
                return new SessionEnd(false, $"{stage} failed: {ex.Message}");
            }
        }

        var now = _utcNow();
        emit(state.DroppedAt is { } dropped
            ? Event(IbGatewayEventKind.Reconnected, null, "", $"back after {Seconds(now - dropped)} and {state.Failures + 1} attempt(s), client id {ClientId}")
            : Event(IbGatewayEventKind.Connected, null, "", $"watching with client id {ClientId}, server version {client.ServerVersion}"));
        state.DroppedAt = null;
        state.Failures = 0;
        foreach (var notice in early) emit(FromNotice(notice));
        return await ReadUntilDropAsync(client, emit, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SessionEnd> ReadUntilDropAsync(TwsApiClient client, Action<IbGatewayEvent> emit, WatchState state, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(client, state, session);
        try
        {
            while (true)
            {
                var message = await client.ReadMessageAsync(session.Token).ConfigureAwait(false);
                if (message.Id == (int)ServerMessageId.Error) emit(FromNotice(TwsNotice.Decode(message, client.ServerVersion)));
                else if (message.Id == (int)ServerMessageId.CurrentTime) CheckClock(ReplyDecoder.CurrentTime(message), emit, state);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SessionEnd(true, "the heartbeat could not be sent");
        }
        catch (TimeoutException)
        {
            return new SessionEnd(true, $"no answer for {Seconds(Timing.SilenceLimit)}, not even to the heartbeat");
        }
        catch (TwsProtocolException ex)
        {
            return new SessionEnd(true, ex.Failure == ProtocolFailure.Closed ? "the gateway closed the connection" : ex.Message);
        }
        finally
        {
            session.Cancel();
            await heartbeat.ConfigureAwait(false);
        }
    }

    // The only writer after start-up, so its sends never interleave; the reader runs alongside (a socket is full duplex).
    private async Task HeartbeatAsync(TwsApiClient client, WatchState state, CancellationTokenSource session)
    {
        try
        {
            while (true)
            {
                state.HeartbeatSent = _utcNow();
                await client.RequestCurrentTimeAsync(session.Token).ConfigureAwait(false);
                await Task.Delay(Timing.HeartbeatInterval, session.Token).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Whatever stopped it (the session ending, a send that failed), a missing heartbeat ends the session: the reader stops at once.
            session.Cancel();
        }
    }

    private void CheckClock(DateTimeOffset serverTime, Action<IbGatewayEvent> emit, WatchState state)
    {
        var sent = state.HeartbeatSent;
        var skew = ConnectionVerifier.ClockSkew(serverTime, sent, _utcNow());
        var skewed = skew.Duration() > ServerTimeCheck.MaxSkew;
        if (skewed && !state.ClockSkewed)
            emit(Event(IbGatewayEventKind.ClockSkew, null, "", $"the gateway's clock is {skew.TotalSeconds:+0;-0} s off this computer's (more than {ServerTimeCheck.MaxSkew.TotalSeconds:0} s): sync the clocks (w32tm /resync)"));
        state.ClockSkewed = skewed;
    }

    private IbGatewayEvent FromNotice(TwsNotice notice) =>
        Event(GatewayEventClassifier.Classify(notice.Code), notice.Code, notice.Farm, notice.Message);

    private IbGatewayEvent Event(IbGatewayEventKind kind, int? code, string farm, string message) =>
        new(_utcNow().ToLocalTime(), ComputerName, Port, code, kind, farm, message);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";

    private sealed class WatchState
    {
        public int Failures { get; set; }

        public DateTimeOffset? DroppedAt { get; set; }

        public bool ClockSkewed { get; set; }

        private long _heartbeatSentTicks;

        /// <summary>When the last heartbeat left (written by the heartbeat, read by the reader).</summary>
        public DateTimeOffset HeartbeatSent
        {
            get => new(Volatile.Read(ref _heartbeatSentTicks), TimeSpan.Zero);
            set => Volatile.Write(ref _heartbeatSentTicks, value.UtcTicks);
        }
    }

    private readonly struct SessionEnd
    {
        public SessionEnd(bool wasConnected, string reason)
        {
            WasConnected = wasConnected;
            Reason = reason;
        }

        public bool WasConnected { get; }

        public string Reason { get; }
    }
}
