using System;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Which stores a write goes to (<c>-Target</c>): by default where the gateway reads the setting; one named store; or
/// every store that has a place for it (<c>All</c>). The stores themselves are named by <see cref="SettingStore"/>.
/// </summary>
public sealed class StoreTargets
{
    /// <summary>The values <c>-Target</c> accepts: a <see cref="SettingStore"/> name or <c>All</c>.</summary>
    public static readonly string[] Names = { nameof(SettingStore.JtsIni), nameof(SettingStore.ProfileXml), nameof(SettingStore.Ibc), "All" };

    private StoreTargets(SettingStore? only, bool every)
    {
        OnlyValue = only;
        Every = every;
    }

    /// <summary>Where the gateway reads each setting (the default).</summary>
    public static StoreTargets WhereRead { get; } = new(null, false);

    /// <summary>Every store that exists and has a place for the setting.</summary>
    public static StoreTargets All { get; } = new(null, true);

    /// <summary>The one store named; it must exist.</summary>
    public string? Only => OnlyValue?.ToString();

    internal SettingStore? OnlyValue { get; }

    public bool Every { get; }

    public static StoreTargets Of(SettingStore store) => new(store, false);

    /// <summary>Reads a <c>-Target</c> value; null or empty is the default.</summary>
    public static StoreTargets Parse(string? name)
    {
        if (string.IsNullOrEmpty(name)) return WhereRead;
        if (string.Equals(name, "All", StringComparison.OrdinalIgnoreCase)) return All;
        foreach (SettingStore store in Enum.GetValues(typeof(SettingStore)))
        {
            if (string.Equals(name, store.ToString(), StringComparison.OrdinalIgnoreCase)) return Of(store);
        }

        throw StoreFailure.UnknownTarget(name!);
    }

    public override string ToString() => Only?.ToString() ?? (Every ? "All" : "where the gateway reads");
}
