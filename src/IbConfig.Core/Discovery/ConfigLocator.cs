using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Discovery;

/// <summary>
/// Where IB keeps settings on this machine (docs/ib-settings.md): a list of settings roots — the <c>Jts</c> folders — in
/// which <c>jts.ini</c> lives at the top or beside a gateway version (<c>ibgateway/&lt;version&gt;/jts.ini</c>). Rooted in
/// an injectable list so tests can build a fake machine in a temporary folder.
/// </summary>
public sealed class ConfigLocator
{
    public const string FileName = "jts.ini";

    private const string GatewayFolder = "ibgateway";

    public ConfigLocator(IEnumerable<string> roots)
    {
        if (roots is null) throw new ArgumentNullException(nameof(roots));
        Roots = roots.Where(r => !string.IsNullOrWhiteSpace(r))
            .Select(FileSystemPath.Normalize)
            .Distinct(FileSystemPath.Comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The settings roots searched, in order of preference.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The error for a search root that is not a folder.</summary>
    public static IbConfigException RootNotFound(string root) =>
        new("ConfigRootNotFound", IbErrorKind.ObjectNotFound,
            $"The settings folder '{root}' does not exist. Name the folder that holds jts.ini (IB's Jts folder), or run Find-IbConfig without -Root to search this machine's usual places.", root);

    /// <summary>The locator for this machine's environment.</summary>
    public static ConfigLocator ForThisMachine() =>
        new(DefaultRoots(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows)));

    /// <summary>
    /// The settings roots IB uses, most explicit first: <c>$env:TWS_SETTINGS_PATH</c> (IBC and the Docker images), then on
    /// Windows <c>%SYSTEMDRIVE%\Jts</c> (IB's default install) and <c>%USERPROFILE%\Jts</c> (the seed guide's layout), and
    /// elsewhere <c>~/Jts</c>.
    /// </summary>
    public static IReadOnlyList<string> DefaultRoots(Func<string, string?> environment, bool isWindows)
    {
        if (environment is null) throw new ArgumentNullException(nameof(environment));
        var roots = new List<string>();
        void AddUnder(string? parent, string child)
        {
            if (!string.IsNullOrWhiteSpace(parent)) roots.Add(parent!.TrimEnd('\\', '/') + (isWindows ? "\\" : "/") + child);
        }

        var explicitRoot = environment("TWS_SETTINGS_PATH");
        if (!string.IsNullOrWhiteSpace(explicitRoot)) roots.Add(explicitRoot!);
        if (isWindows)
        {
            AddUnder(environment("SYSTEMDRIVE") is { Length: > 0 } drive ? drive : "C:", "Jts");
            AddUnder(environment("USERPROFILE"), "Jts");
        }
        else
        {
            AddUnder(environment("HOME"), "Jts");
        }
        return roots;
    }

    /// <summary>Where jts.ini was looked for, as the user would type it (version folders as <c>ibgateway/*/jts.ini</c>).</summary>
    public IReadOnlyList<string> SearchedLocations =>
        Roots.Select(r => Path.Combine(r, FileName))
            .Concat(Roots.Select(r => Path.Combine(r, GatewayFolder, "*", FileName)))
            .ToArray();

    /// <summary>Every place a jts.ini could be, existing or not: each root's own file, then one beside each gateway version.</summary>
    public IReadOnlyList<string> CandidateFiles() => Candidates().Select(c => c.File).ToArray();

    private IEnumerable<(string Root, string File)> Candidates() =>
        Roots.Select(r => (r, Path.Combine(r, FileName)))
            .Concat(Roots.SelectMany(r => VersionFolders(Path.Combine(r, GatewayFolder)).Select(v => (r, Path.Combine(v, FileName)))));

    /// <summary>The first existing candidate, or null.</summary>
    public string? FindFirstExisting() => CandidateFiles().FirstOrDefault(File.Exists);

    /// <summary>
    /// The jts.ini files under the roots: each root's own file, then one beside each gateway version, with their layout
    /// and profile folders. Missing files are listed only when <paramref name="includeMissing"/>.
    /// </summary>
    public IReadOnlyList<IbConfigLocation> FindConfigs(bool includeMissing = false)
    {
        var found = new List<IbConfigLocation>();
        foreach (var (root, file) in Candidates())
        {
            var location = Describe(file, root);
            if (location.Exists || includeMissing) found.Add(location);
        }
        return found;
    }

    /// <summary>The installed IB Gateway (<c>&lt;root&gt;/ibgateway/&lt;version&gt;</c>) and TWS (<c>&lt;root&gt;/&lt;version&gt;</c>) versions, newest first per root.</summary>
    public IReadOnlyList<IbInstallation> FindInstallations()
    {
        var found = new List<IbInstallation>();
        foreach (var root in Roots)
        {
            found.AddRange(Installations(root, Path.Combine(root, GatewayFolder), IbProduct.Gateway, "ibgateway"));
            found.AddRange(Installations(root, root, IbProduct.Tws, "tws"));
        }
        return found;
    }

    private static IEnumerable<IbInstallation> Installations(string root, string parent, IbProduct product, string launcher)
    {
        foreach (var folder in VersionFolders(parent))
        {
            // install4j names the launcher ibgateway.exe / tws.exe on Windows and ibgateway / tws elsewhere.
            var executable = new[] { launcher + ".exe", launcher }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
            if (executable is null && !Directory.Exists(Path.Combine(folder, "jars"))) continue;
            yield return new IbInstallation(product, Path.GetFileName(folder), folder, executable, root);
        }
    }

    private static IbConfigLocation Describe(string file, string root)
    {
        if (!File.Exists(file)) return new IbConfigLocation(SettingStore.JtsIni, file, root, false, JtsIniLayout.None, Array.Empty<string>(), null, null);
        DateTime? written = null;
        try
        {
            written = File.GetLastWriteTime(file);
            var settings = new JtsIniSettings(IniDocument.Parse(ConfigFileReader.ReadAllBytes(file), file));
            return new IbConfigLocation(SettingStore.JtsIni, file, root, true, settings.Layout, settings.ProfileDirectories, written, null);
        }
        catch (Exception ex) when (ex is IbConfigException or IOException or UnauthorizedAccessException)
        {
            return new IbConfigLocation(SettingStore.JtsIni, file, root, true, JtsIniLayout.None, Array.Empty<string>(), written, ex.Message);
        }
    }

    /// <summary>Subfolders whose name starts with a digit (IB names version folders 972, 1030, 10.30 ...), newest first.</summary>
    internal static IEnumerable<string> VersionFolders(string parent)
    {
        if (!Directory.Exists(parent)) return Array.Empty<string>();
        try
        {
            return Directory.GetDirectories(parent)
                .Where(d => Path.GetFileName(d) is { Length: > 0 } name && char.IsDigit(name[0]))
                .OrderByDescending(d => VersionKey(Path.GetFileName(d)))
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    // "1030" and "10.30" both mean 10.30; compare by digits padded so 981 < 1030.
    private static string VersionKey(string name)
    {
        var digits = new string(name.Where(char.IsDigit).ToArray());
        return digits.PadLeft(12, '0');
    }
}
