using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>One value an edit changed in one store: what <c>-WhatIf</c> prints and what a write result lists.</summary>
public sealed class StoreChange
{
    public StoreChange(SettingStore store, string path, string setting, string key, string? oldValue, string newValue, int? line)
    {
        Store = store;
        Path = path;
        Setting = setting;
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        Line = line;
    }

    public SettingStore Store { get; }

    public string Path { get; }

    /// <summary>The common setting name, e.g. <c>SocketPort</c>.</summary>
    public string Setting { get; }

    /// <summary>Where in the file: <c>ApiSettings/@port</c>, <c>OverrideTwsApiPort</c>, <c>[IBGateway] s.SocketPort</c>.</summary>
    public string Key { get; }

    /// <summary>The text before; null when the key was added.</summary>
    public string? OldValue { get; }

    public string NewValue { get; }

    public int? Line { get; }

    public override string ToString() => $"{Key}: {(OldValue is null ? "(absent)" : "'" + OldValue + "'")} -> '{NewValue}'";
}
