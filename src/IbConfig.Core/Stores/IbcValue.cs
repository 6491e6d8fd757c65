namespace IbConfig.Core.Stores;

/// <summary>
/// One <c>key=value</c> of IBC's <c>config.ini</c>. A credential's value is never held here: only whether it is set.
/// A blank value means "leave the gateway's own value" (IBC does not touch that setting).
/// </summary>
public sealed class IbcValue
{
    /// <summary>What a credential's value reads as in every public view.</summary>
    public const string Redacted = "(hidden)";

    internal IbcValue(string key, string value, int line)
    {
        Key = key;
        IsCredential = IbcKeys.IsCredential(key);
        IsBlank = value.Length == 0;
        Value = IsCredential && !IsBlank ? Redacted : value;
        Line = line;
    }

    public string Key { get; }

    /// <summary>The value as written; <see cref="Redacted"/> for a credential that is set.</summary>
    public string Value { get; }

    /// <summary>1-based line in the file.</summary>
    public int Line { get; }

    /// <summary>True for an empty value: IBC leaves the gateway's own setting alone.</summary>
    public bool IsBlank { get; }

    public bool IsCredential { get; }

    public override string ToString() => $"{Key}={Value}";
}
