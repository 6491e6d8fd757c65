namespace IbConfig.Core.Settings;

/// <summary>One place a setting can live in jts.ini: a section, a key, and the layout that uses it.</summary>
public sealed class JtsIniKey
{
    public JtsIniKey(string section, string key, JtsIniLayout layout)
    {
        Section = section;
        Key = key;
        LayoutValue = layout;
    }

    public string Section { get; }

    public string Key { get; }

    public string Layout => LayoutValue.ToString();

    internal JtsIniLayout LayoutValue { get; }

    public override string ToString() => $"[{Section}] {Key}";
}
