namespace IbConfig.Core.Checks;

/// <summary>One gateway set up on this machine: its settings folder, its API port and its IBC command server port, each where known.</summary>
public sealed class GatewayInstance
{
    public GatewayInstance(string settingsDirectory, int? port, int? commandServerPort, string source)
    {
        SettingsDirectory = settingsDirectory;
        Port = port;
        CommandServerPort = commandServerPort;
        Source = source;
    }

    public string SettingsDirectory { get; }

    public int? Port { get; }

    public int? CommandServerPort { get; }

    /// <summary>Where it was found (the jts.ini, or IBC's config.ini).</summary>
    public string Source { get; }

    public override string ToString() => $"{SettingsDirectory} (port {Port?.ToString() ?? "?"}{(CommandServerPort is { } c ? ", IBC " + c : string.Empty)})";
}
