namespace IbConfig.Core.Settings;

/// <summary>One key a write changes (or would change, under -WhatIf): where, and the old and new text.</summary>
public sealed class SettingChange
{
    public SettingChange(string setting, SettingStore store, string? path, string section, string key, string? oldValue, string newValue, int? lineNumber)
    {
        Setting = setting;
        Store = store;
        Path = path;
        Section = section;
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        LineNumber = lineNumber;
    }

    public string Setting { get; }

    public SettingStore Store { get; }

    public string? Path { get; }

    public string Section { get; }

    public string Key { get; }

    /// <summary>The current text; null when the key is added.</summary>
    public string? OldValue { get; }

    public string NewValue { get; }

    /// <summary>The line of the current value; null when the key is added.</summary>
    public int? LineNumber { get; }

    public bool IsAdded => OldValue is null;

    /// <summary>"[IBGateway] s.SocketPort: 7497 -> 4002 (line 3)", "ApiSettings/@port: 4002 -> 4012 (line 5)".</summary>
    public override string ToString() =>
        $"{SettingSource.Describe(Store, Section, Key)}: {(OldValue is null ? "(not set)" : OldValue.Length == 0 ? "(blank)" : OldValue)} -> {NewValue}{(LineNumber is { } line ? $" (line {line})" : " (added)")}";
}
