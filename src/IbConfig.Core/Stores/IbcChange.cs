namespace IbConfig.Core.Stores;

/// <summary>What one edit of IBC's <c>config.ini</c> did. Credential keys cannot be edited, so none appears here.</summary>
public sealed class IbcChange
{
    internal IbcChange(string key, string? oldValue, string newValue, int line)
    {
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        Line = line;
    }

    public string Key { get; }

    /// <summary>The value before; null when the key was added.</summary>
    public string? OldValue { get; }

    /// <summary>The value after; empty means "leave the gateway's own value".</summary>
    public string NewValue { get; }

    /// <summary>1-based line the edit touched.</summary>
    public int Line { get; }

    public override string ToString() => $"{Key}: {Show(OldValue)} -> {Show(NewValue)}";

    private static string Show(string? value) => value is null ? "(absent)" : value.Length == 0 ? "(blank)" : "'" + value + "'";
}
