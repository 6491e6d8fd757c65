namespace IbConfig.Core.Ini;

/// <summary>Why a line was reported while parsing an ini file.</summary>
public enum IniDiagnosticKind
{
    /// <summary>Not blank, not a comment, not a section header, and has no '='.</summary>
    MissingEquals,

    /// <summary>Starts with '=': a value with no key.</summary>
    EmptyKey,

    /// <summary>Starts with '[' but is not a complete <c>[Name]</c>.</summary>
    BadSectionHeader,

    /// <summary>Holds NUL or other control characters: binary data, not settings.</summary>
    ControlCharacters,

    /// <summary>Longer than <see cref="IniDocument.MaxLineLength"/>: kept but not parsed.</summary>
    LineTooLong,

    /// <summary>Not valid UTF-8: its bytes are kept exactly and read as Latin-1.</summary>
    InvalidUtf8,

    /// <summary>A key that appears more than once in the same section.</summary>
    DuplicateKey,

    /// <summary>A section header that appears more than once.</summary>
    DuplicateSection,
}
