namespace IbConfig.Core.Settings;

/// <summary>
/// Where a value was read, like <c>git config --show-origin</c>: the store, the file, and the place in it (an ini section
/// and key with its line, or an XML element and attribute). Its text form survives remoting's serialisation.
/// </summary>
public sealed class SettingSource
{
    public SettingSource(SettingStore store, string? path, string? section, string key, int? lineNumber)
    {
        StoreValue = store;
        Path = path;
        Section = section;
        Key = key;
        LineNumber = lineNumber;
    }

    public string Store => StoreValue.ToString();

    internal SettingStore StoreValue { get; }

    /// <summary>The file; null for a document that was parsed from memory.</summary>
    public string? Path { get; }

    /// <summary>The ini section (or the XML element) holding the key.</summary>
    public string? Section { get; }

    /// <summary>The ini key (or the XML attribute).</summary>
    public string Key { get; }

    /// <summary>1-based line of the value in the file, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>"[IBGateway] s.SocketPort", "ApiSettings/@port" or "OverrideTwsApiPort": the place inside the file.</summary>
    public string Location => Describe(StoreValue, Section, Key);

    /// <summary>How a place in a store reads: an ini key in its section, an XML attribute (or child element), an IBC key.</summary>
    public static string Describe(SettingStore store, string? section, string key) => store switch
    {
        _ when string.IsNullOrEmpty(section) => key,
        SettingStore.ProfileXml when key.Length > 0 && char.IsUpper(key[0]) => $"{section}/{key}", // IB's elements are capitalised, its attributes not
        SettingStore.ProfileXml => $"{section}/@{key}",
        _ => $"[{section}] {key}",
    };

    /// <summary>"C:\Jts\jts.ini:3 [IBGateway] s.SocketPort".</summary>
    public override string ToString() => Place(Path, LineNumber, Location);

    internal static string Place(string? path, int? lineNumber, string location) => $"{path ?? "(in memory)"}{(lineNumber is { } line ? ":" + line : "")} {location}";
}
