using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// One setting's value as read from one store, with its source. When several stores or keys hold the same setting, the
/// one that counts lists the others in <see cref="Overridden"/> as flat records: full values there nested JSON past
/// <c>-Depth 4</c> (docs/serialisation.md). Immutable: <see cref="Overriding"/> returns a new value.
/// </summary>
public sealed class SettingValue
{
    public SettingValue(string name, string text, object? value, SettingSource source, string? problem = null)
        : this(name, text, value, source, problem, Array.Empty<SettingValue>())
    {
    }

    private SettingValue(string name, string text, object? value, SettingSource source, string? problem, IReadOnlyList<SettingValue> overridden)
    {
        Name = name;
        Text = text;
        TypedValue = value;
        Source = source;
        Problem = problem;
        OverriddenValues = overridden;
        // A loser's own losers (jts.ini's s.TrustedIPs under its TrustedIPs, both beaten by IBC) are listed after it, flat.
        Overridden = overridden.Count == 0 ? Array.Empty<SettingValueRecord>() : overridden.SelectMany(o => o.Overridden.Prepend(new SettingValueRecord(o))).ToArray();
    }

    /// <summary>The setting's name (see <see cref="SettingDefinition"/>), e.g. <c>SocketPort</c>.</summary>
    public string Name { get; }

    /// <summary>The text exactly as the store holds it.</summary>
    public string Text { get; }

    /// <summary>The value (int, bool, string[]; a time as "hh:mm:ss", a trading mode by name); null when <see cref="Text"/>
    /// does not parse. Times and names are strings so the value survives ConvertTo-Json and Export-Clixml (docs/serialisation.md).</summary>
    public object? Value => TypedValue switch
    {
        TimeSpan time => time.ToString("c"),
        Enum name => name.ToString(),
        _ => TypedValue,
    };

    /// <summary>The typed value (int, bool, TimeSpan, TradingMode, string[]) the checks and the stores work with.</summary>
    internal object? TypedValue { get; }

    public SettingSource Source { get; }

    /// <summary>Why <see cref="Text"/> is not a valid value; null when it is.</summary>
    public string? Problem { get; }

    public bool IsValid => Problem is null;

    /// <summary>The values this one beat (other keys or stores holding the same setting, and what those beat): store, value, file, place and line.</summary>
    public SettingValueRecord[] Overridden { get; }

    /// <summary>The values this one beat, whole, for the checks and the stores.</summary>
    internal IReadOnlyList<SettingValue> OverriddenValues { get; }

    /// <summary>The file the value was read from.</summary>
    public string? Path => Source.Path;

    /// <summary>This value, recorded as beating <paramref name="others"/>.</summary>
    public SettingValue Overriding(IEnumerable<SettingValue> others) =>
        new(Name, Text, TypedValue, Source, Problem, OverriddenValues.Concat(others).ToArray());

    /// <summary>The value as IB writes it; lists are comma-joined.</summary>
    public string DisplayValue => TypedValue switch
    {
        null => Text,
        string[] list => string.Join(",", list),
        TimeSpan time => time.ToString(@"hh\:mm\:ss"),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(TypedValue, System.Globalization.CultureInfo.InvariantCulture) ?? Text,
    };

    public override string ToString() => $"{Name}={DisplayValue} ({Source})";
}
