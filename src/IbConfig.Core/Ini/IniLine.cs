namespace IbConfig.Core.Ini;

/// <summary>
/// One physical line of an ini file: its text (without the line ending) and its own line ending, so that writing every
/// line back reproduces the file byte for byte. Subclass <see cref="IniEntry"/> is a <c>key=value</c> line.
/// </summary>
public class IniLine
{
    internal IniLine(IniLineKind kind, string text, string lineEnding, bool isLatin1, string sectionName)
    {
        Kind = kind;
        Text = text;
        LineEnding = lineEnding;
        IsLatin1 = isLatin1;
        SectionName = sectionName;
    }

    public IniLineKind Kind { get; }

    /// <summary>The line's text without its line ending, exactly as read (or as edited).</summary>
    public string Text
    {
        get => _text;
        private protected set
        {
            _text = value;
            SourceOffset = -1;
        }
    }

    /// <summary>"\r\n", "\n", or "" for a last line without one.</summary>
    public string LineEnding
    {
        get => _lineEnding;
        internal set
        {
            _lineEnding = value;
            SourceOffset = -1;
        }
    }

    private string _text = string.Empty;
    private string _lineEnding = string.Empty;

    /// <summary>
    /// Where the line's text starts in the text it was parsed from, or -1 once it is edited or when it was added:
    /// <see cref="IniDocument.ToBytes"/> copies an unedited line's bytes instead of encoding its text again.
    /// </summary>
    internal int SourceOffset { get; set; } = -1;

    /// <summary>1-based position in the document; kept current when lines are inserted above.</summary>
    public int LineNumber { get; internal set; }

    /// <summary>The section the line belongs to (a header's own name); "" before the first header.</summary>
    public string SectionName { get; }

    /// <summary>True when the line's bytes are not valid UTF-8: it was decoded as Latin-1 so every byte maps back exactly.</summary>
    internal bool IsLatin1 { get; }

    public override string ToString() => Text;
}
