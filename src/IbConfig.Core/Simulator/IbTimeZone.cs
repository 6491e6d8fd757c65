using System;
using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The zone of an IB time-zone id (a contract's timeZoneId, e.g. US/Eastern). .NET on Linux and .NET 6+ on Windows know
/// IANA ids; Windows PowerShell 5.1's .NET Framework knows Windows ids only, so the ids IB uses most are mapped.
/// </summary>
internal static class IbTimeZone
{
    private static readonly Dictionary<string, string> WindowsIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US/Eastern"] = "Eastern Standard Time", ["America/New_York"] = "Eastern Standard Time", ["EST"] = "Eastern Standard Time",
        ["US/Central"] = "Central Standard Time", ["America/Chicago"] = "Central Standard Time", ["CST"] = "Central Standard Time",
        ["US/Mountain"] = "Mountain Standard Time", ["US/Pacific"] = "Pacific Standard Time", ["America/Los_Angeles"] = "Pacific Standard Time",
        ["Europe/London"] = "GMT Standard Time", ["GB"] = "GMT Standard Time",
        ["Europe/Berlin"] = "W. Europe Standard Time", ["Europe/Zurich"] = "W. Europe Standard Time", ["MET"] = "W. Europe Standard Time",
        ["Europe/Paris"] = "Romance Standard Time", ["Asia/Tokyo"] = "Tokyo Standard Time", ["Japan"] = "Tokyo Standard Time",
        ["Asia/Hong_Kong"] = "China Standard Time", ["Hongkong"] = "China Standard Time", ["Australia/Sydney"] = "AUS Eastern Standard Time",
        ["Canada/Eastern"] = "Eastern Standard Time", ["America/Toronto"] = "Eastern Standard Time",
    };

    /// <summary>The zone, or <see cref="SimulatorFailure.UnknownTimeZone"/>.</summary>
    public static TimeZoneInfo Find(string id)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "GMT", StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Utc;
        foreach (var candidate in WindowsIds.TryGetValue(id, out var windows) ? new[] { id, windows } : new[] { id })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(candidate);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Try the next spelling.
            }
        }
        throw SimulatorFailure.UnknownTimeZone(id);
    }
}
