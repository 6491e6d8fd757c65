namespace IbConfig.Core.Ini;

/// <summary>
/// A <c>key=value</c> line. The key and value are trimmed of spaces and tabs; the whitespace around them and around '='
/// stays in <see cref="IniLine.Text"/>, so editing the value replaces only the value's characters.
/// </summary>
public sealed class IniEntry : IniLine
{
    private int _valueStart;
    private int _valueLength;

    internal IniEntry(string text, string lineEnding, bool isLatin1, string sectionName, string key, int valueStart, int valueLength)
        : base(IniLineKind.Entry, text, lineEnding, isLatin1, sectionName)
    {
        Key = key;
        _valueStart = valueStart;
        _valueLength = valueLength;
    }

    public string Key { get; }

    public string Value => Text.Substring(_valueStart, _valueLength);

    internal void ReplaceValue(string value)
    {
        Text = Text.Substring(0, _valueStart) + value + Text.Substring(_valueStart + _valueLength);
        _valueLength = value.Length;
    }
}
