using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Settings;

/// <summary>
/// Two or more stores hold different values for one setting (e.g. jts.ini <c>s.SocketPort=7497</c> but ibg.xml
/// <c>port="4002"</c>): every value with its source, the one that counts, and why it counts.
/// </summary>
public sealed class IbSettingConflict
{
    public IbSettingConflict(string setting, SettingValue effective, IReadOnlyList<SettingValue> values, string reason)
    {
        Setting = setting;
        Effective = effective;
        Values = values;
        Reason = reason;
    }

    /// <summary>The common setting name, e.g. <c>SocketPort</c>.</summary>
    public string Setting { get; }

    /// <summary>The value the gateway runs with.</summary>
    public SettingValue Effective { get; }

    public string EffectiveValue => Effective.DisplayValue;

    public string EffectiveStore => EffectiveStoreValue.ToString();

    internal SettingStore EffectiveStoreValue => Effective.Source.StoreValue;

    /// <summary>Every store's value, the effective one first.</summary>
    public IReadOnlyList<SettingValue> Values { get; }

    /// <summary>One line per value: <c>ProfileXml=4002 (C:\Jts\darykqabcdef\ibg.xml:5 ApiSettings/@port)</c>.</summary>
    public string[] Sources => Values.Select(v => $"{v.Source.Store}={v.DisplayValue} ({v.Source})").ToArray();

    /// <summary>Why <see cref="Effective"/> wins, in words.</summary>
    public string Reason { get; }

    public override string ToString() => $"{Setting}: {string.Join(", ", Values.Select(v => v.Source.Store + "=" + v.DisplayValue))}; {EffectiveStore} counts: {Reason}";
}
