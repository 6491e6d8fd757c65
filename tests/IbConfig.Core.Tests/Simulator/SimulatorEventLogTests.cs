using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class SimulatorEventLogTests
{
    private static SimulatorEventLog NewLog(int capacity) => new(capacity, () => DateTimeOffset.UnixEpoch);

    [Fact]
    public void Keeps_only_the_latest_entries()
    {
        var log = NewLog(3);
        for (var i = 1; i <= 5; i++) log.Add(SimulatorEventKind.Request, i, "", null, null, $"#{i}");
        Assert.Equal(new[] { "#3", "#4", "#5" }, log.Snapshot().Select(e => e.Message));
        Assert.Equal(new long[] { 3, 4, 5 }, log.Snapshot().Select(e => e.Sequence));
        Assert.Equal(5, log.TotalCount);
    }

    [Fact]
    public async Task Completes_a_wait_with_an_entry_already_logged_or_still_to_come()
    {
        var log = NewLog(10);
        log.Add(SimulatorEventKind.Started, 0, "", null, null, "up");
        Assert.Equal("up", (await log.WaitForAsync(e => e.KindValue == SimulatorEventKind.Started, CancellationToken.None)).Message);
        var later = log.WaitForAsync(e => e.KindValue == SimulatorEventKind.Stopped, CancellationToken.None);
        Assert.False(later.IsCompleted);
        log.Add(SimulatorEventKind.Stopped, 0, "", null, null, "down");
        Assert.Equal("down", (await later).Message);
    }

    [Fact]
    public async Task Cancels_a_wait_that_is_no_longer_wanted()
    {
        using var cancel = new CancellationTokenSource();
        var wait = NewLog(10).WaitForAsync(_ => true, cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
