using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Network;

/// <summary>
/// Runs work items at most <c>throttleLimit</c> at a time and hands the results back in the order the items were added,
/// each as soon as it and every earlier one are done — what a cmdlet needs to check many targets concurrently yet write
/// from its pipeline thread in input order. Single consumer: call it from one thread; the work runs on the thread pool.
/// </summary>
public sealed class OrderedRunner<T>
{
    private readonly SemaphoreSlim _gate;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Task<T>?> _items = new();
    private int _next;
    private int _completed;

    public OrderedRunner(int throttleLimit, CancellationToken cancellationToken)
    {
        if (throttleLimit < 1)
            throw NetworkFailure.InvalidThrottleLimit(throttleLimit);
        _gate = new SemaphoreSlim(throttleLimit, throttleLimit);
        _cancellationToken = cancellationToken;
    }

    /// <summary>Items added so far.</summary>
    public int Count => _items.Count;

    /// <summary>Items finished so far, in any order (for progress reports).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>True while a result has not been taken yet.</summary>
    public bool HasPending => _next < _items.Count;

    /// <summary>Starts <paramref name="work"/> when a slot is free.</summary>
    public void Add(Func<CancellationToken, Task<T>> work) => _items.Add(RunAsync(work));

    /// <summary>The next result in input order if it is done (its exception rethrown, if it failed); never blocks.</summary>
    public bool TryTakeNext(out T result)
    {
        result = default!;
        var next = HasPending ? _items[_next] : null;
        if (next is null || !next.IsCompleted) return false;
        _items[_next++] = null;  // let the finished task go; a failed item is passed, not retried
        result = next.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>The results that are done and not yet taken, in input order, up to the first one still running; never blocks.</summary>
    public IEnumerable<T> TakeFinished()
    {
        while (TryTakeNext(out var result)) yield return result;
    }

    /// <summary>Waits until the next result in order is done (successfully or not).</summary>
    public Task WaitForNextAsync(CancellationToken cancellationToken) => WaitForNextAsync(Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Waits until the next result in order is done, or at most <paramref name="maxWait"/> (to report progress meanwhile).</summary>
    public async Task WaitForNextAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var next = HasPending ? _items[_next] : null;
        if (next is null) return;
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(next, Task.Delay(maxWait, delay.Token)).ConfigureAwait(false);
        delay.Cancel(); // ends the delay task when the item won the race
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<T> RunAsync(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            await _gate.WaitAsync(_cancellationToken).ConfigureAwait(false);
            try
            {
                return await work(_cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            Interlocked.Increment(ref _completed);
        }
    }
}
