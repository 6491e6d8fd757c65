namespace IbConfig.Core.Ini;

/// <summary>
/// One line of an <see cref="IniDocument"/> as the parser leaves it: where its bytes are, what kind of line it is and,
/// for an entry, where its key is. No string and no object per line: an <see cref="IniLine"/> is made only when someone
/// asks for that line (a look-up, an edit, a diagnostic), and from then on that object holds the line's truth.
/// </summary>
internal struct IniLineSlot
{
    /// <summary>Where the line's text starts in the document's UTF-8 text; -1 for a line that was added.</summary>
    public int Offset;

    /// <summary>The text's length in bytes, without the line ending.</summary>
    public int Length;

    /// <summary>An entry's trimmed key, as a start and a length in the document's UTF-8 text.</summary>
    public int KeyStart;

    public int KeyLength;

    /// <summary>Index of the section's name in the document's list of header names (0: before the first header).</summary>
    public int Section;

    /// <summary>An <see cref="IniLineKind"/>, in a byte: with the fields below it packs the slot into 32 bytes.</summary>
    public byte KindByte;

    public IniLineKind Kind
    {
        readonly get => (IniLineKind)KindByte;
        set => KindByte = (byte)value;
    }

    /// <summary>0 (a last line without one), 1 ("\n") or 2 ("\r\n").</summary>
    public byte EndingLength;

    /// <summary>The bytes are not valid UTF-8: the line is read as Latin-1, so every byte maps back exactly.</summary>
    public bool IsLatin1;

    /// <summary>The key is all ASCII, so it can be compared byte by byte, ignoring case, without decoding it.</summary>
    public bool KeyIsAscii;

    /// <summary>The line's object, once made.</summary>
    public IniLine? Line;
}
