using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// A store whose settings sit at fixed places (profile XML attributes, IBC keys) in a value form of its own: reading,
/// planning and applying are the same for both; only how a place is read and written differs.
/// </summary>
public abstract class MappedSettingsStore : ISettingsStore
{
    public abstract SettingStore Kind { get; }

    public abstract string Path { get; }

    public abstract bool IsReadable { get; }

    public abstract string? Problem { get; }

    internal abstract IReadOnlyList<StoreKey> Keys { get; }

    /// <summary>Where the trusted address list lives, as a place name for changes ("ApiSettings"/"String", or an IBC key).</summary>
    internal abstract StoreKey TrustedIpsKey { get; }

    public IReadOnlyList<SettingValue> Read()
    {
        var values = new List<SettingValue>();
        if (!IsReadable) return values;
        foreach (var key in Keys.Append(TrustedIpsKey))
        {
            if (ReadPlace(key) is not { } found) continue;
            var source = new SettingSource(Kind, Path, key.Section, key.Key, found.Line);
            values.Add(ToValue(key, found.Text, source));
        }

        return values;
    }

    public virtual bool Governs(string setting) => IsReadable && CanHold(setting);

    public bool CanHold(string setting) => KeyFor(setting) is not null;

    public SettingPlan Plan(IEnumerable<SettingRequest> requests, bool allowLivePort)
    {
        EnsureWritable();
        var errors = new List<IbConfigException>();
        var notes = new List<string>();
        var changes = new List<SettingChange>();
        var current = Read();
        var values = SettingValidation.Validate(requests, allowLivePort, s => current.FirstOrDefault(v => Same(v.Name, s.Name))?.Value, errors, out bool livePort);
        foreach (var pair in values)
        {
            var key = KeyFor(pair.Key.Name);
            if (key is null)
            {
                notes.Add($"{pair.Key.Name} is not kept in {Describe()}; left unchanged there.");
                continue;
            }

            if (PlanChange(key, pair.Value) is { } change) changes.Add(change);
        }

        return new SettingPlan(Path, errors.Count == 0 ? changes : Array.Empty<SettingChange>(), errors, notes, livePort);
    }

    public SettingPlan PlanTrustedIps(TrustedIpEdit edit)
    {
        EnsureWritable();
        var changes = new List<SettingChange>();
        if (edit.CanApply)
        {
            var found = ReadPlace(TrustedIpsKey);
            string newText = StoredTrustedList(edit.ApplyTo(TrustedIpList.Parse(found?.Text))).ToString();
            bool differs = found is null ? newText.Length > 0 : !string.Equals(found.Value.Text, newText, StringComparison.Ordinal);
            if (differs)
                changes.Add(new SettingChange(TrustedIpsKey.Setting, Kind, Path, TrustedIpsKey.Section ?? string.Empty, TrustedIpsKey.Key, found?.Text, newText, found?.Line));
        }

        return new SettingPlan(Path, changes, edit.Errors, edit.Warnings, selectsLivePort: false);
    }

    /// <summary>Applies the plan's changes (a settings plan with errors has none; a trusted-IP plan keeps its valid ones).</summary>
    public void Apply(SettingPlan plan)
    {
        EnsureWritable();
        foreach (var change in plan.Changes)
        {
            var key = Keys.Append(TrustedIpsKey).First(k => Same(k.Key, change.Key) && Same(k.Section ?? string.Empty, change.Section));
            WritePlace(key, change.NewValue);
        }
    }

    public abstract byte[] ToBytes();

    public abstract byte[] ContentRead { get; }

    public abstract ISettingsStore Reread(byte[] content);

    /// <summary>Nothing to refuse by default: a profile XML that does not parse is never written at all.</summary>
    public virtual void RefuseUnreadableLines(SettingPlan plan)
    {
    }

    public override string ToString() => Path;

    /// <summary>The text at a place and its line, or null when the place is absent.</summary>
    internal abstract (string Text, int Line)? ReadPlace(StoreKey key);

    internal abstract void WritePlace(StoreKey key, string text);

    /// <summary>Turns a place's text into a setting value; stores override for their own quirks.</summary>
    internal virtual SettingValue ToValue(StoreKey key, string text, SettingSource source)
    {
        var (value, problem) = StoreValueCodec.Parse(key.Kind, text);
        return new SettingValue(key.Setting, text, value, source, problem);
    }

    /// <summary>The list as this store keeps it; IBC's leaves out 127.0.0.1, which IBC always adds itself.</summary>
    internal virtual TrustedIpList StoredTrustedList(TrustedIpList list) => list;

    /// <summary>Refuses to edit a store that cannot be read (an encrypted profile).</summary>
    protected abstract void EnsureWritable();

    /// <summary>"the profile XML 'C:\Jts\x\ibg.xml'": for notes.</summary>
    protected abstract string Describe();

    private SettingChange? PlanChange(StoreKey key, object value)
    {
        string newText = StoreValueCodec.Format(key.Kind, key.Setting, value);
        var found = ReadPlace(key);
        if (found is { } f && string.Equals(f.Text, newText, StringComparison.Ordinal)) return null;
        return new SettingChange(key.Setting, Kind, Path, key.Section ?? string.Empty, key.Key, found?.Text, newText, found?.Line);
    }

    private StoreKey? KeyFor(string setting) => Keys.Append(TrustedIpsKey).FirstOrDefault(k => Same(k.Setting, setting));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
