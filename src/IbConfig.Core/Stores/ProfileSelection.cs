using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Picks the profile file whose settings the gateway uses when the user names none: one that jts.ini names, of the
/// product the settings folder serves (IB Gateway when <c>ApiOnly=true</c>), readable. Several equally good candidates
/// are reported so the user can pass <c>-Profile</c>.
/// </summary>
public static class ProfileSelection
{
    public static ProfileFile? Choose(IReadOnlyList<ProfileFile> files, IbProduct preferred, out string? note)
    {
        note = null;
        if (files.Count == 0) return null;
        var ranked = files
            .OrderByDescending(f => f.NamedInJtsIni)
            .ThenByDescending(f => f.Product == preferred)
            .ThenByDescending(f => f.IsReadable)
            .ToList();
        var best = ranked[0];
        var equals = ranked.Where(f => f.NamedInJtsIni == best.NamedInJtsIni && f.Product == best.Product && f.IsReadable == best.IsReadable).ToList();
        if (equals.Count > 1)
        {
            note = $"Several profiles could hold the API settings ({string.Join(", ", equals.Select(f => f.Path))}); using '{best.Path}'. Pass -Profile to choose another.";
        }

        return best;
    }
}
