namespace IbConfig.Core.Ini;

/// <summary>A <c>key=value</c> line with its file, as Get-IbApiSetting -Raw lists it (a flat copy: no live document).</summary>
public sealed class IniEntryRecord
{
    public IniEntryRecord(string? path, IniEntry entry)
    {
        Path = path;
        Section = entry.SectionName;
        Key = entry.Key;
        Value = entry.Value;
        LineNumber = entry.LineNumber;
    }

    public string? Path { get; }

    /// <summary>"" for keys before the first section.</summary>
    public string Section { get; }

    public string Key { get; }

    public string Value { get; }

    public int LineNumber { get; }

    public override string ToString() => $"[{Section}] {Key}={Value}";
}
