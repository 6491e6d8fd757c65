using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IbConfig.Core.Checks;
using IbConfig.Core.Files;
using IbConfig.Core.Network;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Health;

/// <summary>
/// One health-check run as a Prometheus textfile-collector file (node_exporter on Linux, windows_exporter on Windows):
/// the text exposition format with HELP and TYPE lines, <c>ibconfig_</c> names with their unit, and the gateway as
/// <c>computer</c> and <c>port</c> labels (docs/monitoring.md). Written atomically, so the collector never reads half a file.
/// </summary>
public static class HealthCheckMetrics
{
    /// <summary>The collectors read only files with this extension.</summary>
    public const string FileExtension = ".prom";

    private static readonly IbCheckStatus[] Statuses = { IbCheckStatus.Pass, IbCheckStatus.Warn, IbCheckStatus.Fail, IbCheckStatus.Skipped };

    /// <summary>The metrics of <paramref name="record"/>; <paramref name="connection"/> adds the live ones (handshake, farms, clock).</summary>
    public static string Format(IbHealthCheckRecord record, IbConnectionResult? connection)
    {
        if (record is null) throw new ArgumentNullException(nameof(record));
        var text = new StringBuilder();
        var gateway = new[] { ("computer", record.ComputerName), ("port", record.Port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) };

        if (record.Checks.Length > 0)
            Family(text, "ibconfig_health_check_status", "Status of each check in the last health check: 1 for the status it had, 0 for the others.");
        // A check may report several items (one per store or instance): its worst status stands for it, as series must be unique.
        foreach (var check in record.Checks.GroupBy(c => c.Id, StringComparer.Ordinal))
        {
            var worst = check.Select(c => c.StatusValue).OrderBy(Severity).Last();
            foreach (var status in Statuses)
                Sample(text, "ibconfig_health_check_status", gateway.Concat(new[] { ("check", check.Key), ("status", Label(status)) }), worst == status ? 1 : 0);
        }

        Family(text, "ibconfig_health_check_exit_code", "Exit code of the last health check: 0 pass, 1 warnings, 2 failure, 3 could not run.");
        Sample(text, "ibconfig_health_check_exit_code", gateway, (int)record.ExitCodeValue);

        Family(text, "ibconfig_health_check_last_run_timestamp_seconds", "When the last health check ran, in seconds since the Unix epoch.");
        Sample(text, "ibconfig_health_check_last_run_timestamp_seconds", gateway, record.Timestamp.ToUnixTimeMilliseconds() / 1000.0);

        if (connection?.HandshakeMs is double handshake)
        {
            Family(text, "ibconfig_api_handshake_seconds", "Time the TWS API version handshake took in the last health check.");
            Sample(text, "ibconfig_api_handshake_seconds", gateway, handshake / 1000.0);
        }
        if (connection?.ClockSkewValue is TimeSpan skew)
        {
            Family(text, "ibconfig_api_clock_skew_seconds", "Gateway clock minus this computer's clock in the last health check.");
            Sample(text, "ibconfig_api_clock_skew_seconds", gateway, skew.TotalSeconds);
        }
        if (connection?.StartApiMs is not null)
        {
            var farms = TwsNotice.LatestFarmStatus(connection.Notices);
            Family(text, "ibconfig_data_farms_connected", "Data farms the gateway last reported connected (not broken) in the last health check.");
            Sample(text, "ibconfig_data_farms_connected", gateway, farms.Count(f => !f.IsFarmBroken));
            if (farms.Count > 0)
            {
                Family(text, "ibconfig_data_farm_connected", "1 when the gateway last reported this data farm connected, 0 when broken.");
                foreach (var farm in farms)
                    Sample(text, "ibconfig_data_farm_connected", gateway.Concat(new[] { ("farm", farm.Farm.Length > 0 ? farm.Farm : farm.Code.ToString(CultureInfo.InvariantCulture)) }), farm.IsFarmBroken ? 0 : 1);
            }
        }
        return text.ToString();
    }

    /// <summary>Replaces <paramref name="path"/> atomically (UTF-8 without a BOM, as the exposition format wants).</summary>
    /// <exception cref="Errors.IbConfigException">The file errors of <see cref="AtomicFileWriter"/>.</exception>
    public static void Write(string path, string metrics) =>
        AtomicFileWriter.Write(path, new UTF8Encoding(false).GetBytes(metrics ?? throw new ArgumentNullException(nameof(metrics))));

    /// <summary>The status as a label value: lower case, as Prometheus labels are.</summary>
    public static string Label(IbCheckStatus status) => status.ToString().ToLowerInvariant();

    private static int Severity(IbCheckStatus status) => status switch
    {
        IbCheckStatus.Skipped => 0,
        IbCheckStatus.Pass => 1,
        IbCheckStatus.Warn => 2,
        _ => 3,
    };

    private static void Family(StringBuilder text, string name, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n')
            .Append("# TYPE ").Append(name).Append(" gauge\n");

    private static void Sample(StringBuilder text, string name, IEnumerable<(string Name, string Value)> labels, double value)
    {
        text.Append(name).Append('{');
        text.Append(string.Join(",", labels.Select(l => $"{l.Name}=\"{EscapeLabel(l.Value)}\"")));
        text.Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>Label values escape backslash, double quote and line feed (the text exposition format).</summary>
    internal static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
