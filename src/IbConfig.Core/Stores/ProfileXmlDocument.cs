using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// The per-user profile file of IB Gateway (<c>ibg.xml</c>) or TWS (<c>tws.xml</c>), where the GUI's API page really lives
/// (docs/ib-settings.md, section 2). Edits splice new values into the original text, so every byte not asked for stays as it
/// was: no DOM round trip, which would rewrite quotes, whitespace and the declaration. A file that is not well-formed XML
/// (recent builds encrypt it) is reported as such and can never be written.
/// </summary>
public sealed class ProfileXmlDocument
{
    public const string ApiSettingsElement = "ApiSettings";
    public const string SystemSettingsElement = "SystemSettings";

    /// <summary>IB serialises each trusted address as a <c>&lt;String&gt;</c> element inside the API settings.</summary>
    public const string TrustedAddressElement = "String";

    public const string GatewayFileName = "ibg.xml";
    public const string TwsFileName = "tws.xml";

    private readonly Encoding? _wideEncoding; // UTF-16 files are edited as text; every other file byte for byte.
    private readonly byte[] _preamble;
    private readonly bool _singleByte;
    private readonly byte[] _original;
    private string _text;
    private IReadOnlyList<XmlMarkupElement> _elements;

    private ProfileXmlDocument(string path, ProfileXmlState state, string? problem, byte[] content)
    {
        Path = path;
        State = state;
        Problem = problem;
        _preamble = Array.Empty<byte>();
        _text = string.Empty;
        _elements = Array.Empty<XmlMarkupElement>();
        _original = content;
        if (state != ProfileXmlState.Readable) return;

        _wideEncoding = WideEncoding(content);
        if (_wideEncoding is not null)
        {
            _preamble = _wideEncoding.GetPreamble();
            _text = _wideEncoding.GetString(content, _preamble.Length, content.Length - _preamble.Length);
        }
        else
        {
            var chars = new char[content.Length];
            for (int i = 0; i < content.Length; i++) chars[i] = (char)content[i];
            _text = new string(chars);
            _singleByte = DeclaresSingleByteEncoding(_text);
        }

        _elements = XmlMarkupScanner.Scan(_text);
    }

    /// <summary>The bytes this document was parsed from. Not to be modified.</summary>
    internal byte[] ContentRead => _original;

    /// <summary>The file this document was read from (may be empty for a document parsed from memory).</summary>
    public string Path { get; }

    public ProfileXmlState State { get; }

    public bool IsReadable => State == ProfileXmlState.Readable;

    /// <summary>Why the file cannot be read, in words a user can act on; null when it is readable.</summary>
    public string? Problem { get; }

    /// <summary>Gateway for <c>ibg.xml</c>, TWS for <c>tws.xml</c>, null for another name.</summary>
    public IbProduct? Product => ProductOf(Path);

    /// <summary>True once an edit changed the text.</summary>
    public bool IsModified { get; private set; }

    public static IbProduct? ProductOf(string path) => System.IO.Path.GetFileName(path).ToLowerInvariant() switch
    {
        GatewayFileName => IbProduct.Gateway,
        TwsFileName => IbProduct.Tws,
        _ => null,
    };

    /// <summary>Reads a profile file; a file that cannot be read from disk is an <see cref="IbConfigException"/>.</summary>
    public static ProfileXmlDocument Load(string path) => Parse(ConfigFileReader.ReadAllBytes(path, ConfigFileLimits.ProfileXmlBytes), path);

    /// <summary>Parses file content; never throws for bad content: an unreadable file becomes a document that says why.</summary>
    public static ProfileXmlDocument Parse(byte[] content, string path)
    {
        if (LooksEncrypted(content))
        {
            return new ProfileXmlDocument(path, ProfileXmlState.Encrypted,
                $"The profile settings in '{path}' are encrypted by this IB build; change them in the GUI or through IBC's config.ini.", content);
        }

        string? error = WellFormednessError(content);
        if (error is not null)
        {
            return new ProfileXmlDocument(path, ProfileXmlState.Malformed,
                $"The profile settings file '{path}' is not well-formed XML ({error}); IbConfig never writes a file it cannot parse: change these settings in the GUI or through IBC's config.ini.", content);
        }

        return new ProfileXmlDocument(path, ProfileXmlState.Readable, null, content);
    }

    /// <summary>The first attribute of that name on the first element of that name, or null.</summary>
    public ProfileXmlValue? GetAttribute(string element, string attribute)
    {
        var found = FindElement(element);
        var attr = found?.Attributes.FirstOrDefault(a => a.Name == attribute);
        return attr is null ? null : new ProfileXmlValue(element, attribute, ReadValue(attr.ValueStart, attr.ValueEnd), LineOf(attr.ValueStart));
    }

    /// <summary>
    /// Sets an attribute, changing only its value's bytes. A missing attribute is added after the element's last one; a
    /// missing element is added as the root's last child. Returns false when the value was already that.
    /// </summary>
    public bool SetAttribute(string element, string attribute, string value)
    {
        EnsureWritable();
        EnsureXmlChars(value);
        var target = FindElement(element);
        if (target is null)
        {
            InsertChild(_elements[0], $"<{element} {attribute}=\"{XmlEscaping.EscapeAttribute(value, '"')}\" />");
            return true;
        }

        var attr = target.Attributes.FirstOrDefault(a => a.Name == attribute);
        if (attr is null)
        {
            Splice(target.AttributesEnd, target.AttributesEnd, $" {attribute}=\"{XmlEscaping.EscapeAttribute(value, '"')}\"");
            return true;
        }

        if (ReadValue(attr.ValueStart, attr.ValueEnd) == value) return false;
        Splice(attr.ValueStart, attr.ValueEnd, XmlEscaping.EscapeAttribute(value, attr.Quote));
        return true;
    }

    /// <summary>The 1-based line where the first element of that name starts, or null when there is none.</summary>
    public int? ElementLine(string element) => FindElement(element) is { } found ? LineOf(found.Start) : null;

    /// <summary>The trusted API client addresses, in file order.</summary>
    public IReadOnlyList<ProfileXmlValue> TrustedAddresses =>
        TrustedAddressElements().Select(e => new ProfileXmlValue(TrustedAddressElement, null, ReadValue(e.StartTagEnd, e.EndTagStart).Trim(), LineOf(e.Start))).ToArray();

    /// <summary>
    /// Makes the trusted list exactly <paramref name="addresses"/>: entries no longer wanted (and repeated ones) are cut
    /// out with their line, kept ones stay where they are, new ones follow the last one with the same indentation.
    /// Returns false when nothing changed.
    /// </summary>
    public bool SetTrustedAddresses(IEnumerable<string> addresses)
    {
        EnsureWritable();
        var wanted = addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        wanted.ForEach(EnsureXmlChars);
        bool changed = false;

        // Remove from the end so earlier offsets stay valid while we splice.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keep = new List<bool>();
        var existing = TrustedAddressElements();
        foreach (var e in existing)
        {
            string address = ReadValue(e.StartTagEnd, e.EndTagStart).Trim();
            keep.Add(wanted.Contains(address, StringComparer.OrdinalIgnoreCase) && seen.Add(address));
        }

        for (int i = existing.Count - 1; i >= 0; i--)
        {
            if (keep[i]) continue;
            RemoveElement(existing[i]);
            changed = true;
        }

        foreach (string address in wanted.Where(a => !seen.Contains(a)))
        {
            if (FindElement(ApiSettingsElement) is null) InsertChild(_elements[0], $"<{ApiSettingsElement}></{ApiSettingsElement}>");
            InsertChild(TrustedContainer()!, $"<{TrustedAddressElement}>{XmlEscaping.EscapeText(address)}</{TrustedAddressElement}>");
            changed = true;
        }

        return changed;
    }

    /// <summary>The file's bytes: exactly what was read when nothing changed.</summary>
    public byte[] ToBytes()
    {
        if (!IsModified) return (byte[])_original.Clone();
        if (_wideEncoding is not null) return _preamble.Concat(_wideEncoding.GetBytes(_text)).ToArray();
        var bytes = new byte[_text.Length];
        for (int i = 0; i < _text.Length; i++) bytes[i] = (byte)_text[i];
        return bytes;
    }

    public override string ToString() => IsReadable ? $"{Path} (readable)" : $"{Path} ({State.ToString().ToLowerInvariant()})";

    /// <summary>Refuses to edit a file IbConfig cannot parse (encrypted or damaged): it is shown but never written.</summary>
    internal void EnsureWritable()
    {
        if (IsReadable) return;
        throw State == ProfileXmlState.Encrypted ? StoreFailure.ProfileEncrypted(Path, Problem!) : StoreFailure.ProfileMalformed(Path, Problem!);
    }

    // XML 1.0 cannot hold most control characters, not even as character references.
    private void EnsureXmlChars(string value)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
        }
        catch (XmlException)
        {
            throw StoreFailure.ProfileValueNotXml(Path);
        }
    }

    private XmlMarkupElement? FindElement(string name) => _elements.FirstOrDefault(e => e.Name == name);

    // IB writes <String> children straight inside ApiSettings; tolerate a wrapper such as <TrustedIPs> around them.
    private XmlMarkupElement? TrustedContainer()
    {
        var api = FindElement(ApiSettingsElement);
        return api?.Children.FirstOrDefault(c => c.Name.IndexOf("trusted", StringComparison.OrdinalIgnoreCase) >= 0) ?? api;
    }

    private IReadOnlyList<XmlMarkupElement> TrustedAddressElements() =>
        TrustedContainer()?.Children.Where(c => c.Name == TrustedAddressElement).ToArray() ?? Array.Empty<XmlMarkupElement>();

    private void InsertChild(XmlMarkupElement parent, string markup)
    {
        string nl = NewLine;
        string parentIndent = IndentBefore(parent.Start) ?? string.Empty;
        if (parent.Children.Count > 0)
        {
            var last = parent.Children[parent.Children.Count - 1];
            Splice(last.End, last.End, nl + (IndentBefore(last.Start) ?? string.Empty) + markup);
        }
        else if (parent.IsSelfClosing)
        {
            Splice(parent.StartTagClose, parent.End, ">" + nl + ChildIndent(parentIndent) + markup + nl + parentIndent + "</" + parent.Name + ">");
        }
        else if (nl.Length > 0 && IndentBefore(parent.EndTagStart) is not null)
        {
            int lineStart = LineStartOf(parent.EndTagStart);
            Splice(lineStart, lineStart, ChildIndent(parentIndent) + markup + nl);
        }
        else
        {
            Splice(parent.EndTagStart, parent.EndTagStart, nl + ChildIndent(parentIndent) + markup + nl + parentIndent);
        }
    }

    private void RemoveElement(XmlMarkupElement element)
    {
        int start = element.Start;
        int end = element.End;
        if (IndentBefore(start) is not null)
        {
            int lineEnd = end;
            while (lineEnd < _text.Length && (_text[lineEnd] == ' ' || _text[lineEnd] == '\t')) lineEnd++;
            if (lineEnd < _text.Length && _text[lineEnd] == '\r') lineEnd++;
            if (lineEnd < _text.Length && _text[lineEnd] == '\n')
            {
                start = LineStartOf(start);
                end = lineEnd + 1;
            }
        }

        Splice(start, end, string.Empty);
    }

    // Spliced markup is ASCII (XmlEscaping writes character references), so it maps onto the file's bytes one to one.
    private void Splice(int start, int end, string replacement)
    {
        _text = _text.Substring(0, start) + replacement + _text.Substring(end);
        _elements = XmlMarkupScanner.Scan(_text);
        IsModified = true;
    }

    // The file's own line break, or none for a file written on one line (then edits add none either).
    private string NewLine => _text.Contains("\r\n") ? "\r\n" : _text.Contains("\n") ? "\n" : string.Empty;

    private string ChildIndent(string parentIndent) => NewLine.Length == 0 ? string.Empty : parentIndent + IndentUnit();

    // The step between a parent's indentation and its first child's, as the file already uses it.
    private string IndentUnit()
    {
        foreach (var element in _elements.Where(e => e.Children.Count > 0))
        {
            string? outer = IndentBefore(element.Start);
            string? inner = IndentBefore(element.Children[0].Start);
            if (outer is not null && inner is not null && inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal))
                return inner.Substring(outer.Length);
        }

        return "  ";
    }

    /// <summary>The whitespace between the line start and <paramref name="offset"/>, or null if other text comes first.</summary>
    private string? IndentBefore(int offset)
    {
        int lineStart = LineStartOf(offset);
        for (int i = lineStart; i < offset; i++)
        {
            if (_text[i] != ' ' && _text[i] != '\t') return null;
        }

        return _text.Substring(lineStart, offset - lineStart);
    }

    private int LineStartOf(int offset) => offset == 0 ? 0 : _text.LastIndexOf('\n', offset - 1) + 1;

    private int LineOf(int offset)
    {
        int line = 1;
        for (int i = 0; i < offset; i++)
        {
            if (_text[i] == '\n') line++;
        }

        return line;
    }

    private string ReadValue(int start, int end)
    {
        string raw = _text.Substring(start, end - start);
        if (_wideEncoding is null && !_singleByte)
        {
            var bytes = new byte[raw.Length];
            for (int i = 0; i < raw.Length; i++) bytes[i] = (byte)raw[i];
            raw = Encoding.UTF8.GetString(bytes);
        }

        return XmlEscaping.Unescape(raw);
    }

    private static Encoding? WideEncoding(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE) return new UnicodeEncoding(false, true);
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF) return new UnicodeEncoding(true, true);
        return null;
    }

    private static bool DeclaresSingleByteEncoding(string text)
    {
        if (!text.StartsWith("<?xml", StringComparison.Ordinal)) return false;
        int end = text.IndexOf("?>", StringComparison.Ordinal);
        string declaration = end < 0 ? string.Empty : text.Substring(0, end).ToLowerInvariant();
        return declaration.Contains("8859-1") || declaration.Contains("latin1") || declaration.Contains("1252") || declaration.Contains("ascii");
    }

    // Encrypted content is binary: no '<' where XML must start, or NUL bytes in a file that is not UTF-16.
    private static bool LooksEncrypted(byte[] content)
    {
        if (WideEncoding(content) is not null) return false;
        int i = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        while (i < content.Length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) i++;
        if (i < content.Length && content[i] != '<') return true;
        return Array.IndexOf(content, (byte)0) >= 0;
    }

    private static string? WellFormednessError(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            bool sawElement = false;
            while (reader.Read()) sawElement |= reader.NodeType == XmlNodeType.Element;
            return sawElement ? null : "the file is empty";
        }
        catch (XmlException ex)
        {
            return $"line {ex.LineNumber}, position {ex.LinePosition}";
        }
    }
}
