using System.Text;
using IbConfig.Core.Baseline;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Tests.Checks;

namespace IbConfig.Core.Tests.Baseline;

public class IbApiBaselineTests
{
    private static IbApiBaseline Guide() => IbApiBaseline.From(CheckFixture.Settings(CheckFixture.Guide));

    private static IbApiBaseline RoundTrip(IbApiBaseline baseline) => IbApiBaseline.Parse(Encoding.UTF8.GetBytes(baseline.ToText()), "/ops/baseline.ini");

    [Fact]
    public void The_file_has_sorted_sections_one_value_per_line_and_the_windows_as_comments()
    {
        Assert.Equal("""
            ; IbConfig API baseline (Export-IbApiBaseline). No credentials. Check a gateway against it:
            ; Compare-IbApiConfiguration -Baseline <this file>, or Test-IbApiConfiguration -Baseline <this file>.
            [Settings]
            AllowAccountRequests=true
            ApiEnabled=true
            DownloadOpenOrders=true
            MasterClientId=0
            ReadOnlyApi=false
            SocketPort=7497
            [TrustedIps]
            Address=127.0.0.1
            [RestartPlan]
            AutoLogoffTime=23:50:00
            AutoRestartTime=23:55:00
            ; window: daily 23:50-00:05 (auto-restart)

            """.Replace("\r\n", "\n"), Guide().ToText());
    }

    [Fact]
    public void A_baseline_reads_back_as_it_was_written()
    {
        var read = RoundTrip(Guide());
        Assert.Equal(Guide().Settings, read.Settings);
        Assert.Equal(Guide().TrustedIps, read.TrustedIps);
        Assert.Equal(Guide().RestartPlan, read.RestartPlan);
        Assert.Equal(Guide().MaintenanceWindows, read.MaintenanceWindows);
        Assert.Equal("/ops/baseline.ini", read.BaselinePath);
    }

    [Fact]
    public void Credentials_never_reach_the_baseline()
    {
        var settings = CheckFixture.With(CheckFixture.Settings(CheckFixture.Guide),
            CheckFixture.Value("IbPassword", "hunter2", "hunter2"), CheckFixture.Value("FIXLoginId", "trader", "trader"),
            CheckFixture.Value("ColdRestartTime", "07:05", TimeSpan.FromMinutes(425)));
        var text = IbApiBaseline.From(settings).ToText();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("trader", text);
        Assert.Contains("ColdRestartTime=07:05:00\n", text);
    }

    [Theory]
    [InlineData("[Settings]\nApiEnabled=true\n[Other]\nKey=1\n", "line 4")]
    [InlineData("just some text\n", "line 1")]
    [InlineData("; only a comment\n", "none of the sections")]
    public void Text_that_is_not_a_baseline_is_BaselineInvalid_with_the_line(string text, string where)
    {
        var error = Assert.Throws<IbConfigException>(() => IbApiBaseline.Parse(Encoding.UTF8.GetBytes(text), "/ops/x.ini"));
        Assert.Equal("BaselineInvalid", error.ErrorId);
        Assert.Equal(IbErrorKind.InvalidData, error.Kind);
        Assert.Contains(where, error.Message);
        Assert.Contains("Export-IbApiBaseline", error.Message);
    }

    [Fact]
    public void The_same_settings_have_no_drift()
    {
        Assert.Empty(BaselineComparer.Compare(RoundTrip(Guide()), CheckFixture.Settings(CheckFixture.Guide)));
    }

    [Fact]
    public void Each_difference_is_one_drift_with_the_store_file_and_line_of_the_value()
    {
        var drifted = CheckFixture.Settings(CheckFixture.GuideWith("s.SocketPort", "s.SocketPort=4002")
            .Replace("s.TrustedIPs=127.0.0.1", "s.TrustedIPs=127.0.0.1,10.0.0.9")
            .Replace("s.AutoLogoffTime=23:50:00\n", "").Replace("s.AutoLogoffTime=23:50:00", "") + "\n[IBGateway]\ns.ExposeTradingSchedule=true\n");
        var drifts = BaselineComparer.Compare(RoundTrip(Guide()), drifted);
        Assert.Collection(drifts,
            d => Assert.Equal(("AutoLogoffTime", "23:50:00", "", IbApiDriftKind.Missing, "", CheckFixture.SettingsPath, (int?)null), Shape(d)),
            d => Assert.Equal(("ExposeTradingSchedule", "", "true", IbApiDriftKind.Added, "JtsIni", CheckFixture.SettingsPath, (int?)14), Shape(d)),
            d => Assert.Equal(("SocketPort", "7497", "4002", IbApiDriftKind.Changed, "JtsIni", CheckFixture.SettingsPath, (int?)2), Shape(d)),
            d => Assert.Equal(("TrustedIps", "", "10.0.0.9", IbApiDriftKind.Added, "JtsIni", CheckFixture.SettingsPath, (int?)5), Shape(d)));
        Assert.All(drifts, d => Assert.Equal("/ops/baseline.ini", d.Baseline));
    }

    [Fact]
    public void A_trusted_address_that_went_missing_is_a_drift()
    {
        var baseline = new IbApiBaseline(new Dictionary<string, string>(), new[] { "127.0.0.1", "10.0.0.5" }, new Dictionary<string, string>(), Array.Empty<string>());
        var drift = Assert.Single(BaselineComparer.Compare(baseline, CheckFixture.Settings("[IBGateway]\ns.TrustedIPs=127.0.0.1\n")));
        Assert.Equal(("TrustedIps", "10.0.0.5", "", IbApiDriftKind.Missing), (drift.Setting, drift.Expected, drift.Actual, drift.KindValue));
    }

    [Fact]
    public void The_drift_check_says_nothing_without_a_baseline_and_fails_once_per_drift_with_one()
    {
        var context = CheckFixture.Context(CheckFixture.GuideWith("s.DownloadOpenOrders", "s.DownloadOpenOrders=false"));
        Assert.Empty(new DriftCheck().Evaluate(context));
        context.Baseline = RoundTrip(Guide());
        var result = CheckFixture.Evaluate(new DriftCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Equal("DownloadOpenOrders = 'true'", result.Expected);
        Assert.Equal("DownloadOpenOrders = 'false' (Changed)", result.Actual);
        Assert.Equal(CheckFixture.SettingsPath + ":7", result.Source);
        Assert.Equal($"Set-IbApiSetting -Path '{CheckFixture.SettingsPath}' -DownloadOpenOrders $true", result.Remedy);
        context.Settings = CheckFixture.Settings(CheckFixture.Guide);
        Assert.Equal(IbCheckStatus.Pass, CheckFixture.Evaluate(new DriftCheck(), context).StatusValue);
    }

    private static (string, string, string, IbApiDriftKind, string, string, int?) Shape(IbApiDrift d) =>
        (d.Setting, d.Expected, d.Actual, d.KindValue, d.Store, d.File, d.Line);
}
