using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>
/// Runs many <see cref="TcpProbe"/>s at once, at most <c>throttleLimit</c> at a time, and hands the results back in the
/// order the targets were added, each as soon as it and every earlier one are done. Single consumer: call it from one
/// thread (a cmdlet's pipeline thread); the probes themselves run on the thread pool.
/// </summary>
public sealed class PortProbeRunner
{
    private readonly TcpProbe _probe;
    private readonly SemaphoreSlim _gate;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Task<IbPortResult>> _probes = new();
    private int _next;
    private int _completed;

    public PortProbeRunner(TcpProbe probe, int throttleLimit, CancellationToken cancellationToken)
    {
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        if (throttleLimit < 1)
            throw new Errors.IbConfigException("InvalidThrottleLimit", Errors.IbErrorKind.InvalidArgument,
                $"The throttle limit must be at least 1; got {throttleLimit}.", throttleLimit);
        _gate = new SemaphoreSlim(throttleLimit, throttleLimit);
        _cancellationToken = cancellationToken;
    }

    /// <summary>Targets added so far.</summary>
    public int Count => _probes.Count;

    /// <summary>Probes finished so far, in any order.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>True while a result has not been taken yet.</summary>
    public bool HasPending => _next < _probes.Count;

    /// <summary>Validates the target (see <see cref="TcpProbe.Validate"/>) and starts its probe when a slot is free.</summary>
    public void Add(string computerName, int port)
    {
        TcpProbe.Validate(computerName, port);
        _probes.Add(RunAsync(computerName, port));
    }

    /// <summary>The results that are done and not yet taken, in input order, up to the first one still running; never blocks.</summary>
    public IEnumerable<IbPortResult> TakeFinished()
    {
        while (TryTakeNext(out var result)) yield return result!;
    }

    /// <summary>The next result in input order, if it is done; never blocks.</summary>
    public bool TryTakeNext(out IbPortResult? result)
    {
        result = null;
        if (!HasPending || !_probes[_next].IsCompleted) return false;
        result = _probes[_next].GetAwaiter().GetResult();
        _probes[_next++] = null!; // let the finished task go
        return true;
    }

    /// <summary>Waits until the next result in order is done, or at most <paramref name="maxWait"/> (to report progress).</summary>
    public async Task WaitForNextAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (!HasPending) return;
        var next = _probes[_next];
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waited = await Task.WhenAny(next, Task.Delay(maxWait, delay.Token)).ConfigureAwait(false);
        delay.Cancel(); // ends the delay task when the probe won the race
        cancellationToken.ThrowIfCancellationRequested();
        if (waited == next && next.IsCanceled) throw new OperationCanceledException(_cancellationToken);
    }

    private async Task<IbPortResult> RunAsync(string computerName, int port)
    {
        await _gate.WaitAsync(_cancellationToken).ConfigureAwait(false);
        try
        {
            return await _probe.ProbeAsync(computerName, port, _cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
            Interlocked.Increment(ref _completed);
        }
    }
}
