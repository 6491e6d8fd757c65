using System;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>
/// Waits for a task that cannot be cancelled itself (netstandard2.0's DNS lookup, a connect on .NET Framework) and gives up
/// on it promptly when the token fires; the abandoned task's failure is observed so it never surfaces as unobserved.
/// </summary>
internal static class TaskCancellation
{
    public static async Task OrCancelledAsync(this Task task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }
        await task.ConfigureAwait(false);
    }

    public static async Task<T> OrCancelledAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
        await ((Task)task).OrCancelledAsync(cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }
}
