using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Ini;

namespace IbConfig.Core.Stores;

/// <summary>
/// IBC's <c>config.ini</c> (docs/ib-settings.md, section 3): IBC applies its non-blank values at every start, most through
/// the GUI after login, so for an IBC-managed gateway they win at the next start (docs/settings-sources.md). The file also holds the login credentials; the lossless
/// <see cref="IniDocument"/> stays private because its lines, edits and diagnostics would show them, and every public
/// view here redacts them. Credential keys cannot be edited through IbConfig at all.
/// </summary>
public sealed class IbcConfig
{
    private readonly IniDocument _document;

    private IbcConfig(IniDocument document, string path)
    {
        _document = document;
        Path = path;
    }

    /// <summary>
    /// Where IBC's config.ini usually is (docs/ib-settings.md, section 3). <c>IBC_INI</c>, the variable IBC's own start scripts
    /// use, names the one file when it is set; otherwise <c>%USERPROFILE%\Documents\IBC\config.ini</c> and
    /// <c>C:\IBC\config.ini</c> on Windows, <c>~/ibc/config.ini</c> elsewhere.
    /// </summary>
    public static IReadOnlyList<string> CandidatePaths(Func<string, string?> environment, bool isWindows)
    {
        if (environment("IBC_INI") is { Length: > 0 } explicitPath) return new[] { explicitPath };
        var paths = new List<string>();
        if (isWindows)
        {
            if (environment("USERPROFILE") is { Length: > 0 } profile) paths.Add(System.IO.Path.Combine(profile, "Documents", "IBC", "config.ini"));
            paths.Add(@"C:\IBC\config.ini");
        }
        else if (environment("HOME") is { Length: > 0 } home)
        {
            paths.Add(System.IO.Path.Combine(home, "ibc", "config.ini"));
        }

        return paths;
    }

    /// <summary>The file this document was read from.</summary>
    public string Path { get; }

    /// <summary>True once an edit changed a value.</summary>
    public bool IsModified { get; private set; }

    /// <summary>Every setting in file order, credentials redacted.</summary>
    public IReadOnlyList<IbcValue> Entries => _document.Entries.Select(e => new IbcValue(e.Key, e.Value, e.LineNumber)).ToArray();

    /// <summary>Lines that are not settings, described without quoting them.</summary>
    public IReadOnlyList<IbcDiagnostic> Diagnostics =>
        _document.Diagnostics.Select(d => new IbcDiagnostic(d.LineNumber, $"Line {d.LineNumber} of '{Path}' is not a setting IBC can read ({d.Kind})."))
            .ToArray();

    public static IbcConfig Load(string path) => new(IniDocument.Load(path), path);

    public static IbcConfig Parse(byte[] content, string path) => new(IniDocument.Parse(content, path), path);

    /// <summary>The value that counts (the last occurrence, as IBC reads it), or null when the key is absent.</summary>
    public IbcValue? Get(string key)
    {
        var entry = _document.Find(string.Empty, key);
        return entry is null ? null : new IbcValue(entry.Key, entry.Value, entry.LineNumber);
    }

    /// <summary>
    /// Sets a key; an empty <paramref name="value"/> makes it blank ("leave the gateway's own value"). Only the value's
    /// bytes change; a missing key is added after the last setting. Returns null when nothing changed.
    /// </summary>
    public IbcChange? Set(string key, string value)
    {
        if (IbcKeys.IsCredential(key))
        {
            throw StoreFailure.IbcCredentialKeyRefused(key, Path);
        }

        var before = _document.Find(string.Empty, key);
        if (before is null && value.Length == 0) return null; // absent and blank mean the same to IBC
        if (before is not null && before.Value == value) return null;

        string? old = before?.Value;
        var edit = _document.SetValue(string.Empty, key, value);
        IsModified = true;
        return new IbcChange(key, old, value, edit.LineNumber);
    }

    /// <summary>
    /// The content of IBC's config.ini fit for a backup: a copy must not spread its passwords. Every key that may hold a
    /// credential (<see cref="IbcKeys.MayHoldCredential"/>) is left blank (<c>IbPassword=</c>), and every line the parser
    /// cannot read, or a comment that looks like a credential setting, is left out. The file is taken for IBC's when it is
    /// named config.ini or holds a credential key; any other content (jts.ini, XML) comes back unchanged.
    /// </summary>
    public static byte[] WithoutCredentials(byte[] content, string? fileName = null)
    {
        if (!MayBeIbcConfig(fileName)) return content;
        var document = IniDocument.Parse(content);
        bool isIbc = System.IO.Path.GetFileName(fileName ?? string.Empty).Equals("config.ini", StringComparison.OrdinalIgnoreCase) || CredentialEntries(document).Count > 0;
        if (!isIbc) return content;
        foreach (var entry in document.Entries.Where(e => IbcKeys.MayHoldCredential(e.Key) && e.Value.Length > 0)) entry.ReplaceValue(string.Empty);
        document.RemoveLines(line => line.Kind == IniLineKind.Malformed || (line.Kind == IniLineKind.Comment && CommentedCredential(line.Text)));
        return document.ToBytes();
    }

    /// <summary>
    /// <paramref name="restored"/> with each credential key's value taken from <paramref name="current"/>: restoring a
    /// backup (which holds none) never changes the credentials. Content without credential keys comes back unchanged.
    /// </summary>
    public static byte[] WithCredentialsFrom(byte[] restored, byte[] current, string? fileName = null)
    {
        if (!MayBeIbcConfig(fileName)) return restored;
        var document = IniDocument.Parse(restored);
        if (!document.Entries.Any(e => IbcKeys.MayHoldCredential(e.Key))) return restored;
        var now = IniDocument.Parse(current);
        foreach (var entry in document.Entries.Where(e => IbcKeys.MayHoldCredential(e.Key)).ToArray())
        {
            if (now.Find(entry.SectionName, entry.Key)?.Value is { } value) entry.ReplaceValue(value);
        }

        return document.ToBytes();
    }

    /// <summary>The lines of the file the parser could not read (their numbers only: they may hold a credential).</summary>
    public IReadOnlyList<int> UnreadableLines => _document.UnreadableLinesIn(string.Empty);

    /// <summary>The bytes this config was parsed from.</summary>
    internal byte[] ContentRead => _document.ContentRead;

    // Only plain identifiers: an XML or binary line that happens to contain "password" is not an IBC key.
    private static IReadOnlyList<IniEntry> CredentialEntries(IniDocument document) =>
        document.Entries.Where(e => IbcKeys.IsCredential(e.Key) && e.Key.All(char.IsLetterOrDigit)).ToArray();

    // A profile XML or jts.ini (or a backup of one) is never IBC's config, whatever it holds.
    private static bool MayBeIbcConfig(string? fileName)
    {
        var name = System.IO.Path.GetFileName(fileName ?? string.Empty).ToLowerInvariant();
        return !name.Contains(".xml") && !name.StartsWith("jts.ini", StringComparison.Ordinal);
    }

    // "#IbPassword=secret": a commented-out credential is still a credential.
    private static bool CommentedCredential(string text)
    {
        var body = text.TrimStart(' ', '\t', ';', '#');
        var equals = body.IndexOf('=');
        var key = equals > 0 ? body.Substring(0, equals).Trim() : string.Empty;
        return key.Length > 0 && key.All(char.IsLetterOrDigit) && IbcKeys.MayHoldCredential(key); // not prose that mentions a password
    }

    /// <summary>The file's bytes, credentials and all: only for writing the file back in place.</summary>
    public byte[] ToBytes() => _document.ToBytes();

    public override string ToString() => Path;
}
