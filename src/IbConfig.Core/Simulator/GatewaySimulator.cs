using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A TWS API server that stands in for IB Gateway/TWS configured by <see cref="GatewaySimulatorOptions"/>: it speaks the
/// server side of docs/tws-protocol.md to many clients at once, honours the API settings (port, API enabled, trusted IPs,
/// localhost only, master client id, read-only) and reports accounts, positions and account-summary values it was given.
/// It listens on loopback unless told otherwise, runs on the thread pool, and keeps observable counters, sessions and a
/// bounded event log.
/// </summary>
public sealed partial class GatewaySimulator : IDisposable
{
    private readonly ConcurrentDictionary<long, (SimulatorSession Session, Task Run)> _sessions = new();
    private readonly ConcurrentDictionary<int, long> _clientIds = new();
    private readonly HashSet<int> _occupiedClientIds;
    /// <summary>Client ids a nightly restart closed, held (error 326) until the time since the start given here.</summary>
    private readonly ConcurrentDictionary<int, TimeSpan> _restartHeldClientIds = new();
    private readonly RequestFaultRules _requestFaults = new();
    private readonly ConcurrentDictionary<Task, bool> _pendingFaults = new();
    private readonly Stopwatch _sinceStart = new();
    private readonly IReadOnlyList<IPAddress> _trustedIps;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _replayLoop = Task.CompletedTask;
    private Task? _stopTask;
    private long _nextSessionId;
    private long _connectionCount;
    private int _openConnections;

    /// <summary>Checks the options (throws <see cref="IbConfigException"/> with a fix) and takes a snapshot of them.</summary>
    public GatewaySimulator(GatewaySimulatorOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _trustedIps = options.Validate();
        _occupiedClientIds = new HashSet<int>(options.OccupiedClientIds);
        Accounts = options.EffectiveAccounts;
        var contracts = options.Contracts.ToArray();
        if (options.Bars.Count > 0)
        {
            Replay = new MarketReplay(contracts, options.Bars, options.EffectiveReplayStart(), options.ReplaySpeed, options.ReplaySeed);
            Replay.Advanced += OnReplayAdvanced;
            Clock = () => Replay.Now;
        }
        else
        {
            Clock = options.Clock;
        }
        Quotes = options.MarketQuotes ?? (IMarketQuotes?)Replay ?? new FixedMarketQuotes(contracts, options.Clock);
        Quotes.QuoteChanged += OnQuoteChanged;
        Orders = new SimulatorOrderBook(options, Accounts, Quotes, Clock, Deliver);
        Responder = new SimulatorResponder(Accounts, Orders, options.ReadOnlyApi, Clock, options.TimeZone, contracts, Quotes, Replay);
        Events = new SimulatorEventLog(options.EventLogCapacity, options.Clock);
    }

    public GatewaySimulatorOptions Options { get; }

    /// <summary>The simulator's time: the replay clock when bar series are replayed, else <see cref="GatewaySimulatorOptions.Clock"/>.
    /// CURRENT_TIME, the account update time and the handshake's connection time come from it.</summary>
    public Func<DateTimeOffset> Clock { get; }

    /// <summary>The simulated market time when a replay runs, else null.</summary>
    public DateTimeOffset? ReplayTime => Replay?.Now;

    /// <summary>The market orders trade against: a test's own (options.MarketQuotes), the replay, or the data file's fixed quotes.</summary>
    internal IMarketQuotes Quotes { get; }

    /// <summary>The replay clock, when the options give bar series.</summary>
    internal MarketReplay? Replay { get; }

    /// <summary>Moves the replay clock forward (at any speed; the only way at speed 0), sending clients the ticks and bars it passes.
    /// Throws SimulatorNoReplay without bar series, SimulatorInvalidReplay for a negative span.</summary>
    public void AdvanceReplay(TimeSpan by)
    {
        if (Replay is null) throw SimulatorFailure.NoReplay();
        Replay.Advance(by);
    }

    public SimulatorStatus Status { get; private set; } = SimulatorStatus.NotStarted;

    /// <summary>The address and port listened on once running (the OS-chosen port when Options.Port is 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The port clients connect to: the bound one when running, else the configured one.</summary>
    public int Port => LocalEndPoint?.Port ?? Options.Port;

    public DateTimeOffset? StartTime { get; private set; }

    public IReadOnlyList<SimulatedAccount> Accounts { get; }

    /// <summary>Time since <see cref="Start"/>: the clock a fault's <see cref="SimulatorFault.At"/> counts on.</summary>
    public TimeSpan Elapsed => _sinceStart.Elapsed;

    /// <summary>Every connection accepted since the start, including those closed at once.</summary>
    public long ConnectionCount => Interlocked.Read(ref _connectionCount);

    /// <summary>Connections whose session is still running.</summary>
    public int ActiveSessionCount => _sessions.Count;

    public SimulatorEventLog Events { get; }

    /// <summary>The JSON-lines trace, when <see cref="GatewaySimulatorOptions.TracePath"/> names one.</summary>
    internal SimulatorTraceLog? Trace { get; private set; }

    internal SimulatorResponder Responder { get; }

    /// <summary>The orders, fills, positions and cash every session shares.</summary>
    internal SimulatorOrderBook Orders { get; }

    /// <summary>Queues order news to every connected client that should hear it, rendered for its server version.</summary>
    private void Deliver(Func<SimulatorClientState, bool> to, Func<int, IReadOnlyList<byte[]>> render)
    {
        foreach (var (session, _) in _sessions.Values)
            if (session.State == SessionState.Connected && to(session.Client)) session.Post(render(session.ServerVersion));
    }

    public IReadOnlyList<SimulatorSessionInfo> GetSessions() =>
        _sessions.Values.Select(s => s.Session.Snapshot()).OrderBy(s => s.Id).ToArray();

    /// <summary>
    /// Starts listening. With the API disabled nothing listens and <see cref="Status"/> says so. Throws
    /// <see cref="IbConfigException"/> (SimulatorPortInUse, SimulatorBindFailed) when the port cannot be bound.
    /// </summary>
    public void Start()
    {
        lock (_gate)
        {
            if (Status != SimulatorStatus.NotStarted)
                throw SimulatorFailure.AlreadyStarted(Status);
            StartTime = Options.Clock();
            _sinceStart.Start();
            if (!Options.ApiEnabled)
            {
                Status = SimulatorStatus.ApiDisabled;
                Events.Add(SimulatorEventKind.ApiDisabled, 0, "", null, null,
                    $"API disabled (\"Enable ActiveX and Socket Clients\" unticked): nothing listens on port {Options.Port}");
                return;
            }
            if (Options.TracePath is string trace) Trace = SimulatorTraceLog.Create(trace, Options.Clock);
            var listener = new TcpListener(Options.BindAddress, Options.Port);
            try
            {
                listener.Start(backlog: 512);
            }
            catch (SocketException ex)
            {
                Trace?.Dispose();
                var where = $"{Options.BindAddress}:{Options.Port}";
                throw ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                    ? SimulatorFailure.PortInUse(where, Options.Port, Options.BindAddress.ToString(), ex)
                    : SimulatorFailure.BindFailed(where, ex);
            }
            _listener = listener;
            LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
            Status = SimulatorStatus.Running;
            Events.Add(SimulatorEventKind.Started, 0, "", null, null,
                $"listening on {LocalEndPoint} for accounts {Responder.ManagedAccounts}{(Options.ReadOnlyApi ? " (read-only API)" : "")}");
            _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
            if (Replay is not null) _replayLoop = Task.Run(() => Replay.RunAsync(_stopping.Token));
            foreach (var fault in Options.Faults) Inject(fault);
        }
    }

    /// <summary>Stops listening, disconnects every client and waits until every session has ended. Safe to call twice.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopTask ??= StopCoreAsync();
        }
    }

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    /// <summary>Completes when every session open now has ended (clients that left are cleaned up): no leaked tasks or sockets.</summary>
    public Task WaitForSessionsToEndAsync(CancellationToken cancellationToken)
    {
        var running = Task.WhenAll(_sessions.Values.Select(s => s.Run).ToArray());
        return running.IsCompleted ? running : Task.WhenAny(running, Task.Delay(Timeout.Infinite, cancellationToken)).Unwrap();
    }

    /// <summary>Connections counted against MaxConnections (a test seam: must fall back to 0).</summary>
    internal int OpenConnectionCount => Volatile.Read(ref _openConnections);

    /// <summary>Client ids held by live sessions (a test seam: must fall back to 0).</summary>
    internal int ClaimedClientIdCount => _clientIds.Count;

    /// <summary>Completes with the first logged event that matches (already logged or still to come): tests await it instead of sleeping.</summary>
    public Task<SimulatorEvent> WaitForEventAsync(Func<SimulatorEvent, bool> match, CancellationToken cancellationToken) =>
        Events.WaitForAsync(match, cancellationToken);

    /// <summary>Completes with the first logged event of this kind: the form scripts can call (a PowerShell script block must
    /// not run as a predicate on a thread-pool thread).</summary>
    public Task<SimulatorEvent> WaitForEventAsync(SimulatorEventKind kind, CancellationToken cancellationToken) =>
        Events.WaitForAsync(e => e.KindValue == kind, cancellationToken);

    internal PeerVerdict Admit(IPAddress peer) =>
        PeerAdmission.Decide(peer, _trustedIps, Options.AllowLocalhostOnly, Options.UntrustedBehaviour);

    /// <summary>Claims a client id for a session; false when another client (or a simulated stale one) holds it.</summary>
    internal bool TryClaimClientId(int clientId, long sessionId) =>
        !_occupiedClientIds.Contains(clientId) && !IsHeldAfterRestart(clientId) && _clientIds.TryAdd(clientId, sessionId);

    private bool IsHeldAfterRestart(int clientId)
    {
        if (_restartHeldClientIds.IsEmpty || !_restartHeldClientIds.TryGetValue(clientId, out var until)) return false;
        if (Elapsed < until) return true;
        ((ICollection<KeyValuePair<int, TimeSpan>>)_restartHeldClientIds).Remove(new KeyValuePair<int, TimeSpan>(clientId, until));
        return false;
    }

    internal void ReleaseClientId(int clientId, long sessionId) =>
        ((ICollection<KeyValuePair<int, long>>)_clientIds).Remove(new KeyValuePair<int, long>(clientId, sessionId));

    private async Task StopCoreAsync()
    {
        Task acceptLoop;
        bool wasRunning;
        lock (_gate)
        {
            wasRunning = Status is SimulatorStatus.Running or SimulatorStatus.Restarting;
            Status = SimulatorStatus.Stopped;
            _stopping.Cancel();
            _listener?.Stop();
            acceptLoop = _acceptLoop;
        }
        await acceptLoop.ConfigureAwait(false);
        await _replayLoop.ConfigureAwait(false);
        // Scheduled faults end on the stopping token; a restart's comeback sees Stopped and listens no more.
        await Task.WhenAll(_pendingFaults.Keys.ToArray()).ConfigureAwait(false);
        // The accept loop has ended, so no session can be added any more.
        await Task.WhenAll(_sessions.Values.Select(s => s.Run).ToArray()).ConfigureAwait(false);
        Trace?.Dispose();
        if (wasRunning) Events.Add(SimulatorEventKind.Stopped, 0, "", null, null, $"stopped after {ConnectionCount} connection(s)");
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or InvalidOperationException
                                       && (_stopping.IsCancellationRequested || !ReferenceEquals(listener, Volatile.Read(ref _listener))))
            {
                return; // stopped, or closed by a nightly restart
            }
            catch (SocketException)
            {
                continue; // a peer that gave up while queued (ECONNABORTED): nothing to serve
            }
            OnAccepted(socket);
        }
    }

    private void OnAccepted(Socket socket)
    {
        var id = Interlocked.Increment(ref _nextSessionId);
        Interlocked.Increment(ref _connectionCount);
        if (Interlocked.Increment(ref _openConnections) > Options.MaxConnections || _stopping.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _openConnections);
            var remote = socket.RemoteEndPoint?.ToString() ?? "";
            socket.Dispose();
            if (!_stopping.IsCancellationRequested)
                Events.Add(SimulatorEventKind.ConnectionLimit, id, remote, null, null, $"closed at once: {Options.MaxConnections} connections are open already");
            return;
        }
        SimulatorSession session;
        try
        {
            socket.NoDelay = true;
            session = new SimulatorSession(this, id, socket);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The peer reset the connection before it could be served: nothing to serve, and the accept loop must go on.
            Interlocked.Decrement(ref _openConnections);
            socket.Dispose();
            return;
        }
        // Registered before it runs, so its end always finds its entry; then run here up to its first wait for the client
        // (no hop to another thread: a session costs the accept loop a few microseconds).
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sessions[id] = (session, ended.Task);
        _ = RunSessionAsync(session, ended);
    }

    /// <summary>Sends each connected client's streams of the contract the ticks of its new quote (on the replay's thread: queue only).</summary>
    private void OnQuoteChanged(MarketQuote quote)
    {
        foreach (var (session, _) in _sessions.Values)
            if (session.HasStreams) session.Post(Responder.Updates(session.Client, quote));
    }

    /// <summary>Sends each connected client's live history subscriptions the bars the replay clock completed or changed.</summary>
    private void OnReplayAdvanced(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var (session, _) in _sessions.Values)
            if (session.HasStreams) session.Post(Responder.Updates(session.Client, from, to));
    }

    /// <summary>Runs a session, and unregisters it when it ends, whatever happens; never throws.</summary>
    private async Task RunSessionAsync(SimulatorSession session, TaskCompletionSource<bool> ended)
    {
        try
        {
            await session.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Events.Add(SimulatorEventKind.Disconnected, session.Id, session.Remote.ToString(), session.ClientId, null, $"session failed: {ex.Message}");
        }
        finally
        {
            _sessions.TryRemove(session.Id, out _);
            Interlocked.Decrement(ref _openConnections);
            ended.TrySetResult(true);
        }
    }
}
