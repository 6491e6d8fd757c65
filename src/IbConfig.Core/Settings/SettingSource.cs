namespace IbConfig.Core.Settings;

/// <summary>
/// Where a value was read, like <c>git config --show-origin</c>: the store, the file, and the place in it (an ini section
/// and key with its line, or an XML element and attribute). Its text form survives remoting's serialisation.
/// </summary>
public sealed class SettingSource
{
    public SettingSource(SettingStore store, string? path, string? section, string key, int? lineNumber)
    {
        Store = store;
        Path = path;
        Section = section;
        Key = key;
        LineNumber = lineNumber;
    }

    public SettingStore Store { get; }

    /// <summary>The file; null for a document that was parsed from memory.</summary>
    public string? Path { get; }

    /// <summary>The ini section (or the XML element) holding the key.</summary>
    public string? Section { get; }

    /// <summary>The ini key (or the XML attribute).</summary>
    public string Key { get; }

    /// <summary>1-based line of the value in the file, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>"[IBGateway] s.SocketPort": the place inside the file.</summary>
    public string Location => Section is null ? Key : $"[{Section}] {Key}";

    /// <summary>"C:\Jts\jts.ini:3 [IBGateway] s.SocketPort".</summary>
    public override string ToString() => $"{Path ?? "(in memory)"}{(LineNumber is { } line ? ":" + line : "")} {Location}";
}
