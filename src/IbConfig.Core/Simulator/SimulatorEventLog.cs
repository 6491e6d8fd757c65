using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The simulator's bounded event log: keeps the latest entries only, so memory stays flat however many clients come and
/// go, and lets a caller await an event instead of polling (tests never sleep).
/// </summary>
public sealed class SimulatorEventLog
{
    private readonly object _gate = new();
    private readonly Queue<SimulatorEvent> _events;
    private readonly List<(Func<SimulatorEvent, bool> Match, TaskCompletionSource<SimulatorEvent> Waiter)> _waiters = new();
    private readonly Func<DateTimeOffset> _clock;
    private long _sequence;

    public SimulatorEventLog(int capacity, Func<DateTimeOffset> clock)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "The event log must keep at least one entry.");
        Capacity = capacity;
        _clock = clock;
        _events = new Queue<SimulatorEvent>(Math.Min(capacity, 1024));
    }

    public int Capacity { get; }

    /// <summary>How many events were ever written (the log keeps the last <see cref="Capacity"/>).</summary>
    public long TotalCount => Interlocked.Read(ref _sequence);

    public SimulatorEvent Add(SimulatorEventKind kind, long sessionId, string remoteAddress, int? clientId, int? messageId, string message)
    {
        List<TaskCompletionSource<SimulatorEvent>>? matched = null;
        SimulatorEvent entry;
        lock (_gate)
        {
            entry = new SimulatorEvent(++_sequence, _clock(), kind, sessionId, remoteAddress, clientId, messageId, message);
            if (_events.Count == Capacity) _events.Dequeue();
            _events.Enqueue(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(entry)) continue;
                (matched ??= new()).Add(_waiters[i].Waiter);
                _waiters.RemoveAt(i);
            }
        }
        // Completed outside the lock: continuations run asynchronously anyway, but never under our gate.
        if (matched is not null) foreach (var waiter in matched) waiter.TrySetResult(entry);
        return entry;
    }

    public IReadOnlyList<SimulatorEvent> Snapshot()
    {
        lock (_gate) return _events.ToArray();
    }

    /// <summary>Completes with the first event (already logged or still to come) that matches.</summary>
    public async Task<SimulatorEvent> WaitForAsync(Func<SimulatorEvent, bool> match, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<SimulatorEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _events.FirstOrDefault(match);
            if (existing is not null) return existing;
            _waiters.Add((match, waiter));
        }
        using (cancellationToken.Register(() =>
        {
            lock (_gate) _waiters.RemoveAll(w => w.Waiter == waiter);
            waiter.TrySetCanceled(cancellationToken);
        }))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }
}
