using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Protocol;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>
/// The guide's verification script as one staged check, speaking the TWS API itself: TCP → version handshake → start-API
/// → managed accounts and next id → server time → account summary and positions. Every stage runs against one overall
/// deadline; the result says which stage failed, why, and what to do. It only reads: no order, nothing that changes the
/// account. Cancelling the caller's token throws; every other failure is a result. One instance may run many checks at
/// once (it keeps two checks of one gateway with one client id apart).
/// </summary>
public sealed class ConnectionVerifier
{
    /// <summary>The request id of the account-summary request (any id works; this one is easy to spot in gateway logs).</summary>
    public const int AccountSummaryRequestId = 9001;

    /// <summary>Fifteen standard tags, as the guide's ib_insync check counts them.</summary>
    public const string AccountSummaryTags =
        "AccountType,NetLiquidation,TotalCashValue,SettledCash,AccruedCash,BuyingPower,EquityWithLoanValue,GrossPositionValue," +
        "InitMarginReq,MaintMarginReq,AvailableFunds,ExcessLiquidity,Cushion,DayTradesRemaining,Leverage";

    /// <summary>A gateway that floods notices must not grow the result without bound.</summary>
    public const int MaxNotices = 50;

    /// <summary>How long a finished check waits for the server to close its side after ours (see <see cref="DisconnectAsync"/>).</summary>
    public static readonly TimeSpan DisconnectWait = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _attemptGates = new();
    private readonly TcpConnector _connector;
    private readonly Func<DateTimeOffset> _utcNow;

    public ConnectionVerifier()
        : this(new TcpConnector(), static () => DateTimeOffset.UtcNow)
    {
    }

    /// <param name="connector">The TCP stage.</param>
    /// <param name="utcNow">This computer's clock, read around the current-time request to compute the clock skew.</param>
    public ConnectionVerifier(TcpConnector connector, Func<DateTimeOffset> utcNow)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
    }

    /// <summary>Runs the check. Only <paramref name="cancellationToken"/> makes it throw; time-outs and failures are results.</summary>
    public async Task<IbConnectionResult> VerifyAsync(IbConnectionRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        request.Validate();
        var total = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);

        var context = new CheckContext(request, total, deadline.Token, cancellationToken);
        Outcome outcome = default;
        foreach (var port in request.CandidatePorts)
        {
            context.PortsTried.Add(port);
            context.ClientIdsTried.Clear();
            var clientId = request.ClientId;
            while (true)
            {
                context.ClientIdsTried.Add(clientId);
                outcome = await AttemptAsync(context, port, clientId).ConfigureAwait(false);
                if (outcome.Result.StatusValue != IbConnectionStatus.ClientIdInUse || !request.FindFreeClientId ||
                    context.ClientIdsTried.Count >= IbConnectionRequest.MaxClientIdAttempts || deadline.IsCancellationRequested)
                    break;
                clientId = clientId == int.MaxValue ? 0 : clientId + 1;
                if (clientId == 1) clientId = 2;  // 1 is the bot's id by convention.
            }
            // Only "nothing listens" moves on to the next conventional port; anything else is the answer.
            if (outcome.Result.StatusValue != IbConnectionStatus.Refused) break;
        }

        var result = outcome.Result;
        result.TotalMs = Milliseconds(total.Elapsed);
        if (!result.Success) ConnectionDiagnosis.Explain(result, outcome.Detail, context.PortsTried, context.ClientIdsTried, request);
        return result;
    }

    /// <summary>
    /// One attempt, but never two at once against one gateway with one client id: they would refuse each other (326).
    /// Matters when one call names the same gateway twice (e.g. localhost and 127.0.0.1).
    /// </summary>
    private async Task<Outcome> AttemptAsync(CheckContext context, int port, int clientId)
    {
        var gate = _attemptGates.GetOrAdd(GateKey(context.Request.ComputerName, port, clientId), static _ => new SemaphoreSlim(1, 1));
        try
        {
            await gate.WaitAsync(context.Deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
        {
            return Fail(new IbConnectionResult(context.Request.ComputerName, port, clientId), IbConnectionStatus.TimedOut, ConnectionStage.Tcp,
                "another check of this gateway with the same client id in this call did not finish in time");
        }
        try
        {
            return await AttemptOnceAsync(context, port, clientId).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The gateway and client id an attempt uses; every loopback spelling is one gateway.</summary>
    internal static string GateKey(string computerName, int port, int clientId)
    {
        var host = HostName.IsLoopback(computerName) ? "loopback" : computerName.Trim().ToLowerInvariant();
        return $"{host}|{port}|{clientId}";
    }

    private async Task<Outcome> AttemptOnceAsync(CheckContext context, int port, int clientId)
    {
        var request = context.Request;
        var result = new IbConnectionResult(request.ComputerName, port, clientId);
        var notices = new List<TwsNotice>();
        var stage = ConnectionStage.Tcp;
        var stageClock = Stopwatch.StartNew();
        TcpConnectResult? connection = null;
        TwsApiClient? client = null;
        Socket? socket = null;
        var sessionOpen = false;
        try
        {
            var remaining = request.Timeout - context.Total.Elapsed;
            if (remaining <= TimeSpan.Zero) return Fail(result, IbConnectionStatus.TimedOut, stage, "no time was left for this attempt");
            // Not a using: the socket must outlive the returns below until the graceful disconnect in finally.
            connection = await _connector.ConnectAsync(request.ComputerName, port, remaining, context.Deadline).ConfigureAwait(false);
            result.TcpMs = Milliseconds(connection.Latency);
            result.RemoteAddress = connection.RemoteAddress?.ToString();
            if (!connection.Succeeded || connection.Socket is null)
                return Fail(result, ToStatus(connection.Status), stage, connection.Failure);
            socket = connection.Socket;
            result.LocalAddress = LocalAddressOf(socket);
            client = new TwsApiClient(new NetworkStream(socket, ownsSocket: true), request.Timeout);

            stage = ConnectionStage.Handshake;
            stageClock.Restart();
            var hello = await client.HandshakeAsync(VersionRange.Client, context.Deadline).ConfigureAwait(false);
            result.ServerVersion = hello.ServerVersion;
            result.ConnectionTime = hello.ConnectionTime;
            result.HandshakeMs = Milliseconds(stageClock.Elapsed);

            stage = ConnectionStage.StartApi;
            stageClock.Restart();
            await client.StartApiAsync(clientId, context.Deadline).ConfigureAwait(false);
            sessionOpen = true;
            result.StartApiMs = Milliseconds(stageClock.Elapsed);

            // The server sends the accounts and the next id unasked, in any order, with notices in between (doc, step 4).
            stage = ConnectionStage.Accounts;
            stageClock.Restart();
            string[]? accounts = null;
            while (accounts is null || result.NextValidOrderId is null)
            {
                var message = await NextReplyAsync(client, notices, context.Deadline).ConfigureAwait(false);
                if (message.Id == (int)ServerMessageId.NextValidId) result.NextValidOrderId = ReplyDecoder.NextValidId(message);
                else if (message.Id == (int)ServerMessageId.ManagedAccounts) result.ManagedAccounts = accounts = ReplyDecoder.ManagedAccounts(message);
            }
            result.AccountsMs = Milliseconds(stageClock.Elapsed);
            if (accounts.Length == 0) return Fail(result, IbConnectionStatus.NoAccounts, stage, "the managed-accounts list was empty");
            var accountKind = IbAccount.TradingModeOf(accounts.Length == 0 ? Array.Empty<string>() : accounts) ?? TradingMode.Live;
            result.AccountKindValue = accountKind;
            if (IsTradingModeMismatch(accountKind, port, request.ExpectTradingMode))
                return Fail(result, IbConnectionStatus.TradingModeMismatch, stage, null);

            stage = ConnectionStage.ServerTime;
            stageClock.Restart();
            var sent = _utcNow();
            await client.RequestCurrentTimeAsync(context.Deadline).ConfigureAwait(false);
            var serverTime = ReplyDecoder.CurrentTime(await NextReplyAsync(client, notices, context.Deadline, ServerMessageId.CurrentTime).ConfigureAwait(false));
            var received = _utcNow();
            result.ServerTime = serverTime;
            result.ClockSkewValue = ClockSkew(serverTime, sent, received);
            result.ServerTimeMs = Milliseconds(stageClock.Elapsed);
            if (request.SkipAccountData) return Succeed(result, notices);

            stage = ConnectionStage.AccountData;
            stageClock.Restart();
            result.AccountSummaryCount = await CountAccountSummaryAsync(client, notices, context.Deadline).ConfigureAwait(false);
            result.PositionCount = await CountPositionsAsync(client, notices, context.Deadline).ConfigureAwait(false);
            result.AccountDataMs = Milliseconds(stageClock.Elapsed);
            return Succeed(result, notices);
        }
        catch (RejectedByServer ex)
        {
            sessionOpen = ex.Status != IbConnectionStatus.ClientIdInUse;
            return Fail(result, ex.Status, stage, ex.Message, notices);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !context.Cancellation.IsCancellationRequested))
        {
            sessionOpen = false;
            return Fail(result, TimedOutStatus(stage, result, client), stage, TimedOutDetail(stage, client, context.Request.Timeout), notices);
        }
        catch (TwsProtocolException ex)
        {
            sessionOpen = false;
            return Fail(result, ProtocolStatus(stage, ex, client), stage, ex.Message, notices);
        }
        catch
        {
            sessionOpen = false;
            throw;
        }
        finally
        {
            if (sessionOpen && client is not null && socket is not null) await DisconnectAsync(client, socket, context.Deadline).ConfigureAwait(false);
            client?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>
    /// Half-closes, then waits briefly for the server to close too. By then the gateway has ended the session and released
    /// the client id, so a check run right after this one with the same id is not refused with 326.
    /// </summary>
    private static async Task DisconnectAsync(TwsApiClient client, Socket socket, CancellationToken deadline)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline);
            wait.CancelAfter(DisconnectWait);
            while (true) await client.ReadMessageAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TwsProtocolException or OperationCanceledException or TimeoutException or SocketException or ObjectDisposedException or IOException)
        {
            // Closed, timed out or cancelled: the check is over either way.
        }
    }

    /// <summary>Reads until a message that is not ERR_MSG (or, when given, until one with <paramref name="wanted"/>'s id), keeping notices.</summary>
    private static async Task<TwsMessage> NextReplyAsync(TwsApiClient client, List<TwsNotice> notices, CancellationToken deadline, ServerMessageId? wanted = null)
    {
        while (true)
        {
            var message = await client.ReadMessageAsync(deadline).ConfigureAwait(false);
            if (message.Id == (int)ServerMessageId.Error)
            {
                var notice = TwsNotice.Decode(message, client.ServerVersion);
                // 326 comes with id -1, then the server closes: nothing else will arrive (doc, "Error codes").
                if (notice.Code == TwsNotice.ClientIdInUseCode) throw new RejectedByServer(IbConnectionStatus.ClientIdInUse, notice);
                if (notice.RequestId == AccountSummaryRequestId && !notice.IsInformational)
                    throw new RejectedByServer(IbConnectionStatus.RequestRejected, notice);
                if (notices.Count < MaxNotices) notices.Add(notice);
                continue;
            }
            if (wanted is null || message.Id == (int)wanted) return message;
        }
    }

    private static async Task<int> CountAccountSummaryAsync(TwsApiClient client, List<TwsNotice> notices, CancellationToken deadline)
    {
        await client.RequestAccountSummaryAsync(AccountSummaryRequestId, "All", AccountSummaryTags, deadline).ConfigureAwait(false);
        var count = 0;
        while (true)
        {
            var message = await NextReplyAsync(client, notices, deadline).ConfigureAwait(false);
            if (message.Id == (int)ServerMessageId.AccountSummary && AccountSummaryItem.Decode(message).RequestId == AccountSummaryRequestId) count++;
            else if (message.Id == (int)ServerMessageId.AccountSummaryEnd && ReplyDecoder.AccountSummaryEndRequestId(message) == AccountSummaryRequestId) break;
        }
        // The subscription would otherwise keep sending updates to a client that is about to leave.
        await client.CancelAccountSummaryAsync(AccountSummaryRequestId, deadline).ConfigureAwait(false);
        return count;
    }

    private static async Task<int> CountPositionsAsync(TwsApiClient client, List<TwsNotice> notices, CancellationToken deadline)
    {
        await client.RequestPositionsAsync(deadline).ConfigureAwait(false);
        var count = 0;
        while (true)
        {
            var message = await NextReplyAsync(client, notices, deadline).ConfigureAwait(false);
            if (message.Id == (int)ServerMessageId.PositionData) { PositionItem.Decode(message); count++; }
            else if (message.Id == (int)ServerMessageId.PositionEnd) break;
        }
        await client.CancelPositionsAsync(deadline).ConfigureAwait(false);
        return count;
    }

    /// <summary>Live accounts where paper was expected or on a paper port are dangerous; paper where live was expected is merely wrong.</summary>
    internal static bool IsTradingModeMismatch(TradingMode accountKind, int port, TradingMode? expected) =>
        expected is TradingMode wanted
            ? accountKind != wanted
            : accountKind == TradingMode.Live && ConventionalPort.Find(port)?.TradingMode == TradingMode.Paper;

    /// <summary>CURRENT_TIME has whole seconds, so compare whole seconds: the server's second against the local second at the midpoint.</summary>
    internal static TimeSpan ClockSkew(DateTimeOffset serverTime, DateTimeOffset sent, DateTimeOffset received)
    {
        var midpoint = sent + TimeSpan.FromTicks((received - sent).Ticks / 2);
        return TimeSpan.FromSeconds(serverTime.ToUnixTimeSeconds() - midpoint.ToUnixTimeSeconds());
    }

    private static IbConnectionStatus ToStatus(PortStatus status) => status switch
    {
        PortStatus.Refused => IbConnectionStatus.Refused,
        PortStatus.Unreachable => IbConnectionStatus.Unreachable,
        PortStatus.NameNotResolved => IbConnectionStatus.NameNotResolved,
        _ => IbConnectionStatus.TimedOut,
    };

    private static IbConnectionStatus TimedOutStatus(ConnectionStage stage, IbConnectionResult result, TwsApiClient? client) => stage switch
    {
        // Silence after connect is TWS's accept dialog; a few bytes and then silence is a stalled or dripping peer.
        ConnectionStage.Handshake => client?.BytesReceived > 0 ? IbConnectionStatus.ProtocolError : IbConnectionStatus.AwaitingAcceptance,
        ConnectionStage.Accounts => result.NextValidOrderId is null ? IbConnectionStatus.NotLoggedIn : IbConnectionStatus.NoAccounts,
        _ => IbConnectionStatus.TimedOut,
    };

    private static string TimedOutDetail(ConnectionStage stage, TwsApiClient? client, TimeSpan timeout) =>
        stage == ConnectionStage.Handshake && client?.BytesReceived > 0
            ? $"the server sent {client.BytesReceived} byte(s) that did not make a complete frame within {timeout.TotalSeconds:0.###} s"
            : $"no answer within {timeout.TotalSeconds:0.###} s";

    private static IbConnectionStatus ProtocolStatus(ConnectionStage stage, TwsProtocolException ex, TwsApiClient? client)
    {
        switch (ex.Failure)
        {
            case ProtocolFailure.NotTwsApi:
                return client?.ReceivedTlsRecord == true ? IbConnectionStatus.TlsDetected : IbConnectionStatus.NotTwsApi;
            case ProtocolFailure.UnsupportedVersion:
                return IbConnectionStatus.UnsupportedVersion;
            case ProtocolFailure.Closed when stage == ConnectionStage.Handshake:
                // Closed with nothing said is the untrusted-address drop; closed mid-frame is broken bytes.
                return client?.BytesReceived > 0 ? IbConnectionStatus.ProtocolError : IbConnectionStatus.ClosedDuringHandshake;
            case ProtocolFailure.Closed when stage is ConnectionStage.StartApi or ConnectionStage.Accounts:
                return IbConnectionStatus.ClosedDuringHandshake;
            case ProtocolFailure.Closed:
                return IbConnectionStatus.ConnectionLost;
            default:
                return IbConnectionStatus.ProtocolError;
        }
    }

    private static string? LocalAddressOf(Socket socket)
    {
        if (socket.LocalEndPoint is not IPEndPoint local) return null;
        return (local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4() : local.Address).ToString();
    }

    private static Outcome Succeed(IbConnectionResult result, List<TwsNotice> notices)
    {
        result.Notices = notices.ToArray();
        return new Outcome(result, null);
    }

    private static Outcome Fail(IbConnectionResult result, IbConnectionStatus status, ConnectionStage stage, string? detail, List<TwsNotice>? notices = null)
    {
        result.StatusValue = status;
        result.FailedStageValue = stage;
        if (notices is not null) result.Notices = notices.ToArray();
        return new Outcome(result, detail);
    }

    private static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 2);

    private readonly struct Outcome
    {
        public Outcome(IbConnectionResult result, string? detail)
        {
            Result = result;
            Detail = detail;
        }

        public IbConnectionResult Result { get; }

        public string? Detail { get; }
    }

    private sealed class CheckContext
    {
        public CheckContext(IbConnectionRequest request, Stopwatch total, CancellationToken deadline, CancellationToken cancellation)
        {
            Request = request;
            Total = total;
            Deadline = deadline;
            Cancellation = cancellation;
        }

        public IbConnectionRequest Request { get; }

        public Stopwatch Total { get; }

        /// <summary>Fires at the overall time-out or when the caller cancels.</summary>
        public CancellationToken Deadline { get; }

        /// <summary>The caller's own token: only this one makes the check throw.</summary>
        public CancellationToken Cancellation { get; }

        public List<int> PortsTried { get; } = new();

        public List<int> ClientIdsTried { get; } = new();
    }

    /// <summary>The server said no (326, or an error for our request): the stage's status, with IB's own words.</summary>
    private sealed class RejectedByServer : Exception
    {
        public RejectedByServer(IbConnectionStatus status, TwsNotice notice)
            : base($"error {notice.Code}: {notice.Message}") => Status = status;

        public IbConnectionStatus Status { get; }
    }
}
