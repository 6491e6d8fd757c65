using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>What the user asked the checklist to verify: the gateway to reach and the expectations to hold it to.</summary>
public sealed class CheckRequest
{
    /// <summary>The client id the health check uses for its own handshake; high, so it never collides with a bot's.</summary>
    public const int DefaultHealthClientId = 999;

    public string ComputerName { get; init; } = "127.0.0.1";

    /// <summary>The jts.ini (or its folder) to check; null means the one a running gateway uses, else the first found.</summary>
    public string? SettingsPath { get; init; }

    /// <summary>The profile folder, or its ibg.xml / tws.xml; null means the profile jts.ini names, found beside it.</summary>
    public string? ProfilePath { get; init; }

    /// <summary>IBC's config.ini; null means IBC's usual places (and <c>IBC_INI</c>).</summary>
    public string? IbcConfigPath { get; init; }

    /// <summary>The API port to test; null means the port the settings say.</summary>
    public int? Port { get; init; }

    public int ClientId { get; init; } = DefaultHealthClientId;

    /// <summary>Paper or live; null means "whatever the settings say" (a live port is then a warning, not a failure).</summary>
    public TradingMode? TradingMode { get; init; }

    /// <summary>Whether Read-Only API is wanted; null means the guide's default for a trading bot (off).</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>A baseline file (Export-IbApiBaseline) to hold the settings to: the Drift check; null means no Drift check.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Skip the checks that need the running gateway.</summary>
    public bool Offline { get; init; }
}
