using System.Text;
using System.Text.Json;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;

namespace IbConfig.Core.Tests.Health;

public sealed class HealthCheckLogTests : IDisposable
{
    private static readonly DateTimeOffset When = new(2025, 11, 15, 20, 30, 45, TimeSpan.FromHours(-5));
    private readonly string _dir = Directory.CreateTempSubdirectory("ibconfig-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IbHealthCheckRecord Record(params IbCheckStatus[] statuses) =>
        new(When, "TRADER01", "127.0.0.1", 4002,
            statuses.Select((s, i) => new IbCheckResult("Check" + i, "Check, \"quoted\"", IbCheckCategory.Api, s, "127.0.0.1", "10.0.0.5,0.0.0.0", @"C:\Jts\jts.ini:12", "Add-IbTrustedIp 127.0.0.1")));

    [Fact]
    public void A_json_record_is_one_line_with_every_check()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.log"), HealthCheckLogFormat.Json);
        log.Append(Record(IbCheckStatus.Pass, IbCheckStatus.Warn));
        log.Append(Record(IbCheckStatus.Fail));
        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("2025-11-15T20:30:45.0000000-05:00", first.GetProperty("timestamp").GetString());
        Assert.Equal("TRADER01", first.GetProperty("host").GetString());
        Assert.Equal(4002, first.GetProperty("port").GetInt32());
        Assert.Equal("Warn", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("exitCode").GetInt32());
        var checks = first.GetProperty("checks");
        Assert.Equal(2, checks.GetArrayLength());
        Assert.Equal("Check, \"quoted\"", checks[1].GetProperty("name").GetString());
        Assert.Equal(@"C:\Jts\jts.ini:12", checks[1].GetProperty("source").GetString());
        Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_json_log_has_no_byte_order_mark()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.jsonl"), HealthCheckLogFormat.Json);
        log.Append(Record(IbCheckStatus.Pass));
        Assert.Equal((byte)'{', File.ReadAllBytes(log.Path)[0]);
    }

    [Fact]
    public void A_csv_log_has_one_header_and_one_quoted_row_per_check()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.csv"), HealthCheckLogFormat.Csv);
        log.Append(Record(IbCheckStatus.Pass, IbCheckStatus.Fail));
        log.Append(Record(IbCheckStatus.Warn));
        var lines = File.ReadAllLines(log.Path, Encoding.UTF8);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Timestamp,Host,ComputerName,Port,ExitCode,Id,Name,Category,Status,Expected,Actual,Source,Remedy", lines[0]);
        Assert.Equal("2025-11-15T20:30:45.0000000-05:00,TRADER01,127.0.0.1,4002,2,Check1,\"Check, \"\"quoted\"\"\",Api,Fail,127.0.0.1,\"10.0.0.5,0.0.0.0\",C:\\Jts\\jts.ini:12,Add-IbTrustedIp 127.0.0.1", lines[2]);
        Assert.StartsWith("2025-11-15T20:30:45.0000000-05:00,TRADER01,127.0.0.1,4002,1,Check0,", lines[3]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(log.Path).Take(3));
    }

    [Fact]
    public void A_run_that_could_not_start_is_logged_with_exit_code_3_and_its_reason()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.csv"), HealthCheckLogFormat.Csv);
        log.Append(IbHealthCheckRecord.CouldNotRun(When, "TRADER01", "127.0.0.1", null, "No jts.ini found"));
        var row = File.ReadAllLines(log.Path)[1];
        Assert.Contains(",,3,HealthCheck,", row);
        Assert.Contains("No jts.ini found", row);
    }

    [Fact]
    public void The_log_rotates_by_size_and_keeps_only_the_newest_files()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.log"), HealthCheckLogFormat.Json, maxBytes: 1024, keepFiles: 2);
        var record = Record(IbCheckStatus.Pass, IbCheckStatus.Pass); // ~650 bytes: each append after the first rotates
        var size = Encoding.UTF8.GetByteCount(HealthCheckLog.ToJsonLine(record));
        Assert.InRange(size, 513, 1024);
        for (var i = 0; i < 5; i++) log.Append(record);
        Assert.True(File.Exists(log.RotatedPath(0)));
        Assert.True(File.Exists(Path.Combine(_dir, "health.1.log")));
        Assert.True(File.Exists(Path.Combine(_dir, "health.2.log")));
        Assert.False(File.Exists(Path.Combine(_dir, "health.3.log")));
        Assert.Equal(3, Directory.GetFiles(_dir).Length);
        foreach (var file in Directory.GetFiles(_dir)) Assert.InRange(new FileInfo(file).Length, 1, 1024);
    }

    [Fact]
    public void Records_that_fit_are_appended_without_rotating()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "health.log"), HealthCheckLogFormat.Json, maxBytes: 64 * 1024);
        for (var i = 0; i < 10; i++) log.Append(Record(IbCheckStatus.Pass));
        Assert.Single(Directory.GetFiles(_dir));
        Assert.Equal(10, File.ReadAllLines(log.Path).Length);
    }

    [Fact]
    public void The_log_folder_is_created_when_missing()
    {
        var log = new HealthCheckLog(Path.Combine(_dir, "a", "b", "health.log"), HealthCheckLogFormat.Json);
        log.Append(Record(IbCheckStatus.Pass));
        Assert.True(File.Exists(log.Path));
    }

    [Fact]
    public void A_log_that_cannot_be_written_is_a_clear_write_error()
    {
        var blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "x");
        var log = new HealthCheckLog(Path.Combine(blocker, "health.log"), HealthCheckLogFormat.Json);
        var ex = Assert.Throws<IbConfigException>(() => log.Append(Record(IbCheckStatus.Pass)));
        Assert.Equal("HealthCheckLogWriteFailed", ex.ErrorId);
        Assert.Equal(IbErrorKind.WriteError, ex.Kind);
    }
}
