using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

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

    public OrderedRunner(int throttleLimit, CancellationToken cancellationToken)
    {
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit must be at least 1.");
        _gate = new SemaphoreSlim(throttleLimit, throttleLimit);
        _cancellationToken = cancellationToken;
    }

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
        _items[_next++] = null;  // let the finished task go
        result = next.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>Waits until the next result in order is done (successfully or not).</summary>
    public async Task WaitForNextAsync(CancellationToken cancellationToken)
    {
        var next = HasPending ? _items[_next] : null;
        if (next is null) return;
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
            await Task.WhenAny(next, cancelled.Task).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<T> RunAsync(Func<CancellationToken, Task<T>> work)
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
}
