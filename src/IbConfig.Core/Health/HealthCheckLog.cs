using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Text;

namespace IbConfig.Core.Health;

/// <summary>
/// Appends health-check records to a log that rotates by size: when the next record would take the file past
/// <see cref="MaxBytes"/>, <c>health.log</c> becomes <c>health.1.log</c>, <c>health.1.log</c> becomes <c>health.2.log</c>, and
/// the oldest beyond <see cref="KeepFiles"/> is deleted. JSON is one object per line (jq, Get-Content | ConvertFrom-Json);
/// CSV is one row per check under one header (Import-Csv).
/// </summary>
public sealed class HealthCheckLog
{
    public const long DefaultMaxBytes = 1024 * 1024;
    public const int DefaultKeepFiles = 5;
    public const HealthCheckLogFormat DefaultFormat = HealthCheckLogFormat.Json;

    private static readonly string[] CsvHeader =
        { "Timestamp", "Host", "ComputerName", "Port", "ExitCode", "Id", "Name", "Category", "Status", "Expected", "Actual", "Source", "Remedy" };

    public HealthCheckLog(string path, HealthCheckLogFormat format, long maxBytes = DefaultMaxBytes, int keepFiles = DefaultKeepFiles)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A log path is required.", nameof(path));
        if (maxBytes < 1024) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "Keep at least 1 KiB per log file.");
        if (keepFiles < 1) throw new ArgumentOutOfRangeException(nameof(keepFiles), keepFiles, "Keep at least one rotated file.");
        Path = path;
        Format = format;
        MaxBytes = maxBytes;
        KeepFiles = keepFiles;
    }

    public string Path { get; }

    public HealthCheckLogFormat Format { get; }

    public long MaxBytes { get; }

    /// <summary>How many rotated files (health.1.log ... health.N.log) are kept besides the current one.</summary>
    public int KeepFiles { get; }

    /// <summary>The file that <paramref name="generation"/> rotations have produced (0 is the current log).</summary>
    public string RotatedPath(int generation)
    {
        if (generation == 0) return Path;
        var extension = System.IO.Path.GetExtension(Path);
        var stem = Path.Substring(0, Path.Length - extension.Length);
        return $"{stem}.{generation.ToString(CultureInfo.InvariantCulture)}{extension}";
    }

    /// <summary>Appends one record, rotating first when it would not fit. Throws <see cref="IbConfigException"/> (<c>HealthCheckLogWriteFailed</c>).</summary>
    public void Append(IbHealthCheckRecord record)
    {
        if (record is null) throw new ArgumentNullException(nameof(record));
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var body = Encoding.UTF8.GetBytes(Format == HealthCheckLogFormat.Json ? ToJsonLine(record) : ToCsvRows(record));
            var current = new FileInfo(Path);
            if (current.Exists && current.Length > 0 && current.Length + body.Length > MaxBytes) Rotate();
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (stream.Length == 0 && Format == HealthCheckLogFormat.Csv)
            {
                // A BOM lets Windows PowerShell 5.1's Import-Csv and Excel read non-ASCII text; pwsh ignores it.
                var header = Encoding.UTF8.GetPreamble();
                stream.Write(header, 0, header.Length);
                var names = Encoding.UTF8.GetBytes(CsvLine.Format(CsvHeader) + "\n");
                stream.Write(names, 0, names.Length);
            }
            stream.Write(body, 0, body.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw HealthCheckFailure.LogWriteFailed(Path, ex);
        }
    }

    private void Rotate()
    {
        var oldest = RotatedPath(KeepFiles);
        if (File.Exists(oldest)) File.Delete(oldest);
        for (var generation = KeepFiles - 1; generation >= 0; generation--)
        {
            var from = RotatedPath(generation);
            if (File.Exists(from)) File.Move(from, RotatedPath(generation + 1));
        }
    }

    public static string ToJsonLine(IbHealthCheckRecord record)
    {
        var json = new JsonWriter().BeginObject()
            .Property("timestamp", record.Timestamp.ToString("o", CultureInfo.InvariantCulture))
            .Property("host", record.Host)
            .Property("computerName", record.ComputerName)
            .Property("port", record.Port)
            .Property("status", record.Status)
            .Property("exitCode", (long)record.ExitCodeValue)
            .Property("passed", record.Passed)
            .Property("warnings", record.Warnings)
            .Property("failed", record.Failed)
            .Property("skipped", record.Skipped)
            .Property("message", record.Message)
            .Property("repair", record.Repair)
            .Name("checks").BeginArray();
        foreach (var check in record.Checks)
        {
            json.BeginObject()
                .Property("id", check.Id)
                .Property("name", check.Name)
                .Property("category", check.Category.ToString())
                .Property("status", check.Status.ToString())
                .Property("expected", check.Expected)
                .Property("actual", check.Actual)
                .Property("source", check.Source)
                .Property("remedy", check.Remedy)
                .EndObject();
        }
        return json.EndArray().EndObject() + "\n";
    }

    public static string ToCsvRows(IbHealthCheckRecord record)
    {
        var rows = new StringBuilder();
        var timestamp = record.Timestamp.ToString("o", CultureInfo.InvariantCulture);
        var port = record.Port?.ToString(CultureInfo.InvariantCulture);
        var exitCode = ((int)record.ExitCodeValue).ToString(CultureInfo.InvariantCulture);
        IEnumerable<IbCheckResult> checks = record.Checks.Length > 0
            ? record.Checks
            : new[] { new IbCheckResult("HealthCheck", "Health check ran", IbCheckCategory.Live, IbCheckStatus.Fail, "the checklist runs", record.Message, string.Empty, null) };
        foreach (var check in checks)
        {
            rows.Append(CsvLine.Format(new[]
            {
                timestamp, record.Host, record.ComputerName, port, exitCode, check.Id, check.Name, check.Category.ToString(),
                check.Status.ToString(), check.Expected, check.Actual, check.Source, check.Remedy,
            })).Append('\n');
        }
        return rows.ToString();
    }
}
