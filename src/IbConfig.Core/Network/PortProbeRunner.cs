using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>
/// Runs many <see cref="TcpProbe"/>s at once on an <see cref="OrderedRunner{T}"/>: at most <c>throttleLimit</c> at a time,
/// results in the order the targets were added, each as soon as it and every earlier one are done. Adds the one thing a
/// port probe needs beyond that: each target is validated when added, so a bad one fails at once, on its own.
/// </summary>
public sealed class PortProbeRunner
{
    private readonly TcpProbe _probe;
    private readonly OrderedRunner<IbPortResult> _runner;

    public PortProbeRunner(TcpProbe probe, int throttleLimit, CancellationToken cancellationToken)
    {
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        _runner = new OrderedRunner<IbPortResult>(throttleLimit, cancellationToken);
    }

    /// <summary>Targets added so far.</summary>
    public int Count => _runner.Count;

    /// <summary>Probes finished so far, in any order.</summary>
    public int Completed => _runner.Completed;

    /// <summary>True while a result has not been taken yet.</summary>
    public bool HasPending => _runner.HasPending;

    /// <summary>Validates the target (see <see cref="TcpProbe.Validate"/>) and starts its probe when a slot is free.</summary>
    public void Add(string computerName, int port)
    {
        TcpProbe.Validate(computerName, port);
        _runner.Add(ct => _probe.ProbeAsync(computerName, port, ct));
    }

    /// <summary>The results that are done and not yet taken, in input order, up to the first one still running; never blocks.</summary>
    public IEnumerable<IbPortResult> TakeFinished() => _runner.TakeFinished();

    /// <summary>The next result in input order, if it is done; never blocks.</summary>
    public bool TryTakeNext(out IbPortResult? result)
    {
        var taken = _runner.TryTakeNext(out var next);
        result = taken ? next : null;
        return taken;
    }

    /// <summary>Waits until the next result in order is done, or at most <paramref name="maxWait"/> (to report progress).</summary>
    public Task WaitForNextAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _runner.WaitForNextAsync(maxWait, cancellationToken);
}
