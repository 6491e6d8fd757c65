using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly List<IniLine> _lines = new();
    private readonly List<IniDiagnostic> _diagnostics = new();

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

        var document = new IniDocument(path, encoding, bytes);
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
            parser.Add(bytes, pos, contentEnd - pos, ending);
            pos = newline < 0 ? bytes.Length : newline + 1;
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

    /// <summary>The document as bytes: identical to what was parsed except for the edits made since.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        if (Encoding == IniTextEncoding.Utf8WithBom) stream.Write(Utf8Bom, 0, Utf8Bom.Length);
        foreach (var line in _lines)
        {
            var text = Encode(line.Text, line.IsLatin1);
            stream.Write(text, 0, text.Length);
            var ending = System.Text.Encoding.ASCII.GetBytes(line.LineEnding);
            stream.Write(ending, 0, ending.Length);
        }
        return Encoding is IniTextEncoding.Utf16LittleEndian or IniTextEncoding.Utf16BigEndian ? IniTextCodec.Utf8ToUtf16(stream.ToArray(), Encoding) : stream.ToArray();
    }

    public bool HasSection(string section) => _lines.Any(l => l.Kind == IniLineKind.SectionHeader && Names.Equals(l.SectionName, section));

    /// <summary>Every occurrence of a key in a section (in every header of that name), in file order.</summary>
    public IReadOnlyList<IniEntry> FindAll(string section, string key) =>
        Entries.Where(e => Names.Equals(e.SectionName, section) && Names.Equals(e.Key, key)).ToArray();

    /// <summary>The entry that counts: the last occurrence, as in Java's Properties and most ini readers.</summary>
    public IniEntry? Find(string section, string key) => FindAll(section, key).LastOrDefault();

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
                    throw new IbConfigException("IniValueNotEncodable", IbErrorKind.InvalidArgument,
                        $"Line {entry.LineNumber} of the file is not UTF-8, so '{value}' cannot be written there; use only Latin-1 characters.", value);
                }
            }
            foreach (var entry in existing) entry.ReplaceValue(value);
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
        foreach (var entry in existing)
        {
            var index = _lines.IndexOf(entry);
            // The last line of a file without a final newline: its predecessor becomes last and loses its ending.
            if (index == _lines.Count - 1 && entry.LineEnding.Length == 0 && index > 0) _lines[index - 1].LineEnding = "";
            _lines.RemoveAt(index);
        }
        Renumber(0);
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
            || name.Trim(' ', '\t').Length != name.Length
            || name.Any(c => char.IsControl(c) || c == '=' || c == '[' || c == ']')
            || (name.Length > 0 && (name[0] == ';' || name[0] == '#'));
        if (bad)
        {
            throw new IbConfigException("IniNameInvalid", IbErrorKind.InvalidArgument,
                $"'{name}' cannot be an ini {what} name: it must be non-empty, without '=', '[', ']', control characters or surrounding spaces, and not start with ';' or '#'.", name);
        }
    }

    private static void CheckValue(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (value.Any(c => char.IsControl(c) && c != '\t') || value.Trim(' ', '\t').Length != value.Length || HasLoneSurrogate(value))
        {
            throw new IbConfigException("IniValueInvalid", IbErrorKind.InvalidArgument,
                $"'{value}' cannot be written as an ini value: it must be one line, without control characters or leading/trailing spaces.", value);
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

    private static byte[] Encode(string text, bool latin1)
    {
        if (!latin1) return StrictUtf8.GetBytes(text);
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
        return bytes;
    }

    /// <summary>Turns raw lines into typed lines, tracking the current section and reporting what it cannot read.</summary>
    private sealed class Parser
    {
        private readonly IniDocument _document;
        private readonly Dictionary<string, Dictionary<string, int>> _seen = new(Names);
        private string _section = "";

        public Parser(IniDocument document) => _document = document;

        public void Add(byte[] bytes, int offset, int count, string ending)
        {
            string text;
            var latin1 = false;
            try
            {
                text = StrictUtf8.GetString(bytes, offset, count);
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
            _document._lines.Add(line);
            if (latin1) Report(line, IniDiagnosticKind.InvalidUtf8, "is not valid UTF-8; its bytes are kept exactly as they are");
            if (problem is { } p) Report(line, p.Kind, p.Reason);
            Track(line);
        }

        /// <summary>What one line of text is; <paramref name="problem"/> says why a malformed line is malformed.</summary>
        public static IniLine Classify(string text, string ending, bool latin1, string section, out (IniDiagnosticKind Kind, string Reason)? problem)
        {
            problem = Problem(text);
            if (problem is not null) return new IniLine(IniLineKind.Malformed, text, ending, latin1, section);

            var trimmed = text.Trim(' ', '\t');
            if (trimmed.Length == 0) return new IniLine(IniLineKind.Blank, text, ending, latin1, section);
            if (trimmed[0] is ';' or '#') return new IniLine(IniLineKind.Comment, text, ending, latin1, section);
            if (trimmed[0] == '[')
            {
                var name = trimmed.Length >= 2 && trimmed[trimmed.Length - 1] == ']' ? trimmed.Substring(1, trimmed.Length - 2).Trim(' ', '\t') : "";
                if (name.Length > 0) return new IniLine(IniLineKind.SectionHeader, text, ending, latin1, name);
                problem = (IniDiagnosticKind.BadSectionHeader, $"starts with '[' but is not a section header like [IBGateway]: '{Shorten(trimmed)}'");
                return new IniLine(IniLineKind.Malformed, text, ending, latin1, section);
            }

            var equals = text.IndexOf('=');
            var key = equals < 0 ? "" : text.Substring(0, equals).Trim(' ', '\t');
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
            if (text.Any(c => (c < ' ' && c != '\t') || c == '\u007F'))
            {
                return (IniDiagnosticKind.ControlCharacters, "holds control characters (binary data?); kept as it is but not read as a setting");
            }
            return null;
        }

        private void Track(IniLine line)
        {
            if (line.Kind == IniLineKind.SectionHeader)
            {
                _section = line.SectionName;
                if (_seen.ContainsKey(line.SectionName))
                {
                    Report(line, IniDiagnosticKind.DuplicateSection, $"repeats section [{line.SectionName}]; IbConfig reads both as one section");
                }
                else
                {
                    _seen[line.SectionName] = new Dictionary<string, int>(Names);
                }
            }
            else if (line is IniEntry entry)
            {
                if (!_seen.TryGetValue(entry.SectionName, out var keys)) _seen[entry.SectionName] = keys = new Dictionary<string, int>(Names);
                if (keys.TryGetValue(entry.Key, out var first))
                {
                    Report(line, IniDiagnosticKind.DuplicateKey,
                        $"repeats key '{entry.Key}' of {SectionLabel(entry.SectionName)} (first on line {first}); IbConfig reads the last one and edits all of them");
                }
                else
                {
                    keys[entry.Key] = entry.LineNumber;
                }
            }
        }

        private void Report(IniLine line, IniDiagnosticKind kind, string reason) =>
            _document._diagnostics.Add(new IniDiagnostic(line, kind, $"Line {line.LineNumber} {reason}."));

        private static string SectionLabel(string section) => section.Length == 0 ? "the lines before the first section" : $"[{section}]";

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
