using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// Two or more stores hold different values for one setting (e.g. jts.ini <c>s.SocketPort=7497</c> but ibg.xml
/// <c>port="4002"</c>): every store's value as a flat record, the one that counts, and why it counts. The full value is
/// the settings' own (<c>$settings.Get($conflict.Setting)</c>), not repeated here (docs/serialisation.md).
/// </summary>
public sealed class IbSettingConflict
{
    public IbSettingConflict(string setting, SettingValue effective, IReadOnlyList<SettingValue> values, string reason)
    {
        Setting = setting;
        Effective = effective;
        ValuesRead = values;
        Values = values.Select(v => new SettingValueRecord(v)).ToArray();
        Reason = reason;
    }

    /// <summary>The common setting name, e.g. <c>SocketPort</c>.</summary>
    public string Setting { get; }

    /// <summary>The value the gateway runs with, whole, for the checks.</summary>
    internal SettingValue Effective { get; }

    /// <summary>The value the gateway runs with, as IB writes it.</summary>
    public string EffectiveValue => Effective.DisplayValue;

    public string EffectiveStore => EffectiveStoreValue.ToString();

    internal SettingStore EffectiveStoreValue => Effective.Source.StoreValue;

    /// <summary>Every store's value (store, value, file, place, line), the effective one first.</summary>
    public SettingValueRecord[] Values { get; }

    /// <summary>Every store's value, whole, for the checks and the warnings.</summary>
    internal IReadOnlyList<SettingValue> ValuesRead { get; }

    /// <summary>Why the effective value wins, in words.</summary>
    public string Reason { get; }

    public override string ToString() => $"{Setting}: {string.Join(", ", Values.Select(v => v.Store + "=" + v.Value))}; {EffectiveStore} counts: {Reason}";
}
