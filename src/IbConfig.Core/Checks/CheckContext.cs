using System;
using System.Collections.Generic;
using IbConfig.Core.Baseline;
using IbConfig.Core.Network;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// Everything the checks look at, gathered once before they run: the request, the clock, the settings stores, the
/// gateway processes and the live probe results. Checks read it and never touch the machine. A fact that was not gathered
/// is null, and the checks that need it say they could not tell.
/// </summary>
public sealed class CheckContext
{
    public CheckContext(CheckRequest request, DateTimeOffset now)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Now = now;
    }

    public CheckRequest Request { get; }

    /// <summary>Local time when the facts were gathered (server-time skew, the next maintenance window).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The API port under test: the one asked for, else the one the settings say.</summary>
    public int? Port { get; set; }

    /// <summary>Where <see cref="Port"/> came from ("-Port", or the file and line of the setting).</summary>
    public string PortSource { get; set; } = string.Empty;

    /// <summary>The settings that count, each with its source; null when no settings file was found.</summary>
    public IbApiSettings? Settings { get; set; }

    /// <summary>The settings file checked (jts.ini).</summary>
    public string? SettingsPath { get; set; }

    /// <summary>The profile XML read with the settings (ibg.xml / tws.xml), when one was found.</summary>
    public string? ProfilePath { get; set; }

    /// <summary>Whether the settings file can be written (the guide's "settings not saving"); null when not looked at.</summary>
    public IbFileAccess? SettingsFileAccess { get; set; }

    /// <summary>IBC's config.ini that governs this gateway, when one was found.</summary>
    public string? IbcConfigPath { get; set; }

    /// <summary>Who can read IBC's config.ini (it holds the IB login); null when there is none.</summary>
    public IbFileAccess? IbcFileAccess { get; set; }

    /// <summary>The desired state to compare the settings with (-Baseline); null when none was given.</summary>
    public IbApiBaseline? Baseline { get; set; }

    /// <summary>The staged API check (handshake, accounts, server time) against <see cref="Port"/>; null when not run.</summary>
    public IbConnectionResult? Connection { get; set; }

    /// <summary>The IB Gateway and TWS processes running on this machine; null when not looked up.</summary>
    public IReadOnlyList<GatewayProcessInfo>? Processes { get; set; }

    /// <summary>Every gateway set up on this machine (settings folder, API port, IBC command server port); null when not looked up.</summary>
    public IReadOnlyList<GatewayInstance>? Instances { get; set; }

    /// <summary>Who listens on <see cref="Port"/> on this machine; null when not looked up.</summary>
    public IReadOnlyList<IbPortListener>? Listeners { get; set; }

    /// <summary>True when the gateway under test runs on this machine, so local facts (listeners, processes) apply to it.</summary>
    public bool TargetIsLocal => IsLocal(Request.ComputerName);

    public static bool IsLocal(string computerName) =>
        HostName.IsLoopback(computerName)
        || computerName.Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase)
        || computerName == ".";
}
