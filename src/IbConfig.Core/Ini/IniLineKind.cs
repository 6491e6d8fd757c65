namespace IbConfig.Core.Ini;

/// <summary>What one physical line of an ini file is.</summary>
public enum IniLineKind
{
    /// <summary>Empty, or only spaces and tabs.</summary>
    Blank,

    /// <summary>First non-blank character is <c>;</c> or <c>#</c>.</summary>
    Comment,

    /// <summary><c>[Name]</c>.</summary>
    SectionHeader,

    /// <summary><c>key=value</c>.</summary>
    Entry,

    /// <summary>Anything else (no <c>=</c>, binary junk, an enormous line): kept verbatim and reported as a diagnostic.</summary>
    Malformed,
}
