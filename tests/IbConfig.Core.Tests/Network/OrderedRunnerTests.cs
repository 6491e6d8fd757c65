using IbConfig.Core.Errors;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Network;

/// <summary>The generic runner under Test-IbConnection and (through PortProbeRunner) Test-IbPort; PortProbeRunnerTests cover ordering, throttle and cancellation.</summary>
public class OrderedRunnerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failed_item_rethrows_its_error_in_its_turn_and_the_next_results_still_come()
    {
        var runner = new OrderedRunner<int>(2, CancellationToken.None);
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Add(_ => first.Task);
        runner.Add(_ => Task.FromResult(2));
        Assert.False(runner.TryTakeNext(out _));
        first.SetException(new IbConfigException("Broken", IbErrorKind.InvalidOperation, "broken", null));
        using var guard = new CancellationTokenSource(HangGuard);
        await runner.WaitForNextAsync(guard.Token);
        Assert.Equal("Broken", Assert.Throws<IbConfigException>(() => runner.TryTakeNext(out _)).ErrorId);
        Assert.True(runner.TryTakeNext(out var second));
        Assert.Equal(2, second);
        Assert.False(runner.HasPending);
        Assert.Equal(2, runner.Completed);
    }

    [Fact]
    public async Task Waiting_with_a_maximum_returns_after_it_while_the_next_item_runs()
    {
        var runner = new OrderedRunner<int>(1, CancellationToken.None);
        var never = new TaskCompletionSource<int>();
        runner.Add(_ => never.Task);
        using var guard = new CancellationTokenSource(HangGuard);
        await runner.WaitForNextAsync(TimeSpan.FromMilliseconds(20), guard.Token);
        Assert.False(guard.IsCancellationRequested);
        Assert.True(runner.HasPending);
        Assert.Equal(0, runner.Completed);
    }

    [Fact]
    public void A_throttle_limit_below_one_is_refused()
    {
        Assert.Equal("InvalidThrottleLimit", Assert.Throws<IbConfigException>(() => new OrderedRunner<int>(0, CancellationToken.None)).ErrorId);
    }
}
