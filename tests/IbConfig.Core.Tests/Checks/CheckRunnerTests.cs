using IbConfig.Core.Checks;

namespace IbConfig.Core.Tests.Checks;

public class CheckRunnerTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 15, 20, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Checks_run_in_order_and_each_contributes_its_results()
    {
        var results = CheckRunner.Run(new IbCheck[] { new FixedCheck("A", IbCheckStatus.Pass), new FixedCheck("B", IbCheckStatus.Fail) },
            new CheckContext(new CheckRequest(), Now));
        Assert.Equal(new[] { "A", "B" }, results.Select(r => r.Id));
        Assert.Equal(IbCheckStatus.Fail, results[1].StatusValue);
        Assert.Equal("Fix B", results[1].Remedy);
    }

    [Fact]
    public void Offline_skips_live_checks_without_evaluating_them()
    {
        var live = new FixedCheck("Handshake", IbCheckStatus.Fail, IbCheckCategory.Live);
        var results = CheckRunner.Run(new IbCheck[] { live, new FixedCheck("A", IbCheckStatus.Pass) },
            new CheckContext(new CheckRequest { Offline = true }, Now));
        Assert.Equal(IbCheckStatus.Skipped, results[0].StatusValue);
        Assert.Equal("live", results[0].Source);
        Assert.Equal(0, live.Evaluations);
        Assert.Equal(IbCheckStatus.Pass, results[1].StatusValue);
    }

    [Fact]
    public void A_check_that_throws_becomes_a_warning_and_the_rest_still_run()
    {
        var results = CheckRunner.Run(new IbCheck[] { new ThrowingCheck(), new FixedCheck("A", IbCheckStatus.Pass) },
            new CheckContext(new CheckRequest(), Now));
        Assert.Equal(IbCheckStatus.Warn, results[0].StatusValue);
        Assert.Contains("access denied", results[0].Actual);
        Assert.Equal(IbCheckStatus.Pass, results[1].StatusValue);
    }

    [Fact]
    public void Cancellation_is_not_swallowed() =>
        Assert.Throws<OperationCanceledException>(() => CheckRunner.Run(new IbCheck[] { new CancelledCheck() }, new CheckContext(new CheckRequest(), Now)));

    private sealed class FixedCheck(string id, IbCheckStatus status, IbCheckCategory category = IbCheckCategory.Api) : IbCheck
    {
        public int Evaluations { get; private set; }

        public override string Id => id;

        public override string Name => "Fixed " + id;

        public override IbCheckCategory Category => category;

        public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
        {
            Evaluations++;
            yield return Result(status, "x", "y", "test:1", status == IbCheckStatus.Pass ? null : "Fix " + id);
        }
    }

    private sealed class ThrowingCheck : IbCheck
    {
        public override string Id => "Throws";

        public override string Name => "Throws";

        public override IbCheckCategory Category => IbCheckCategory.Files;

        public override IEnumerable<IbCheckResult> Evaluate(CheckContext context) => throw new UnauthorizedAccessException("access denied");
    }

    private sealed class CancelledCheck : IbCheck
    {
        public override string Id => "Cancelled";

        public override string Name => "Cancelled";

        public override IbCheckCategory Category => IbCheckCategory.Files;

        public override IEnumerable<IbCheckResult> Evaluate(CheckContext context) => throw new OperationCanceledException();
    }
}
