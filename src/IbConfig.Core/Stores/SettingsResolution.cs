using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>What <see cref="SettingsResolver"/> found: one effective value per setting (each listing what it overrode) and the disagreements.</summary>
public sealed class SettingsResolution
{
    public SettingsResolution(IReadOnlyList<SettingValue> effective, IReadOnlyList<IbSettingConflict> conflicts)
    {
        Effective = effective;
        Conflicts = conflicts;
    }

    public IReadOnlyList<SettingValue> Effective { get; }

    public IReadOnlyList<IbSettingConflict> Conflicts { get; }
}
