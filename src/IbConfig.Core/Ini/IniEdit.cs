namespace IbConfig.Core.Ini;

/// <summary>What one <see cref="IniDocument.SetValue"/> or <see cref="IniDocument.Remove"/> did: enough to print "old → new".</summary>
public sealed class IniEdit
{
    internal IniEdit(string section, string key, string? oldValue, string? newValue, int lineNumber)
    {
        Section = section;
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        LineNumber = lineNumber;
    }

    public string Section { get; }

    public string Key { get; }

    /// <summary>The value before the edit; null when the key was added.</summary>
    public string? OldValue { get; }

    /// <summary>The value after the edit; null when the key was removed.</summary>
    public string? NewValue { get; }

    /// <summary>The (last) line the edit touched, as numbered after the edit; for a removal, where the line was.</summary>
    public int LineNumber { get; }

    public bool IsAdded => OldValue is null && NewValue is not null;

    public bool IsRemoved => NewValue is null;

    public bool IsChange => !string.Equals(OldValue, NewValue, System.StringComparison.Ordinal);

    public override string ToString() =>
        $"[{Section}] {Key}: {(OldValue is null ? "(absent)" : "'" + OldValue + "'")} -> {(NewValue is null ? "(removed)" : "'" + NewValue + "'")}";
}
