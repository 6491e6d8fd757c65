namespace IbConfig.Core.Stores;

/// <summary>Where one store keeps one setting: an element and attribute (profile XML) or a key (IBC), and its value kind.</summary>
internal sealed class StoreKey
{
    public StoreKey(string setting, string? section, string key, StoreValueKind kind)
    {
        Setting = setting;
        Section = section;
        Key = key;
        Kind = kind;
    }

    /// <summary>The setting's common name, e.g. <c>SocketPort</c>.</summary>
    public string Setting { get; }

    /// <summary>The XML element; null for IBC's section-less keys.</summary>
    public string? Section { get; }

    public string Key { get; }

    public StoreValueKind Kind { get; }
}
