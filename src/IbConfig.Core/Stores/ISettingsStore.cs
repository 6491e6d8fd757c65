using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// One place IB or IBC keeps API settings (jts.ini, a profile XML, IBC's config.ini), read into the common setting
/// names with each value's source, and edited in memory the way <see cref="JtsIniSettings"/> is: plan, then apply; the
/// caller writes <see cref="ToBytes"/> back through the guarded writer (backup, atomic replace, running-gateway check).
/// </summary>
public interface ISettingsStore
{
    SettingStore Kind { get; }

    string Path { get; }

    /// <summary>False for a file IbConfig cannot parse (an encrypted profile): it is shown but never written.</summary>
    bool IsReadable { get; }

    /// <summary>Why the store cannot be read; null when it can.</summary>
    string? Problem { get; }

    /// <summary>Every setting the store holds, in the common names. IBC's blank keys come with empty text and no value.</summary>
    IReadOnlyList<SettingValue> Read();

    /// <summary>True when the store currently decides the setting, so a write without <c>-Target</c> goes there.</summary>
    bool Governs(string setting);

    /// <summary>True when the store has a place for the setting at all (what <c>-Target</c> naming it can change).</summary>
    bool CanHold(string setting);

    /// <summary>Validates the requests (shared rules, <see cref="SettingValidation"/>) and works out this store's changes.</summary>
    SettingPlan Plan(IEnumerable<SettingRequest> requests, bool allowLivePort);

    /// <summary>Works out this store's change of the trusted address list.</summary>
    SettingPlan PlanTrustedIps(TrustedIpEdit edit);

    /// <summary>Applies a plan's changes in memory.</summary>
    void Apply(SettingPlan plan);

    /// <summary>The content as bytes: exactly what was read when nothing changed.</summary>
    byte[] ToBytes();

    /// <summary>The same file read again from <paramref name="content"/> (what it holds now), to plan an edit again on it.</summary>
    ISettingsStore Reread(byte[] content);

    /// <summary>The bytes the store was read from: the write refuses a file that no longer holds them (another writer came first).</summary>
    byte[] ContentRead { get; }

    /// <summary>
    /// Throws ConfigSectionUnreadable when a change of <paramref name="plan"/> goes into a section holding lines the parser
    /// cannot read (binary data, NUL): the change could duplicate a setting such a line hides. -Force skips this.
    /// </summary>
    void RefuseUnreadableLines(SettingPlan plan);
}
