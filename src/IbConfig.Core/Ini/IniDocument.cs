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

    private readonly List<IniLine> _lines = new();
    private readonly List<IniDiagnostic> _diagnostics = new();

    // section -> key -> its entries in file order, and the section headers' names: built while parsing and kept up to date
    // by every edit, so a look-up costs the same in a 10,000-line file as in a 10-line one.
    private Dictionary<string, Dictionary<string, KeyEntries>> _index = new(Names);
    private HashSet<string> _headers = new(Names);

    private IniDocument(string? path, IniTextEncoding encoding, byte[] contentRead)
    {
        Path = path;
        Encoding = encoding;
        ContentRead = contentRead;
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

    public IReadOnlyList<IniLine> Lines => _lines;

    public IReadOnlyList<IniDiagnostic> Diagnostics => _diagnostics;

    public IEnumerable<IniEntry> Entries => _lines.OfType<IniEntry>();

    /// <summary>The sections in file order; the lines before the first header form a section named "" when there are any.</summary>
    public IReadOnlyList<IniSection> Sections
    {
        get
        {
            var sections = new List<IniSection>();
            var i = 0;
            while (i < _lines.Count)
            {
                var start = i;
                var header = _lines[i].Kind == IniLineKind.SectionHeader ? _lines[i] : null;
                i++;
                while (i < _lines.Count && _lines[i].Kind != IniLineKind.SectionHeader) i++;
                sections.Add(new IniSection(_lines[start].SectionName, header, _lines.GetRange(start, i - start)));
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

        var document = new IniDocument(path, encoding, bytes) { _linesAreInContentRead = ReferenceEquals(text, bytes) };
        var parser = new Parser(document);
        int crlf = 0, lf = 0;
        var pos = encoding == IniTextEncoding.Utf8WithBom ? 3 : 0;
        bytes = text;
        while (pos < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', pos);
            var end = newline < 0 ? bytes.Length : newline;
            var contentEnd = end;
            var ending = "";
            if (newline >= 0)
            {
                if (end > pos && bytes[end - 1] == (byte)'\r') { contentEnd = end - 1; ending = "\r\n"; crlf++; }
                else { ending = "\n"; lf++; }
            }
            var next = newline < 0 ? bytes.Length : newline + 1;
            parser.Add(bytes, pos, contentEnd - pos, ending, next - pos);
            pos = next;
        }
        if (crlf + lf > 0) document.NewLine = crlf >= lf ? "\r\n" : "\n";
        return document;
    }

    /// <summary>Parses text as if it were a UTF-8 file without a BOM.</summary>
    public static IniDocument Parse(string text) => Parse(new UTF8Encoding(false).GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>
    /// Reads and parses a file through <see cref="ConfigFileReader"/>, so a missing, locked, unreadable or oversized file
    /// gets the same error ids (ConfigFileNotFound, ConfigFileLocked, ...) whichever command reads it.
    /// </summary>
    public static IniDocument Load(string path) => Parse(ConfigFileReader.ReadAllBytes(path), path);

    // True when the lines' source offsets point into ContentRead (UTF-8 files; a UTF-16 file is parsed from a converted copy).
    private bool _linesAreInContentRead;

    /// <summary>The document as bytes: identical to what was parsed except for the edits made since.</summary>
    [MethodImpl(HotPath)]
    public byte[] ToBytes() => _linesAreInContentRead ? CopyUneditedBytes() : EncodeEveryLine();

    /// <summary>
    /// Renders into one buffer of the final size: runs of unedited lines are copied from the bytes that were read in one
    /// block each, and only edited or added lines are encoded (one edit in a 10,000-line file encodes one line).
    /// </summary>
    [MethodImpl(HotPath)]
    private byte[] CopyUneditedBytes()
    {
        var bom = Encoding == IniTextEncoding.Utf8WithBom ? Utf8Bom.Length : 0;
        long total = bom;
        foreach (var line in _lines) total += line.SourceOffset >= 0 ? line.SourceLength : EncodedLength(line.Text, line.IsLatin1) + line.LineEnding.Length;
        var result = new byte[total];
        Array.Copy(Utf8Bom, result, bom);
        var at = bom;
        int runStart = 0, runLength = 0;
        foreach (var line in _lines)
        {
            if (line.SourceOffset >= 0 && line.SourceOffset == runStart + runLength)
            {
                runLength += line.SourceLength; // the next line in the source: the run grows
                continue;
            }

            Buffer.BlockCopy(ContentRead, runStart, result, at, runLength);
            at += runLength;
            if (line.SourceOffset >= 0)
            {
                (runStart, runLength) = (line.SourceOffset, line.SourceLength);
                continue;
            }

            (runStart, runLength) = (0, 0);
            at += Encode(line.Text, line.IsLatin1, result, at);
            at += Encode(line.LineEnding, latin1: true, result, at);
        }

        Buffer.BlockCopy(ContentRead, runStart, result, at, runLength);
        return result;
    }

    private static int EncodedLength(string text, bool latin1) => latin1 || IsAscii(text) ? text.Length : StrictUtf8.GetByteCount(text);

    private static int Encode(string text, bool latin1, byte[] into, int at)
    {
        if (!latin1 && !IsAscii(text)) return StrictUtf8.GetBytes(text, 0, text.Length, into, at);
        for (var i = 0; i < text.Length; i++) into[at + i] = (byte)text[i];
        return text.Length;
    }

    /// <summary>Renders by encoding every line's text: for UTF-16 files, and the reference the copying renderer is tested against.</summary>
    internal byte[] EncodeEveryLine()
    {
        using var stream = new MemoryStream(ContentRead.Length + 256);
        if (Encoding == IniTextEncoding.Utf8WithBom) stream.Write(Utf8Bom, 0, Utf8Bom.Length);
        var scratch = new byte[256];
        foreach (var line in _lines)
        {
            Write(stream, line.Text, line.IsLatin1, ref scratch);
            Write(stream, line.LineEnding, latin1: true, ref scratch);
        }
        return Encoding is IniTextEncoding.Utf16LittleEndian or IniTextEncoding.Utf16BigEndian ? IniTextCodec.Utf8ToUtf16(stream.ToArray(), Encoding) : stream.ToArray();
    }

    // One char per byte for a Latin-1 line (its original bytes) and for ASCII text (the same bytes in UTF-8), else UTF-8.
    private static void Write(MemoryStream stream, string text, bool latin1, ref byte[] scratch)
    {
        if (text.Length == 0) return;
        if (!latin1 && !IsAscii(text))
        {
            var utf8 = StrictUtf8.GetBytes(text);
            stream.Write(utf8, 0, utf8.Length);
            return;
        }

        if (scratch.Length < text.Length) scratch = new byte[Math.Max(text.Length, scratch.Length * 2)];
        for (var i = 0; i < text.Length; i++) scratch[i] = (byte)text[i];
        stream.Write(scratch, 0, text.Length);
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80) return false;
        }
        return true;
    }

    public bool HasSection(string section) => _headers.Contains(section);

    /// <summary>Every occurrence of a key in a section (in every header of that name), in file order.</summary>
    public IReadOnlyList<IniEntry> FindAll(string section, string key) =>
        _index.TryGetValue(section, out var keys) && keys.TryGetValue(key, out var entries) ? entries.ToList() : Array.Empty<IniEntry>();

    /// <summary>The entry that counts: the last occurrence, as in Java's Properties and most ini readers.</summary>
    public IniEntry? Find(string section, string key)
    {
        var all = FindAll(section, key);
        return all.Count == 0 ? null : all[all.Count - 1];
    }

    /// <summary>The entries of a section (every header of that name), in file order.</summary>
    public IEnumerable<IniEntry> EntriesIn(string section) =>
        _index.TryGetValue(section, out var keys) ? keys.Values.SelectMany(e => e.ToList()).OrderBy(e => e.LineNumber) : Enumerable.Empty<IniEntry>();

    /// <summary>Bumped by every edit, so what was derived from the document can tell it is stale.</summary>
    internal int Version { get; private set; }

    private Dictionary<string, KeyEntries> KeysOf(string section)
    {
        if (!_index.TryGetValue(section, out var keys)) _index[section] = keys = new Dictionary<string, KeyEntries>(Names);
        return keys;
    }

    private void Index(IniLine line)
    {
        if (line.Kind == IniLineKind.SectionHeader) _headers.Add(line.SectionName);
        if (line is IniEntry entry) _ = KeyEntries.Add(KeysOf(entry.SectionName), entry);
    }

    /// <summary>One key's entries in file order: the first held inline (most keys occur once), a list only when the key repeats.</summary>
    private struct KeyEntries
    {
        private IniEntry _first;
        private List<IniEntry>? _all;

        public IReadOnlyList<IniEntry> ToList() => _all ?? (IReadOnlyList<IniEntry>)new[] { _first };

        /// <summary>Adds the entry under its key; returns the key's first entry when it already had one (a duplicate).</summary>
        public static IniEntry? Add(Dictionary<string, KeyEntries> keys, IniEntry entry)
        {
            if (!keys.TryGetValue(entry.Key, out var slot))
            {
                keys[entry.Key] = new KeyEntries { _first = entry };
                return null;
            }

            slot._all ??= new List<IniEntry> { slot._first };
            slot._all.Add(entry);
            keys[entry.Key] = slot;
            return slot._first;
        }
    }

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
        KeysOf(section).Remove(key);
        foreach (var entry in existing)
        {
            var index = _lines.IndexOf(entry);
            // The last line of a file without a final newline: its predecessor becomes last and loses its ending.
            if (index == _lines.Count - 1 && entry.LineEnding.Length == 0 && index > 0) _lines[index - 1].LineEnding = "";
            _lines.RemoveAt(index);
        }
        Renumber(0);
        Changed();
        return edit;
    }

    /// <summary>The lines of <paramref name="section"/> (every header of that name) the parser could not read: binary data, NUL or control characters, or overlong.</summary>
    public IReadOnlyList<int> UnreadableLinesIn(string section) =>
        _diagnostics.Where(d => d.Kind is IniDiagnosticKind.ControlCharacters or IniDiagnosticKind.LineTooLong && Names.Equals(d.Line.SectionName, section))
            .Select(d => d.LineNumber).Distinct().ToArray();

    /// <summary>Removes the lines for which <paramref name="drop"/> is true (for a backup that must not copy them).</summary>
    internal void RemoveLines(Func<IniLine, bool> drop)
    {
        for (var index = _lines.Count - 1; index >= 0; index--)
        {
            if (!drop(_lines[index])) continue;
            if (index == _lines.Count - 1 && _lines[index].LineEnding.Length == 0 && index > 0) _lines[index - 1].LineEnding = "";
            _lines.RemoveAt(index);
        }
        Renumber(0);
        (_index, _headers) = (new(Names), new(Names));
        foreach (var line in _lines) Index(line);
        Changed();
    }

    private IniEntry AddEntry(string section, string key, string value)
    {
        var text = key + "=" + value;
        var run = Sections.LastOrDefault(s => Names.Equals(s.Name, section));
        if (run is null && section.Length == 0)
        {
            // A key before the first header: it goes on top.
            return (IniEntry)Insert(0, Parser.Classify(text, NewLine, false, "", out _));
        }
        if (run is null)
        {
            if (_lines.Count > 0 && _lines[_lines.Count - 1].Kind != IniLineKind.Blank) Insert(_lines.Count, NewBlank(""));
            Insert(_lines.Count, new IniLine(IniLineKind.SectionHeader, "[" + section + "]", NewLine, false, section));
            return (IniEntry)Insert(_lines.Count, Parser.Classify(text, NewLine, false, section, out _));
        }

        // After the section's last line that is not blank or a comment (its header if it has no entries; the top of the
        // file for a preamble of only comments).
        var anchor = run.Lines.LastOrDefault(l => l.Kind is not (IniLineKind.Blank or IniLineKind.Comment));
        var at = anchor is null ? 0 : _lines.IndexOf(anchor) + 1;
        return (IniEntry)Insert(at, Parser.Classify(text, NewLine, false, run.Name, out _));
    }

    private IniLine NewBlank(string section) => new(IniLineKind.Blank, "", NewLine, false, section);

    private IniLine Insert(int index, IniLine line)
    {
        if (index == _lines.Count && index > 0 && _lines[index - 1].LineEnding.Length == 0)
        {
            // Appending after a last line without a final newline: that line gets one, the new last line goes without.
            // A stray '\r' ending that line would merge with "\n" into CRLF and leave its text, so it gets "\r\n" then.
            var previous = _lines[index - 1];
            previous.LineEnding = previous.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r\n" : NewLine;
            line.LineEnding = "";
        }
        _lines.Insert(index, line);
        Renumber(index);
        Index(line);
        Changed();
        return line;
    }

    private void Renumber(int from)
    {
        for (var i = from; i < _lines.Count; i++) _lines[i].LineNumber = i + 1;
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

    /// <summary>Turns raw lines into typed lines, tracking the current section and reporting what it cannot read.</summary>
    private sealed class Parser
    {
        private readonly IniDocument _document;
        private Dictionary<string, KeyEntries>? _keys; // the current section's, from the document's index
        private string _section = "";

        public Parser(IniDocument document) => _document = document;

        [MethodImpl(HotPath)]
        /// <param name="sourceLength">The line's length in <paramref name="bytes"/> with its ending.</param>
        public void Add(byte[] bytes, int offset, int count, string ending, int sourceLength)
        {
            string text;
            var latin1 = false;
            try
            {
                // Most lines are ASCII, which the non-validating decoder turns into the same text several times faster.
                text = (IsAscii(bytes, offset, count) ? FastUtf8 : StrictUtf8).GetString(bytes, offset, count);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8 (a legacy code page or junk): one char per byte, so writing it back gives the same bytes.
                var chars = new char[count];
                for (var i = 0; i < count; i++) chars[i] = (char)bytes[offset + i];
                text = new string(chars);
                latin1 = true;
            }

            var line = Classify(text, ending, latin1, _section, out var problem);
            line.LineNumber = _document._lines.Count + 1;
            line.SourceOffset = offset;
            line.SourceLength = sourceLength;
            _document._lines.Add(line);
            if (latin1) Report(line, IniDiagnosticKind.InvalidUtf8, "is not valid UTF-8; its bytes are kept exactly as they are");
            if (problem is { } p) Report(line, p.Kind, p.Reason);
            Track(line);
        }

        /// <summary>What one line of text is; <paramref name="problem"/> says why a malformed line is malformed.</summary>
        [MethodImpl(HotPath)]
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

        [MethodImpl(HotPath)]
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

        [MethodImpl(HotPath)]
        private static bool HasControlCharacter(string text)
        {
            foreach (var c in text)
            {
                if ((c < ' ' && c != '\t') || c == '\u007F') return true;
            }
            return false;
        }

        [MethodImpl(HotPath)]
        private static bool IsAscii(byte[] bytes, int offset, int count)
        {
            for (var i = offset; i < offset + count; i++)
            {
                if (bytes[i] >= 0x80) return false;
            }
            return true;
        }

        [MethodImpl(HotPath)]
        private void Track(IniLine line)
        {
            if (line.Kind == IniLineKind.SectionHeader)
            {
                _section = line.SectionName;
                if (_document._headers.Contains(line.SectionName))
                    Report(line, IniDiagnosticKind.DuplicateSection, $"repeats section [{line.SectionName}]; IbConfig reads both as one section");
                _document.Index(line);
                _keys = _document.KeysOf(line.SectionName);
            }
            else if (line is IniEntry entry)
            {
                _keys ??= _document.KeysOf(entry.SectionName);
                if (KeyEntries.Add(_keys, entry) is { } first)
                {
                    Report(line, IniDiagnosticKind.DuplicateKey,
                        $"repeats key '{entry.Key}' of {SectionLabel(entry.SectionName)} (first on line {first.LineNumber}); IbConfig reads the last one and edits all of them");
                }
            }
        }

        private void Report(IniLine line, IniDiagnosticKind kind, string reason) =>
            _document._diagnostics.Add(new IniDiagnostic(line, kind, $"Line {line.LineNumber} {reason}."));

        private static string SectionLabel(string section) => section.Length == 0 ? "the lines before the first section" : $"[{section}]";

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
