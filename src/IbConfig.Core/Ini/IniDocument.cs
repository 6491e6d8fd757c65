using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Ini;

/// <summary>
/// A lossless ini document (jts.ini, IBC's config.ini): every line keeps its text and its own line ending, the UTF-8 BOM
/// is remembered, and a line that is not valid UTF-8 keeps its exact bytes (decoded as Latin-1), so <see cref="ToBytes"/>
/// returns exactly the bytes that were parsed until something is edited, and an edit changes only the bytes it must.
/// Section and key look-ups ignore case, as IB's do. Malformed lines are kept verbatim and listed in <see cref="Diagnostics"/>.
/// There are no inline comments: IB writes none, and a ';' can be part of a value.
/// </summary>
/// <remarks>
/// Parsing classifies each line on its bytes and keeps it as an <see cref="IniLineSlot"/> (offsets into the one text
/// buffer): no string or object per line, so a 10,000-line file costs a few allocations, not tens of thousands
/// (docs/write-safety.md, "The parse without per-line garbage"). A line's <see cref="IniLine"/> is made when it is first asked for.
/// Reading therefore writes to the document too: like a List, one document is for one thread at a time.
/// </remarks>
public sealed class IniDocument
{
    /// <summary>Longer lines are kept but not parsed: a real jts.ini line is well under a hundred characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };
    private static readonly System.Text.Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly System.Text.Encoding FastUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly char[] Blanks = { ' ', '\t' };

    // MethodImplOptions.AggressiveOptimization (.NET Core 3.0+; netstandard2.0 cannot name it, .NET Framework ignores it):
    // a command runs once in a fresh process, so the parser would otherwise run as unoptimised tier-0 code for the whole read.
    private const MethodImplOptions HotPath = (MethodImplOptions)512;
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    // The UTF-8 text the slots point into: the bytes read, or a UTF-16 file's text converted.
    private readonly byte[] _text;
    private IniLineSlot[] _slots = Array.Empty<IniLineSlot>();
    private int _count;

    // Every header's own name, in the order the headers were met (index 0: "", the lines before the first header).
    private readonly List<string> _sectionNames = new() { "" };

    // The slot indices of the section headers, so a look-up visits only its section's lines; dropped when lines move.
    private List<int>? _headers;
    private readonly List<IniDiagnostic> _diagnostics = new();

    private IniDocument(string? path, IniTextEncoding encoding, byte[] contentRead, byte[] text)
    {
        Path = path;
        Encoding = encoding;
        ContentRead = contentRead;
        _text = text;
        NewLine = Environment.NewLine;
    }

    /// <summary>The file it was loaded from, if any.</summary>
    public string? Path { get; }

    /// <summary>The file's encoding, kept by <see cref="ToBytes"/>: UTF-8 with or without its mark, or UTF-16 with its mark.</summary>
    public IniTextEncoding Encoding { get; }

    public bool HasByteOrderMark => Encoding != IniTextEncoding.Utf8;

    /// <summary>The bytes this document was parsed from (a write checks that the file still holds them). Not to be modified.</summary>
    internal byte[] ContentRead { get; }

    /// <summary>The file's own line ending (the more frequent of CRLF and LF), used for lines IbConfig adds.</summary>
    public string NewLine { get; private set; }

    /// <summary>Every line in file order: a live view, which makes each line's object as it is reached.</summary>
    public IReadOnlyList<IniLine> Lines => new LineList(this);

    public IReadOnlyList<IniDiagnostic> Diagnostics => _diagnostics;

    public IEnumerable<IniEntry> Entries
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (_slots[i].Kind == IniLineKind.Entry) yield return (IniEntry)LineAt(i);
            }
        }
    }

    /// <summary>The sections in file order; the lines before the first header form a section named "" when there are any.</summary>
    public IReadOnlyList<IniSection> Sections
    {
        get
        {
            var sections = new List<IniSection>();
            var i = 0;
            while (i < _count)
            {
                var start = i;
                var header = _slots[i].Kind == IniLineKind.SectionHeader ? LineAt(i) : null;
                i = SectionEnd(i + 1);
                var lines = new IniLine[i - start];
                for (var j = 0; j < lines.Length; j++) lines[j] = LineAt(start + j);
                sections.Add(new IniSection(_sectionNames[_slots[start].Section], header, lines));
            }
            return sections;
        }
    }

    /// <summary>Parses raw file bytes. Never fails: whatever cannot be understood is kept verbatim and reported.</summary>
    [MethodImpl(HotPath)]
    public static IniDocument Parse(byte[] bytes, string? path = null)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        var encoding = IniTextCodec.Detect(bytes);
        var text = bytes;
        if (encoding is IniTextEncoding.Utf16LittleEndian or IniTextEncoding.Utf16BigEndian)
        {
            var utf8 = IniTextCodec.Utf16ToUtf8(bytes, encoding);
            if (utf8 is null) encoding = IniTextEncoding.Utf8; // damaged UTF-16: kept byte for byte, its lines reported
            else text = utf8;
        }

        var document = new IniDocument(path, encoding, bytes, text);
        var start = encoding == IniTextEncoding.Utf8WithBom ? Utf8Bom.Length : 0;
        document._slots = new IniLineSlot[CountLines(text, start)];
        new Parser(document).Run(start);
        return document;
    }

    // Exact, so the slots are one allocation: the newlines, plus a last line without one.
    private static int CountLines(byte[] text, int start)
    {
        var lines = 0;
        var last = start;
        for (var at = Array.IndexOf(text, (byte)'\n', start); at >= 0; at = Array.IndexOf(text, (byte)'\n', at + 1))
        {
            lines++;
            last = at + 1;
        }
        return last < text.Length ? lines + 1 : lines;
    }

    /// <summary>Parses text as if it were a UTF-8 file without a BOM.</summary>
    public static IniDocument Parse(string text) => Parse(new UTF8Encoding(false).GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>
    /// Reads and parses a file through <see cref="ConfigFileReader"/>, so a missing, locked, unreadable or oversized file
    /// gets the same error ids (ConfigFileNotFound, ConfigFileLocked, ...) whichever command reads it.
    /// </summary>
    public static IniDocument Load(string path) => Parse(ConfigFileReader.ReadAllBytes(path), path);

    /// <summary>The line at a 0-based index, its object made on first use from the line's bytes.</summary>
    private IniLine LineAt(int index)
    {
        ref var slot = ref _slots[index];
        if (slot.Line is { } made) return made;
        var line = Parser.Classify(Decode(slot.Offset, slot.Length, slot.IsLatin1), Ending(slot.EndingLength), slot.IsLatin1, _sectionNames[slot.Section], out _);
        line.LineNumber = index + 1;
        line.SourceOffset = slot.Offset;
        return slot.Line = line;
    }

    /// <summary>The kind the byte classifier gave the line at a 0-based index (tests compare it with <see cref="Parser.Classify"/>).</summary>
    internal IniLineKind ParsedKindAt(int index) => _slots[index].Kind;

    private static string Ending(int length) => length switch { 2 => "\r\n", 1 => "\n", _ => "" };

    private string Decode(int offset, int length, bool latin1)
    {
        if (!latin1) return FastUtf8.GetString(_text, offset, length); // checked to be valid UTF-8 when parsed
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)_text[offset + i];
        return new string(chars);
    }

    /// <summary>The document as bytes: identical to what was parsed except for the edits made since.</summary>
    public byte[] ToBytes() => InFileEncoding(Render());

    private byte[] InFileEncoding(byte[] utf8) =>
        Encoding is IniTextEncoding.Utf16LittleEndian or IniTextEncoding.Utf16BigEndian ? IniTextCodec.Utf8ToUtf16(utf8, Encoding) : utf8;

    /// <summary>
    /// Renders the UTF-8 text into one buffer of the final size: runs of unedited lines are copied from the text that was
    /// read in one block each, and only edited or added lines are encoded (one edit in a 10,000-line file encodes one line).
    /// </summary>
    [MethodImpl(HotPath)]
    private byte[] Render()
    {
        var bom = Encoding == IniTextEncoding.Utf8WithBom ? Utf8Bom.Length : 0;
        long total = bom;
        for (var i = 0; i < _count; i++)
        {
            ref var slot = ref _slots[i];
            total += IsUnedited(slot) ? slot.Length + slot.EndingLength : EncodedLength(slot.Line!.Text, slot.Line.IsLatin1) + slot.Line.LineEnding.Length;
        }

        var result = new byte[total];
        Array.Copy(Utf8Bom, result, bom);
        var at = bom;
        int runStart = 0, runLength = 0;
        for (var i = 0; i < _count; i++)
        {
            ref var slot = ref _slots[i];
            if (IsUnedited(slot) && slot.Offset == runStart + runLength)
            {
                runLength += slot.Length + slot.EndingLength; // the next line in the text: the run grows
                continue;
            }

            Buffer.BlockCopy(_text, runStart, result, at, runLength);
            at += runLength;
            if (IsUnedited(slot))
            {
                (runStart, runLength) = (slot.Offset, slot.Length + slot.EndingLength);
                continue;
            }

            (runStart, runLength) = (0, 0);
            at += Encode(slot.Line!.Text, slot.Line.IsLatin1, result, at);
            at += Encode(slot.Line.LineEnding, latin1: true, result, at);
        }

        Buffer.BlockCopy(_text, runStart, result, at, runLength);
        return result;
    }

    private static bool IsUnedited(in IniLineSlot slot) => slot.Line is null ? slot.Offset >= 0 : slot.Line.SourceOffset >= 0;

    private static int EncodedLength(string text, bool latin1) => latin1 || IsAscii(text) ? text.Length : StrictUtf8.GetByteCount(text);

    // One char per byte for a Latin-1 line (its original bytes) and for ASCII text (the same bytes in UTF-8), else UTF-8.
    private static int Encode(string text, bool latin1, byte[] into, int at)
    {
        if (!latin1 && !IsAscii(text)) return StrictUtf8.GetBytes(text, 0, text.Length, into, at);
        for (var i = 0; i < text.Length; i++) into[at + i] = (byte)text[i];
        return text.Length;
    }

    /// <summary>Renders by encoding every line's text: the reference the copying renderer is tested against.</summary>
    internal byte[] EncodeEveryLine()
    {
        var lines = Lines;
        var bom = Encoding == IniTextEncoding.Utf8WithBom ? Utf8Bom.Length : 0;
        var result = new byte[bom + lines.Sum(line => EncodedLength(line.Text, line.IsLatin1) + line.LineEnding.Length)];
        Array.Copy(Utf8Bom, result, bom);
        var at = bom;
        foreach (var line in lines)
        {
            at += Encode(line.Text, line.IsLatin1, result, at);
            at += Encode(line.LineEnding, latin1: true, result, at);
        }
        return InFileEncoding(result);
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80) return false;
        }
        return true;
    }

    public bool HasSection(string section)
    {
        foreach (var header in Headers())
        {
            if (Names.Equals(_sectionNames[_slots[header].Section], section)) return true;
        }
        return false;
    }

    /// <summary>Every occurrence of a key in a section (in every header of that name), in file order.</summary>
    public IReadOnlyList<IniEntry> FindAll(string section, string key)
    {
        List<IniEntry>? found = null;
        foreach (var (start, end) in RunsOf(section))
        {
            for (var i = start; i < end; i++)
            {
                if (_slots[i].Kind == IniLineKind.Entry && KeyIs(i, key)) (found ??= new List<IniEntry>()).Add((IniEntry)LineAt(i));
            }
        }
        return found ?? (IReadOnlyList<IniEntry>)Array.Empty<IniEntry>();
    }

    /// <summary>The entry that counts: the last occurrence, as in Java's Properties and most ini readers.</summary>
    public IniEntry? Find(string section, string key)
    {
        var all = FindAll(section, key);
        return all.Count == 0 ? null : all[all.Count - 1];
    }

    /// <summary>The entries of a section (every header of that name), in file order.</summary>
    public IEnumerable<IniEntry> EntriesIn(string section)
    {
        var entries = new List<IniEntry>();
        foreach (var (start, end) in RunsOf(section))
        {
            for (var i = start; i < end; i++)
            {
                if (_slots[i].Kind == IniLineKind.Entry) entries.Add((IniEntry)LineAt(i));
            }
        }
        return entries;
    }

    /// <summary>Bumped by every edit, so what was derived from the document can tell it is stale.</summary>
    internal int Version { get; private set; }

    /// <summary>The runs of lines (start inclusive, end exclusive, header excluded) under every header named <paramref name="section"/>.</summary>
    private List<(int Start, int End)> RunsOf(string section)
    {
        var runs = new List<(int, int)>();
        var headers = Headers();
        if (section.Length == 0)
        {
            runs.Add((0, headers.Count == 0 ? _count : headers[0]));
            return runs;
        }
        for (var h = 0; h < headers.Count; h++)
        {
            if (Names.Equals(_sectionNames[_slots[headers[h]].Section], section)) runs.Add((headers[h] + 1, h + 1 < headers.Count ? headers[h + 1] : _count));
        }
        return runs;
    }

    private List<int> Headers()
    {
        if (_headers is { } known) return known;
        var headers = new List<int>();
        for (var i = 0; i < _count; i++)
        {
            if (_slots[i].Kind == IniLineKind.SectionHeader) headers.Add(i);
        }
        return _headers = headers;
    }

    // The index after the last line of the section run that goes on at `from` (the next header, or the end).
    private int SectionEnd(int from)
    {
        while (from < _count && _slots[from].Kind != IniLineKind.SectionHeader) from++;
        return from;
    }

    /// <summary>Whether an entry's key is <paramref name="key"/>, ignoring case; an ASCII key is compared on its bytes.</summary>
    private bool KeyIs(int index, string key)
    {
        ref var slot = ref _slots[index];
        if (slot.Line is IniEntry entry) return Names.Equals(entry.Key, key);
        if (!slot.KeyIsAscii || !IsAscii(key)) return Names.Equals(Decode(slot.KeyStart, slot.KeyLength, slot.IsLatin1), key);
        if (slot.KeyLength != key.Length) return false;
        for (var i = 0; i < key.Length; i++)
        {
            if (AsciiUpper(_text[slot.KeyStart + i]) != AsciiUpper(key[i])) return false;
        }
        return true;
    }

    private static int AsciiUpper(int c) => c is >= 'a' and <= 'z' ? c - 32 : c;

    private void Changed() => Version++;

    public string? GetValue(string section, string key) => Find(section, key)?.Value;

    /// <summary>
    /// Sets a value. Every occurrence of the key is changed (so no reader sees a stale duplicate) and only the value's
    /// characters change. A missing key is added after the last entry of its section (before trailing blank and comment
    /// lines), a missing section is appended; added lines use the file's own line ending.
    /// </summary>
    public IniEdit SetValue(string section, string key, string value)
    {
        CheckName(section, nameof(section), allowEmpty: true);
        CheckName(key, nameof(key), allowEmpty: false);
        CheckValue(value);
        var existing = FindAll(section, key);
        if (existing.Count > 0)
        {
            var old = existing[existing.Count - 1].Value;
            foreach (var entry in existing)
            {
                if (entry.IsLatin1 && value.Any(c => c > '\u00FF'))
                {
                    throw IniFailure.ValueNotEncodable(value, entry.LineNumber);
                }
            }
            foreach (var entry in existing) entry.ReplaceValue(value);
            Changed();
            return new IniEdit(section, key, old, value, existing[existing.Count - 1].LineNumber);
        }

        var added = AddEntry(section, key, value);
        return new IniEdit(section, key, null, value, added.LineNumber);
    }

    /// <summary>Removes every occurrence of a key; returns null when there was none.</summary>
    public IniEdit? Remove(string section, string key)
    {
        var existing = FindAll(section, key);
        if (existing.Count == 0) return null;
        var last = existing[existing.Count - 1];
        var edit = new IniEdit(section, key, last.Value, null, last.LineNumber);
        // Last first: removing a line leaves the numbers of the lines above it as they are.
        for (var i = existing.Count - 1; i >= 0; i--) RemoveAt(existing[i].LineNumber - 1);
        LinesMoved(0);
        return edit;
    }

    /// <summary>The lines of <paramref name="section"/> (every header of that name) the parser could not read: binary data, NUL or control characters, or overlong.</summary>
    public IReadOnlyList<int> UnreadableLinesIn(string section) =>
        _diagnostics.Where(d => d.Kind is IniDiagnosticKind.ControlCharacters or IniDiagnosticKind.LineTooLong && Names.Equals(d.Line.SectionName, section))
            .Select(d => d.LineNumber).Distinct().ToArray();

    /// <summary>Removes the lines for which <paramref name="drop"/> is true (for a backup that must not copy them).</summary>
    internal void RemoveLines(Func<IniLine, bool> drop)
    {
        for (var index = _count - 1; index >= 0; index--)
        {
            if (drop(LineAt(index))) RemoveAt(index);
        }
        LinesMoved(0);
    }

    private void RemoveAt(int index)
    {
        // The last line of a file without a final newline: its predecessor becomes last and loses its ending.
        if (index == _count - 1 && EndingLengthAt(index) == 0 && index > 0) LineAt(index - 1).LineEnding = "";
        Array.Copy(_slots, index + 1, _slots, index, _count - index - 1);
        _slots[--_count] = default;
    }

    private int EndingLengthAt(int index) => _slots[index].Line is { } line ? line.LineEnding.Length : _slots[index].EndingLength;

    private IniEntry AddEntry(string section, string key, string value)
    {
        var text = key + "=" + value;
        var runs = RunsOf(section);
        if (section.Length == 0 && runs[0].End == 0)
        {
            // A key before the first header (and there are no lines there yet): it goes on top.
            return (IniEntry)Insert(0, Parser.Classify(text, NewLine, false, "", out _), 0);
        }
        if (runs.Count == 0)
        {
            if (_count > 0 && _slots[_count - 1].Kind != IniLineKind.Blank) Insert(_count, NewBlank(_sectionNames[_slots[_count - 1].Section]), _slots[_count - 1].Section);
            _sectionNames.Add(section);
            var header = _sectionNames.Count - 1;
            Insert(_count, new IniLine(IniLineKind.SectionHeader, "[" + section + "]", NewLine, false, section), header);
            return (IniEntry)Insert(_count, Parser.Classify(text, NewLine, false, section, out _), header);
        }

        // After the last run's last line that is not blank or a comment (its header if it has no entries; the top of the
        // file for a preamble of only comments).
        var (start, end) = runs[runs.Count - 1];
        var sectionIndex = section.Length == 0 ? 0 : _slots[start - 1].Section;
        var at = end;
        while (at > start && _slots[at - 1].Kind is IniLineKind.Blank or IniLineKind.Comment) at--;
        if (at == start && section.Length == 0) at = 0;
        return (IniEntry)Insert(at, Parser.Classify(text, NewLine, false, _sectionNames[sectionIndex], out _), sectionIndex);
    }

    private IniLine NewBlank(string section) => new(IniLineKind.Blank, "", NewLine, false, section);

    private IniLine Insert(int index, IniLine line, int section)
    {
        if (index == _count && index > 0 && EndingLengthAt(index - 1) == 0)
        {
            // Appending after a last line without a final newline: that line gets one, the new last line goes without.
            // A stray '\r' ending that line would merge with "\n" into CRLF and leave its text, so it gets "\r\n" then.
            var previous = LineAt(index - 1);
            previous.LineEnding = previous.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r\n" : NewLine;
            line.LineEnding = "";
        }
        if (_count == _slots.Length) Array.Resize(ref _slots, Math.Max(4, _count * 2));
        Array.Copy(_slots, index, _slots, index + 1, _count - index);
        _slots[index] = new IniLineSlot { Offset = -1, Kind = line.Kind, Section = section, EndingLength = 0, Line = line };
        _count++;
        LinesMoved(index);
        return line;
    }

    /// <summary>After lines were inserted or removed: the made lines' numbers from <paramref name="from"/> on, and the header positions.</summary>
    private void LinesMoved(int from)
    {
        for (var i = from; i < _count; i++)
        {
            if (_slots[i].Line is { } line) line.LineNumber = i + 1;
        }
        _headers = null;
        Changed();
    }

    private static void CheckName(string name, string what, bool allowEmpty)
    {
        if (name is null) throw new ArgumentNullException(what);
        var bad = (!allowEmpty && name.Trim().Length == 0)
            || name.Trim(Blanks).Length != name.Length
            || name.Any(c => char.IsControl(c) || c == '=' || c == '[' || c == ']')
            || (name.Length > 0 && (name[0] == ';' || name[0] == '#'));
        if (bad)
        {
            throw IniFailure.NameInvalid(name, what);
        }
    }

    private static void CheckValue(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (value.Any(c => char.IsControl(c) && c != '\t') || value.Trim(Blanks).Length != value.Length || HasLoneSurrogate(value))
        {
            throw IniFailure.ValueInvalid(value);
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return true;
        }
        return false;
    }

    /// <summary>The lines as a list that makes each line's object only when it is reached.</summary>
    private sealed class LineList : IReadOnlyList<IniLine>
    {
        private readonly IniDocument _document;

        public LineList(IniDocument document) => _document = document;

        public int Count => _document._count;

        public IniLine this[int index] => (uint)index < (uint)_document._count ? _document.LineAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<IniLine> GetEnumerator()
        {
            for (var i = 0; i < _document._count; i++) yield return _document.LineAt(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Splits the text into lines and classifies each on its bytes (the marks it looks for, blanks, ';', '#', '[', ']' and
    /// '=', are ASCII, and in UTF-8 no byte of a multi-byte character is), tracking the current section and reporting what
    /// it cannot read. It makes a line's object only for a line it reports.
    /// </summary>
    private sealed class Parser
    {
        private readonly IniDocument _document;
        private readonly byte[] _text;
        private readonly HashSet<string> _sectionsMet = new(Names);

        // The keys met so far in the current section (a slot index stands for its key): cleared at each new section until a
        // section's name repeats, then kept for the whole file, as keys must be compared across runs of one name.
        private readonly Dictionary<int, int> _keys;
        private bool _keepKeys;
        private int _section;

        public Parser(IniDocument document)
        {
            _document = document;
            _text = document._text;
            _keys = new Dictionary<int, int>(new SlotKeyComparer(document));
        }

        [MethodImpl(HotPath)]
        public void Run(int pos)
        {
            var text = _text;
            int crlf = 0, lf = 0;
            while (pos < text.Length)
            {
                var newline = Array.IndexOf(text, (byte)'\n', pos);
                var end = newline < 0 ? text.Length : newline;
                byte ending = 0;
                if (newline >= 0)
                {
                    if (end > pos && text[end - 1] == (byte)'\r') { end--; ending = 2; crlf++; }
                    else { ending = 1; lf++; }
                }
                Add(pos, end - pos, ending);
                pos = newline < 0 ? text.Length : newline + 1;
            }
            if (crlf + lf > 0) _document.NewLine = crlf >= lf ? "\r\n" : "\n";
        }

        [MethodImpl(HotPath)]
        private void Add(int offset, int length, byte ending)
        {
            var index = _document._count++;
            ref var slot = ref _document._slots[index];
            slot.Offset = offset;
            slot.Length = length;
            slot.EndingLength = ending;
            slot.Section = _section;

            // One pass: the first and last non-blank bytes, the first '=', and whether any byte is non-ASCII or a control.
            int first = -1, last = -1, equals = -1;
            bool high = false, control = false;
            var text = _text;
            for (var i = offset; i < offset + length; i++)
            {
                var b = text[i];
                if (b == (byte)' ' || b == (byte)'\t') continue;
                if (first < 0) first = i;
                last = i;
                if (b >= 0x80) high = true;
                else if (b < 0x20 || b == 0x7F) control = true;
                else if (b == (byte)'=' && equals < 0) equals = i;
            }
            slot.IsLatin1 = high && !IsUtf8(offset, length);
            if (slot.IsLatin1) Report(index, IniDiagnosticKind.InvalidUtf8, "is not valid UTF-8; its bytes are kept exactly as they are");
            if (control || (length > MaxLineLength && CharCount(slot) > MaxLineLength))
            {
                slot.Kind = IniLineKind.Malformed;
                Report(index); // Classify on the line's text says why
                return;
            }

            if (first < 0) slot.Kind = IniLineKind.Blank;
            else if (text[first] is (byte)';' or (byte)'#') slot.Kind = IniLineKind.Comment;
            else if (text[first] == (byte)'[') Header(index, ref slot, first, last);
            else Entry(index, ref slot, first, equals, high);
        }

        private void Header(int index, ref IniLineSlot slot, int first, int last)
        {
            var nameStart = first + 1;
            var nameEnd = last; // the ']', when it is one
            while (nameStart < nameEnd && _text[nameStart] is (byte)' ' or (byte)'\t') nameStart++;
            while (nameEnd > nameStart && _text[nameEnd - 1] is (byte)' ' or (byte)'\t') nameEnd--;
            if (last == first || _text[last] != (byte)']' || nameEnd == nameStart)
            {
                slot.Kind = IniLineKind.Malformed;
                Report(index);
                return;
            }

            slot.Kind = IniLineKind.SectionHeader;
            var name = _document.Decode(nameStart, nameEnd - nameStart, slot.IsLatin1);
            _document._sectionNames.Add(name);
            slot.Section = _section = _document._sectionNames.Count - 1;
            if (!_sectionsMet.Add(name))
            {
                Report(index, IniDiagnosticKind.DuplicateSection, $"repeats section [{name}]; IbConfig reads both as one section");
                if (!_keepKeys) KeepKeysOfEveryEntrySoFar(index);
            }
            else if (!_keepKeys)
            {
                _keys.Clear();
            }
        }

        private void Entry(int index, ref IniLineSlot slot, int first, int equals, bool high)
        {
            var keyEnd = equals;
            while (keyEnd > first && _text[keyEnd - 1] is (byte)' ' or (byte)'\t') keyEnd--;
            if (equals < 0 || keyEnd <= first)
            {
                slot.Kind = IniLineKind.Malformed;
                Report(index);
                return;
            }

            slot.Kind = IniLineKind.Entry;
            slot.KeyStart = first;
            slot.KeyLength = keyEnd - first;
            slot.KeyIsAscii = !high || IsAscii(first, keyEnd - first);
            if (_keys.TryGetValue(index, out var firstIndex))
            {
                var entry = (IniEntry)_document.LineAt(index);
                Report(index, IniDiagnosticKind.DuplicateKey,
                    $"repeats key '{entry.Key}' of {SectionLabel(entry.SectionName)} (first on line {firstIndex + 1}); IbConfig reads the last one and edits all of them");
            }
            else
            {
                _keys.Add(index, index);
            }
        }

        // A section's name came back: from now on keys are compared across the whole file, so the earlier entries go in.
        private void KeepKeysOfEveryEntrySoFar(int before)
        {
            _keepKeys = true;
            _keys.Clear();
            for (var i = 0; i < before; i++)
            {
                if (_document._slots[i].Kind == IniLineKind.Entry && !_keys.ContainsKey(i)) _keys.Add(i, i);
            }
        }

        private bool IsUtf8(int offset, int length)
        {
            try
            {
                StrictUtf8.GetCharCount(_text, offset, length);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false; // a legacy code page or junk: read one char per byte, so writing it back gives the same bytes
            }
        }

        private bool IsAscii(int offset, int length)
        {
            for (var i = offset; i < offset + length; i++)
            {
                if (_text[i] >= 0x80) return false;
            }
            return true;
        }

        private int CharCount(in IniLineSlot slot) => slot.IsLatin1 ? slot.Length : StrictUtf8.GetCharCount(_text, slot.Offset, slot.Length);

        // A line that cannot be read as a setting: its object is made, and Classify on its text gives the reason.
        private void Report(int index)
        {
            var line = _document.LineAt(index);
            Classify(line.Text, line.LineEnding, line.IsLatin1, line.SectionName, out var problem);
            if (problem is { } p) Report(index, p.Kind, p.Reason);
        }

        private void Report(int index, IniDiagnosticKind kind, string reason) =>
            _document._diagnostics.Add(new IniDiagnostic(_document.LineAt(index), kind, $"Line {index + 1} {reason}."));

        /// <summary>What one line of text is; <paramref name="problem"/> says why a malformed line is malformed.</summary>
        public static IniLine Classify(string text, string ending, bool latin1, string section, out (IniDiagnosticKind Kind, string Reason)? problem)
        {
            problem = Problem(text);
            if (problem is not null) return new IniLine(IniLineKind.Malformed, text, ending, latin1, section);

            var trimmed = text.Trim(Blanks);
            if (trimmed.Length == 0) return new IniLine(IniLineKind.Blank, text, ending, latin1, section);
            if (trimmed[0] is ';' or '#') return new IniLine(IniLineKind.Comment, text, ending, latin1, section);
            if (trimmed[0] == '[')
            {
                var name = trimmed.Length >= 2 && trimmed[trimmed.Length - 1] == ']' ? trimmed.Substring(1, trimmed.Length - 2).Trim(Blanks) : "";
                if (name.Length > 0) return new IniLine(IniLineKind.SectionHeader, text, ending, latin1, name);
                problem = (IniDiagnosticKind.BadSectionHeader, $"starts with '[' but is not a section header like [IBGateway]: '{Shorten(trimmed)}'");
                return new IniLine(IniLineKind.Malformed, text, ending, latin1, section);
            }

            var equals = text.IndexOf('=');
            var key = equals < 0 ? "" : text.Substring(0, equals).Trim(Blanks);
            if (key.Length == 0)
            {
                problem = equals < 0
                    ? (IniDiagnosticKind.MissingEquals, $"is not a setting (no '='): '{Shorten(trimmed)}'")
                    : (IniDiagnosticKind.EmptyKey, $"has a value but no key: '{Shorten(trimmed)}'");
                return new IniLine(IniLineKind.Malformed, text, ending, latin1, section);
            }
            var start = equals + 1;
            while (start < text.Length && text[start] is ' ' or '\t') start++;
            var end = text.Length;
            while (end > start && text[end - 1] is ' ' or '\t') end--;
            return new IniEntry(text, ending, latin1, section, key, start, end - start);
        }

        private static (IniDiagnosticKind Kind, string Reason)? Problem(string text)
        {
            if (text.Length > MaxLineLength)
            {
                return (IniDiagnosticKind.LineTooLong, $"is {text.Length} characters long (over {MaxLineLength}); kept as it is but not read as a setting");
            }
            if (HasControlCharacter(text))
            {
                return (IniDiagnosticKind.ControlCharacters, "holds control characters (binary data?); kept as it is but not read as a setting");
            }
            return null;
        }

        private static bool HasControlCharacter(string text)
        {
            foreach (var c in text)
            {
                if ((c < ' ' && c != '\t') || c == '\u007F') return true;
            }
            return false;
        }

        private static string SectionLabel(string section) => section.Length == 0 ? "the lines before the first section" : $"[{section}]";

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>
    /// Compares entries' keys (a slot index stands for its entry) as <see cref="Names"/> compares the key strings, reading
    /// an ASCII key's bytes in place. The hash folds each character to its invariant upper case, and every character
    /// outside ASCII to one value, so keys equal ignoring case always hash alike.
    /// </summary>
    private sealed class SlotKeyComparer : IEqualityComparer<int>
    {
        private readonly IniDocument _document;

        public SlotKeyComparer(IniDocument document) => _document = document;

        public bool Equals(int x, int y)
        {
            ref var a = ref _document._slots[x];
            ref var b = ref _document._slots[y];
            if (!Names.Equals(_document._sectionNames[a.Section], _document._sectionNames[b.Section])) return false;
            if (!a.KeyIsAscii || !b.KeyIsAscii) return Names.Equals(_document.Decode(a.KeyStart, a.KeyLength, a.IsLatin1), _document.Decode(b.KeyStart, b.KeyLength, b.IsLatin1));
            if (a.KeyLength != b.KeyLength) return false;
            var text = _document._text;
            for (var i = 0; i < a.KeyLength; i++)
            {
                if (AsciiUpper(text[a.KeyStart + i]) != AsciiUpper(text[b.KeyStart + i])) return false;
            }
            return true;
        }

        public int GetHashCode(int index)
        {
            ref var slot = ref _document._slots[index];
            var hash = 17;
            if (slot.KeyIsAscii)
            {
                var text = _document._text;
                for (var i = slot.KeyStart; i < slot.KeyStart + slot.KeyLength; i++) hash = hash * 31 + AsciiUpper(text[i]);
                return hash;
            }
            foreach (var c in _document.Decode(slot.KeyStart, slot.KeyLength, slot.IsLatin1))
            {
                var upper = char.ToUpperInvariant(c);
                hash = hash * 31 + (upper < 0x80 ? upper : 0x80);
            }
            return hash;
        }
    }
}
