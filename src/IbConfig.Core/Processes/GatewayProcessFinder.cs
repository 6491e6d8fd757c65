using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Processes;

/// <summary>
/// Recognises running IB Gateway / TWS instances: the native launchers (<c>ibgateway.exe</c>, <c>tws.exe</c>, and their
/// Linux/macOS scripts' <c>ibgateway</c>/<c>tws</c>), and java/javaw processes whose command line or path names IB's
/// jars and classes (<c>jts4launch</c>, <c>twslaunch</c>, <c>ibgateway.GWClient</c>, IBC's <c>ibcalpha.ibc</c>), a
/// <c>Jts</c> folder or <c>-DjtsConfigDir=</c>.
/// </summary>
public sealed class GatewayProcessFinder
{
    private static readonly string[] CandidateNames = { "ibgateway", "tws", "java", "javaw" };

    private static readonly string[] IbMarkers = { "jts4launch", "twslaunch", "ibgateway", "ibcalpha.ibc", "jclient.LoginFrame", "-DjtsConfigDir=" };

    // Gateway and TWS share jts4launch; only the gateway's paths and classes say "gateway".
    private static readonly string[] GatewayMarkers = { "ibgateway", "IbcGateway", "GWClient" };

    // IB's own main classes take the settings folder as their first argument (IBC's take its ini instead).
    private static readonly string[] MainClassesTakingSettingsFolder = { "jclient.LoginFrame", "ibgateway.GWClient" };

    private static readonly Regex JtsFolder = new(@"(^|[\\/""=\s])Jts[\\/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Greedy: the innermost Jts folder above the program (C:\Jts\ibgateway\1030\ibgateway.exe -> C:\Jts).
    private static readonly Regex JtsAncestor = new(@"^(?<dir>.*[\\/]Jts)[\\/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly IProcessSource _source;

    public GatewayProcessFinder(IProcessSource source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The IB Gateway and TWS instances running now.</summary>
    public IReadOnlyList<GatewayProcessInfo> Find() =>
        _source.GetProcesses(IsCandidateName)
            .Select(Recognise)
            .Where(info => info is not null)
            .Select(info => info!)
            .OrderBy(info => info.Id)
            .ToArray();

    /// <summary>The instances that may write their settings back into <paramref name="settingsDirectory"/> on exit.</summary>
    public IReadOnlyList<GatewayProcessInfo> FindUsing(string settingsDirectory) =>
        Find().Where(info => info.MayUse(settingsDirectory)).ToArray();

    /// <summary>Whether a process of this name could be IB Gateway or TWS (so its path and command line are worth reading).</summary>
    public static bool IsCandidateName(string name) => CandidateNames.Contains(BaseName(name), StringComparer.OrdinalIgnoreCase);

    /// <summary>What the process is, or null when it is not IB Gateway or TWS.</summary>
    public static GatewayProcessInfo? Recognise(ProcessSnapshot process)
    {
        if (process is null) throw new ArgumentNullException(nameof(process));
        var name = BaseName(process.Name);
        var evidence = process.CommandLine + " " + process.Path;

        IbProduct product;
        if (name.Equals("ibgateway", StringComparison.OrdinalIgnoreCase)) product = IbProduct.Gateway;
        else if (name.Equals("tws", StringComparison.OrdinalIgnoreCase)) product = IbProduct.Tws;
        else if (IsCandidateName(name) && NamesIb(evidence)) product = GatewayMarkers.Any(m => Contains(evidence, m)) ? IbProduct.Gateway : IbProduct.Tws;
        else return null;

        var (directory, source) = SettingsDirectory(process);
        return new GatewayProcessInfo(process.Id, process.Name, product, process.Path, process.StartTime, directory, source, process.CommandLine is not null);
    }

    private static bool NamesIb(string evidence) => IbMarkers.Any(m => Contains(evidence, m)) || JtsFolder.IsMatch(evidence);

    private static (string? Directory, SettingsDirectorySource Source) SettingsDirectory(ProcessSnapshot process)
    {
        var args = process.CommandLine is null ? Array.Empty<string>() : CommandLineArguments.Split(process.CommandLine);
        for (var i = 0; i < args.Count; i++)
        {
            const string option = "-DjtsConfigDir=";
            if (args[i].StartsWith(option, StringComparison.OrdinalIgnoreCase) && args[i].Length > option.Length)
                return (args[i].Substring(option.Length), SettingsDirectorySource.CommandLine);
            if (MainClassesTakingSettingsFolder.Contains(args[i], StringComparer.OrdinalIgnoreCase) && i + 1 < args.Count && !args[i + 1].StartsWith("-", StringComparison.Ordinal))
                return (args[i + 1], SettingsDirectorySource.CommandLine);
        }

        var program = process.Path ?? args.FirstOrDefault();
        var ancestor = program is null ? null : JtsAncestor.Match(program);
        return ancestor is { Success: true } ? (ancestor.Groups["dir"].Value, SettingsDirectorySource.InstallFolder) : (null, SettingsDirectorySource.Unknown);
    }

    private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;

    // Windows reports "javaw", tests and ps may say "javaw.exe" or a path.
    private static string BaseName(string name)
    {
        var leaf = name.Substring(name.LastIndexOfAny(new[] { '\\', '/' }) + 1);
        return leaf.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? leaf.Substring(0, leaf.Length - 4) : leaf;
    }
}
