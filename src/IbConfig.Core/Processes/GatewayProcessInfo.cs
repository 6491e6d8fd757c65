using System;
using IbConfig.Core.Files;
using IbConfig.Core.Settings;

using DirectorySource = IbConfig.Core.Processes.SettingsDirectorySource;

namespace IbConfig.Core.Processes;

/// <summary>
/// A running IB Gateway or TWS. The command line itself is not kept: IBC accepts the login and password as arguments,
/// and this object is printed and logged.
/// </summary>
public sealed class GatewayProcessInfo
{
    public GatewayProcessInfo(int id, string name, IbProduct product, string? path, DateTime? startTime,
        string? settingsDirectory, SettingsDirectorySource settingsDirectorySource, bool commandLineKnown)
    {
        Id = id;
        Name = name;
        ProductValue = product;
        Path = path;
        StartTime = startTime;
        SettingsDirectory = settingsDirectory;
        SettingsDirectorySourceValue = settingsDirectory is null ? DirectorySource.Unknown : settingsDirectorySource;
        CommandLineKnown = commandLineKnown;
    }

    public int Id { get; }

    public string Name { get; }

    public string Product => ProductValue.ToString();

    internal IbProduct ProductValue { get; }

    /// <summary>The executable (ibgateway.exe, tws.exe, or the java of the gateway's bundled runtime), when readable.</summary>
    public string? Path { get; }

    public DateTime? StartTime { get; }

    /// <summary>The settings folder (the one holding jts.ini) this instance uses, when it can be told.</summary>
    public string? SettingsDirectory { get; }

    public string SettingsDirectorySource => SettingsDirectorySourceValue.ToString();

    internal SettingsDirectorySource SettingsDirectorySourceValue { get; }

    /// <summary>False when the OS would not give the command line (then only the name and path identified it).</summary>
    public bool CommandLineKnown { get; }

    /// <summary>"IB Gateway" or "TWS", as IB names them.</summary>
    public string ProductName => ProductValue == IbProduct.Gateway ? "IB Gateway" : "TWS";

    /// <summary>
    /// Whether this instance may write its settings back into <paramref name="settingsDirectory"/> when it exits. Only a
    /// folder named on the command line clears a process; anything less certain counts as "may".
    /// </summary>
    public bool MayUse(string settingsDirectory) =>
        SettingsDirectorySourceValue != DirectorySource.CommandLine
        || FileSystemPath.AreSame(SettingsDirectory!, settingsDirectory);

    public override string ToString() => $"{ProductName} (pid {Id})";
}
