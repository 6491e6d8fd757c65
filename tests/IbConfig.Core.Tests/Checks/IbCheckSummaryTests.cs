using IbConfig.Core.Checks;

namespace IbConfig.Core.Tests.Checks;

public class IbCheckSummaryTests
{
    private static IbCheckResult R(IbCheckStatus status) => new("X", "X", IbCheckCategory.Api, status, "", "", "", null);

    [Theory]
    [InlineData(new[] { IbCheckStatus.Pass, IbCheckStatus.Pass }, IbCheckExitCode.AllPassed)]
    [InlineData(new[] { IbCheckStatus.Pass, IbCheckStatus.Skipped }, IbCheckExitCode.AllPassed)]
    [InlineData(new[] { IbCheckStatus.Pass, IbCheckStatus.Warn, IbCheckStatus.Skipped }, IbCheckExitCode.Warnings)]
    [InlineData(new[] { IbCheckStatus.Warn, IbCheckStatus.Fail }, IbCheckExitCode.Failures)]
    [InlineData(new IbCheckStatus[0], IbCheckExitCode.AllPassed)]
    public void The_exit_code_is_the_worst_status_that_ran(IbCheckStatus[] statuses, IbCheckExitCode expected)
    {
        var summary = IbCheckSummary.Of(statuses.Select(R));
        Assert.Equal(expected, summary.ExitCode);
        Assert.Equal(statuses.Length, summary.Total);
    }

    [Fact]
    public void The_summary_line_counts_each_status()
    {
        var summary = IbCheckSummary.Of(new[] { R(IbCheckStatus.Pass), R(IbCheckStatus.Pass), R(IbCheckStatus.Warn), R(IbCheckStatus.Fail), R(IbCheckStatus.Skipped) });
        Assert.Equal("Fail: 2 passed, 1 warning, 1 failed, 1 skipped", summary.ToString());
        Assert.Equal(2, (int)summary.ExitCode);
    }
}
