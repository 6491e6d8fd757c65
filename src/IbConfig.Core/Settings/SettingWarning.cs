namespace IbConfig.Core.Settings;

/// <summary>
/// Something wrong or inconsistent in the settings that does not stop them being read: a value that does not parse, guide
/// and real keys that disagree, a malformed line. <see cref="Code"/> is stable for scripts and checks.
/// </summary>
public sealed class SettingWarning
{
    public SettingWarning(string code, string message, string? setting = null, int? lineNumber = null, SettingStore? store = null)
    {
        StoreValue = store;
        Code = code;
        Message = message;
        Setting = setting;
        LineNumber = lineNumber;
    }

    /// <summary>Stable PascalCase id, e.g. <c>TrustedIpsDisagree</c>, <c>InvalidValue</c>, <c>IniMalformedLine</c>.</summary>
    public string Code { get; }

    public string Message { get; }

    /// <summary>The setting concerned (a <see cref="SettingDefinition"/> name), if any.</summary>
    public string? Setting { get; }

    public int? LineNumber { get; }

    /// <summary>The store the warning is about; null when it concerns several (stores that disagree).</summary>
    public string? Store => StoreValue?.ToString();

    internal SettingStore? StoreValue { get; }

    public override string ToString() => Message;
}
