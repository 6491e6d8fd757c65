using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Finds the profile files of a settings directory: the folders jts.ini names and any other direct subfolder that holds
/// an <c>ibg.xml</c> or <c>tws.xml</c> (jts.ini does not always list every user who has logged in).
/// </summary>
public static class ProfileFileFinder
{
    /// <summary>
    /// The jts.ini of the settings folder a profile file lives in (its folder's parent), or null when there is none: a
    /// profile file piped in alone still belongs to that gateway's set-up.
    /// </summary>
    public static string? SettingsFileOf(string profilePath)
    {
        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(profilePath)));
        var jtsIni = root is null ? null : System.IO.Path.Combine(root, Discovery.ConfigLocator.FileName);
        return jtsIni is not null && System.IO.File.Exists(jtsIni) ? jtsIni : null;
    }

    public static IReadOnlyList<ProfileFile> Find(string settingsDirectory, IEnumerable<string> foldersNamedInJtsIni)
    {
        var named = new HashSet<string>(foldersNamedInJtsIni.Select(n => n.Trim()).Where(n => n.Length > 0), StringComparer.OrdinalIgnoreCase);
        var folders = new List<string>();
        try
        {
            if (Directory.Exists(settingsDirectory)) folders.AddRange(Directory.GetDirectories(settingsDirectory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable settings folder has no profiles we can show; the jts.ini reader reports the folder itself.
        }

        folders.AddRange(named.Select(n => Path.Combine(settingsDirectory, n)).Where(Directory.Exists));
        var files = new List<ProfileFile>();
        foreach (string folder in folders.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
        {
            string name = Path.GetFileName(folder);
            foreach (var (fileName, product) in new[] { (ProfileXmlDocument.GatewayFileName, IbProduct.Gateway), (ProfileXmlDocument.TwsFileName, IbProduct.Tws) })
            {
                string path = Path.Combine(folder, fileName);
                if (!File.Exists(path)) continue;
                var (state, problem) = Probe(path);
                files.Add(new ProfileFile(path, name, product, state, problem, named.Contains(name)));
            }
        }

        return files;
    }

    private static (ProfileXmlState State, string? Problem) Probe(string path)
    {
        try
        {
            var doc = ProfileXmlDocument.Load(path);
            return (doc.State, doc.Problem);
        }
        catch (Errors.IbConfigException ex)
        {
            return (ProfileXmlState.Unreadable, ex.Message);
        }
    }
}
