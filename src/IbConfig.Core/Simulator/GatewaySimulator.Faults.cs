using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>Faults on cue (docs/simulator.md, "Faults"): played now or at a time after the start, from a scenario, a test or a cmdlet.</summary>
public sealed partial class GatewaySimulator
{
    /// <summary>How long a nightly restart keeps trying to listen again on its port before it gives up.</summary>
    private static readonly TimeSpan RelistenPatience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Plays a fault at its <see cref="SimulatorFault.At"/> (at once when unset or past) without waiting for it. Throws
    /// <see cref="IbConfigException"/> at once for an invalid fault or a simulator that is not running; what happens later is logged.
    /// </summary>
    public void Inject(SimulatorFault fault)
    {
        CheckCanPlay(fault);
        Track(PlayLoggedAsync(fault));
    }

    /// <summary>
    /// Plays a fault and completes once it has taken effect: notices sent, clients closed, the port closed by a restart (the
    /// port comes back later, logged as <see cref="SimulatorEventKind.Restarted"/>), a pacing or silence rule in force.
    /// </summary>
    public Task InjectAsync(SimulatorFault fault, CancellationToken cancellationToken = default)
    {
        CheckCanPlay(fault);
        return PlayAsync(fault, cancellationToken);
    }

    /// <summary>The answer a Pacing or Silence fault gives instead of the real one, or null when none applies.</summary>
    internal SimulatorResponse? FaultFor(TwsMessage request, int serverVersion, int? clientId)
    {
        var fault = _requestFaults.Take(request.Id, clientId, Elapsed);
        if (fault is null) return null;
        var name = RequestIdLocator.NameOf(request.Id) ?? request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (fault.KindValue == SimulatorFaultKind.Silence)
            return new SimulatorResponse(SimulatorEventKind.Silenced, $"{name} left unanswered: {fault}", Array.Empty<byte[]>());
        var id = RequestIdLocator.Read(request, serverVersion);
        return new SimulatorResponse(SimulatorEventKind.Paced, $"{name} {id} refused with pacing error {fault.Code}",
            new[] { GatewayMessages.Error(serverVersion, id, fault.Code!.Value, fault.MessageText) });
    }

    private void CheckCanPlay(SimulatorFault fault)
    {
        (fault ?? throw new ArgumentNullException(nameof(fault))).Validate();
        if (Status is not (SimulatorStatus.Running or SimulatorStatus.Restarting))
            throw SimulatorFailure.NotRunningForFault(Status, fault);
        if (fault.KindValue == SimulatorFaultKind.AdvanceClock && Replay is null) throw SimulatorFailure.NoReplay();
    }

    /// <summary>Keeps a background task until it ends, so that stopping waits for it and nothing outlives the simulator.</summary>
    private void Track(Task task)
    {
        _pendingFaults[task] = true;
        task.ContinueWith(t => _pendingFaults.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task PlayAsync(SimulatorFault fault, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, cancellationToken);
        try
        {
            // Timers may fire a little early: wait again, rounded up to whole milliseconds, until the time has come.
            for (var wait = (fault.AtValue ?? TimeSpan.Zero) - Elapsed; wait > TimeSpan.Zero; wait = fault.AtValue!.Value - Elapsed)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancel.Token).ConfigureAwait(false);
            switch (fault.KindValue)
            {
                case SimulatorFaultKind.DropClients:
                    var dropped = await DropAsync(fault, "dropped by a fault").ConfigureAwait(false);
                    LogFault(fault, $"closed {dropped} connection(s)");
                    break;
                case SimulatorFaultKind.Notice:
                    var sessions = Connected(fault);
                    var sent = await Task.WhenAll(sessions.Select(s => s.SendAsync(new[] {
                        GatewayMessages.Error(s.ServerVersion, GatewayErrorCode.NoRequestId, fault.Code!.Value, fault.MessageText) }))).ConfigureAwait(false);
                    LogFault(fault, $"sent {fault.Code} \"{fault.MessageText}\" to {sent.Count(ok => ok)} client(s)");
                    break;
                case SimulatorFaultKind.Pacing:
                case SimulatorFaultKind.Silence:
                    _requestFaults.Add(fault, Elapsed);
                    LogFault(fault, "in force");
                    break;
                case SimulatorFaultKind.NightlyRestart:
                    await RestartAsync(fault).ConfigureAwait(false);
                    break;
                case SimulatorFaultKind.AdvanceClock:
                    Replay!.Advance(fault.DurationValue);
                    LogFault(fault, $"replay clock moved to {Replay.Now:yyyy-MM-ddTHH:mm:ssZ}");
                    break;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The simulator stopped before the fault's time: nothing to play.
        }
    }

    /// <summary>Plays a fault nobody waits for: a refusal found only at its time (a restart during a restart) goes to the log.</summary>
    private async Task PlayLoggedAsync(SimulatorFault fault)
    {
        try
        {
            await PlayAsync(fault, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IbConfigException ex)
        {
            LogFault(fault, $"not played: {ex.Message}");
        }
    }

    private SimulatorSession[] Connected(SimulatorFault fault) =>
        _sessions.Values.Select(s => s.Session).Where(s => s.State == SessionState.Connected && fault.Concerns(s.ClientId)).ToArray();

    /// <summary>Closes the chosen sessions (any state) and waits until they have ended; returns how many.</summary>
    private async Task<int> DropAsync(SimulatorFault fault, string reason)
    {
        var chosen = _sessions.Values.Where(s => s.Session.State != SessionState.Closed && (fault.ClientIds.Count == 0 || fault.Concerns(s.Session.ClientId))).ToArray();
        foreach (var (session, _) in chosen) session.Drop(reason);
        await Task.WhenAll(chosen.Select(s => s.Run)).ConfigureAwait(false);
        return chosen.Length;
    }

    /// <summary>
    /// The nightly restart: the port closes (new connections are refused), every client is closed and its client id held,
    /// and after the fault's Duration the simulator listens again on the same port; the ids stay held ClientIdHold longer.
    /// </summary>
    private async Task RestartAsync(SimulatorFault fault)
    {
        TcpListener? listener;
        Task acceptLoop;
        lock (_gate)
        {
            if (Status != SimulatorStatus.Running) throw SimulatorFailure.NotRunningForRestart(Status, fault);
            Status = SimulatorStatus.Restarting;
            listener = _listener;
            Volatile.Write(ref _listener, null);
            acceptLoop = _acceptLoop;
        }
        listener?.Stop();
        await acceptLoop.ConfigureAwait(false);
        var ids = _sessions.Values.Select(s => s.Session.ClientId).OfType<int>().Distinct().ToArray();
        // Held while the port is closed; ListenAgainAsync starts the ClientIdHold from the moment it listens again, on the
        // same clock the claims read (a timer's delay may end a hair before the stopwatch says it should).
        foreach (var id in ids) _restartHeldClientIds[id] = TimeSpan.MaxValue;
        var dropped = await DropAsync(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients }, "the gateway restarts (nightly restart)").ConfigureAwait(false);
        LogFault(fault, $"port {Port} closed, {dropped} connection(s) closed, client ids {(ids.Length == 0 ? "none" : string.Join(",", ids))} held " +
                        $"for {(fault.DurationValue + fault.ClientIdHoldValue).TotalSeconds:0.###} s; listening again in {fault.DurationValue.TotalSeconds:0.###} s");
        Track(ListenAgainAsync(fault.DurationValue, ids, fault.ClientIdHoldValue));
    }

    private async Task ListenAgainAsync(TimeSpan down, int[] heldIds, TimeSpan hold)
    {
        try
        {
            await Task.Delay(down, _stopping.Token).ConfigureAwait(false);
            var patience = Elapsed + RelistenPatience;
            while (true)
            {
                var listener = new TcpListener(LocalEndPoint!.Address, LocalEndPoint.Port);
                try
                {
                    listener.Start(backlog: 512);
                }
                catch (SocketException) when (Elapsed < patience)
                {
                    listener.Stop(); // the old socket may linger a moment: try again shortly
                    await Task.Delay(50, _stopping.Token).ConfigureAwait(false);
                    continue;
                }
                lock (_gate)
                {
                    if (Status != SimulatorStatus.Restarting)
                    {
                        listener.Stop();
                        return;
                    }
                    var heldUntil = Elapsed + hold;
                    foreach (var id in heldIds) _restartHeldClientIds[id] = heldUntil;
                    Volatile.Write(ref _listener, listener);
                    Status = SimulatorStatus.Running;
                    _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
                }
                Events.Add(SimulatorEventKind.Restarted, 0, "", null, null, $"listening again on {LocalEndPoint} after the restart");
                return;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (SocketException ex)
        {
            lock (_gate) Status = SimulatorStatus.Stopped;
            Events.Add(SimulatorEventKind.Stopped, 0, "", null, null, $"could not listen on {LocalEndPoint} again after the restart: {ex.Message}");
        }
    }

    private void LogFault(SimulatorFault fault, string what) => Events.Add(SimulatorEventKind.Fault, 0, "", null, null, $"{fault}: {what}");
}
