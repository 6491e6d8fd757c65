using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// One place IB or IBC keeps API settings (jts.ini, a profile XML, IBC's config.ini), read into the common setting
/// names with each value's source, and edited in memory: the caller writes <see cref="ToBytes"/> back with the guarded
/// writer (backup, atomic replace, running-gateway check).
/// </summary>
public interface ISettingsStore
{
    SettingStore Kind { get; }

    string Path { get; }

    /// <summary>False for a file IbConfig cannot parse (an encrypted profile): it is shown but never written.</summary>
    bool IsReadable { get; }

    /// <summary>Why the store cannot be read; null when it can.</summary>
    string? Problem { get; }

    /// <summary>True once an edit changed the content.</summary>
    bool IsModified { get; }

    /// <summary>Every setting the store holds, in the common names. IBC's blank keys come with empty text and no value.</summary>
    IReadOnlyList<SettingValue> Read();

    /// <summary>True when the store has a place for the setting (so a write with <c>-Target All</c> goes there).</summary>
    bool Governs(string setting);

    /// <summary>Sets a typed value (int, bool, TimeSpan, TradingMode, string[] of addresses); empty when it already had it.</summary>
    IReadOnlyList<StoreChange> Set(string setting, object value);

    /// <summary>The content as bytes: exactly what was read when nothing changed.</summary>
    byte[] ToBytes();
}
