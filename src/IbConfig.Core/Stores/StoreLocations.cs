using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Settings;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Stores;

/// <summary>The profile files and IBC config files Find-IbConfig reports beside the jts.ini locations.</summary>
public static class StoreLocations
{
    /// <summary>The profile files of the settings folder that holds <paramref name="jtsIni"/>, readable or not.</summary>
    public static IReadOnlyList<IbConfigLocation> Profiles(IbConfigLocation jtsIni)
    {
        if (!jtsIni.Exists) return Array.Empty<IbConfigLocation>();
        string folder = Path.GetDirectoryName(jtsIni.Path)!;
        return ProfileFileFinder.Find(folder, jtsIni.ProfileFolders)
            .Select(f => new IbConfigLocation(SettingStore.ProfileXml, f.Path, jtsIni.Root, true, Settings.JtsIniLayout.None, new[] { f.Profile }, LastWrite(f.Path), f.Problem)
            {
                ProductValue = f.Product,
                Status = f.State.ToString(),
            })
            .ToArray();
    }

    /// <summary>IBC's config.ini at each candidate path (see <see cref="IbcConfig.CandidatePaths"/>).</summary>
    public static IReadOnlyList<IbConfigLocation> IbcConfigs(IEnumerable<string> candidates, bool includeMissing)
    {
        var found = new List<IbConfigLocation>();
        foreach (string path in candidates.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            bool exists = File.Exists(path);
            if (!exists && !includeMissing) continue;
            string? problem = null;
            if (exists)
            {
                try
                {
                    var config = IbcConfig.Load(path);
                    if (config.Diagnostics.Count > 0) problem = string.Join(" ", config.Diagnostics.Select(d => d.Message));
                }
                catch (IbConfigException ex)
                {
                    problem = ex.Message;
                }
            }

            found.Add(new IbConfigLocation(SettingStore.Ibc, path, Path.GetDirectoryName(path) ?? string.Empty, exists, Settings.JtsIniLayout.None,
                Array.Empty<string>(), exists ? LastWrite(path) : null, problem)
            {
                Status = exists ? (problem is null ? "Readable" : "Malformed") : null,
            });
        }

        return found;
    }

    private static DateTime? LastWrite(string path)
    {
        try
        {
            return File.GetLastWriteTime(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
