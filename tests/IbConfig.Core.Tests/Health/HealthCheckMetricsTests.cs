using IbConfig.Core.Checks;
using IbConfig.Core.Health;
using IbConfig.Core.Network;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Tests.Health;

public class HealthCheckMetricsTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static IbCheckResult Result(string id, IbCheckStatus status) => new(id, id, IbCheckCategory.Api, status, "", "", "", null);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Each_check_is_a_state_set_with_one_status_at_1()
    {
        var record = new IbHealthCheckRecord(When, "host", "127.0.0.1", 4002, new[] { Result("ApiEnabled", IbCheckStatus.Pass), Result("SocketPort", IbCheckStatus.Fail) });
        var lines = Lines(HealthCheckMetrics.Format(record, null));
        Assert.Contains("ibconfig_health_check_status{computer=\"127.0.0.1\",port=\"4002\",check=\"ApiEnabled\",status=\"pass\"} 1", lines);
        Assert.Contains("ibconfig_health_check_status{computer=\"127.0.0.1\",port=\"4002\",check=\"ApiEnabled\",status=\"fail\"} 0", lines);
        Assert.Contains("ibconfig_health_check_status{computer=\"127.0.0.1\",port=\"4002\",check=\"SocketPort\",status=\"fail\"} 1", lines);
        Assert.Equal(8, lines.Count(l => l.StartsWith("ibconfig_health_check_status{", StringComparison.Ordinal)));
        Assert.Contains("ibconfig_health_check_exit_code{computer=\"127.0.0.1\",port=\"4002\"} 2", lines);
        Assert.Contains($"ibconfig_health_check_last_run_timestamp_seconds{{computer=\"127.0.0.1\",port=\"4002\"}} {When.ToUnixTimeSeconds()}", lines);
    }

    [Fact]
    public void Every_family_has_help_and_type_before_its_samples()
    {
        var record = new IbHealthCheckRecord(When, "host", "gw", 4001, new[] { Result("ApiEnabled", IbCheckStatus.Pass) });
        var lines = Lines(HealthCheckMetrics.Format(record, null));
        foreach (var name in lines.Where(l => !l.StartsWith('#')).Select(l => l.Substring(0, l.IndexOf('{'))).Distinct())
        {
            var help = Array.IndexOf(lines, lines.First(l => l.StartsWith("# HELP " + name + " ", StringComparison.Ordinal)));
            Assert.Equal("# TYPE " + name + " gauge", lines[help + 1]);
            Assert.True(help < Array.FindIndex(lines, l => l.StartsWith(name + "{", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_check_with_several_items_reports_its_worst_status_once()
    {
        var record = new IbHealthCheckRecord(When, "host", "127.0.0.1", 4002,
            new[] { Result("InstancesDistinct", IbCheckStatus.Pass), Result("InstancesDistinct", IbCheckStatus.Warn), Result("InstancesDistinct", IbCheckStatus.Pass) });
        var lines = Lines(HealthCheckMetrics.Format(record, null)).Where(l => l.Contains("check=\"InstancesDistinct\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.EndsWith("status=\"warn\"} 1", StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l.EndsWith(" 1", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_run_that_could_not_run_still_reports_exit_code_3_and_an_empty_port()
    {
        var record = IbHealthCheckRecord.CouldNotRun(When, "host", "127.0.0.1", null, "no settings");
        var text = HealthCheckMetrics.Format(record, null);
        Assert.Contains("ibconfig_health_check_exit_code{computer=\"127.0.0.1\",port=\"\"} 3\n", text);
        Assert.DoesNotContain("ibconfig_health_check_status", text);
        Assert.DoesNotContain("ibconfig_api_handshake_seconds", text);
    }

    [Fact]
    public void The_live_metrics_come_from_the_connection_in_seconds()
    {
        var record = new IbHealthCheckRecord(When, "host", "127.0.0.1", 4002, new[] { Result("DataFarms", IbCheckStatus.Warn) });
        var connection = new IbConnectionResult("127.0.0.1", 4002, 999)
        {
            HandshakeMs = 12.5,
            StartApiMs = 1,
            ClockSkewValue = TimeSpan.FromSeconds(-3),
            Notices = new[]
            {
                new TwsNotice(-1, 2104, "Market data farm connection is OK:usfarm"),
                new TwsNotice(-1, 2105, "HMDS data farm connection is broken:ushmds"),
                new TwsNotice(-1, 2158, "Sec-def data farm connection is OK:secdefnj"),
                new TwsNotice(-1, 2103, "Market data farm connection is broken:usfarm"),
            },
        };
        var lines = Lines(HealthCheckMetrics.Format(record, connection));
        Assert.Contains("ibconfig_api_handshake_seconds{computer=\"127.0.0.1\",port=\"4002\"} 0.0125", lines);
        Assert.Contains("ibconfig_api_clock_skew_seconds{computer=\"127.0.0.1\",port=\"4002\"} -3", lines);
        Assert.Contains("ibconfig_data_farms_connected{computer=\"127.0.0.1\",port=\"4002\"} 1", lines);
        Assert.Contains("ibconfig_data_farm_connected{computer=\"127.0.0.1\",port=\"4002\",farm=\"usfarm\"} 0", lines);
        Assert.Contains("ibconfig_data_farm_connected{computer=\"127.0.0.1\",port=\"4002\",farm=\"secdefnj\"} 1", lines);
    }

    [Fact]
    public void Label_values_escape_quotes_backslashes_and_line_feeds()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", HealthCheckMetrics.EscapeLabel("a\\b\"c\nd"));
    }

    [Fact]
    public void The_file_is_replaced_whole_in_utf8_without_a_bom()
    {
        var folder = Directory.CreateTempSubdirectory("ibconfig-metrics").FullName;
        try
        {
            var path = Path.Combine(folder, "ibconfig.prom");
            File.WriteAllText(path, "old content that is longer than the new one\n");
            HealthCheckMetrics.Write(path, "x 1\n");
            Assert.Equal(new byte[] { (byte)'x', (byte)' ', (byte)'1', (byte)'\n' }, File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
