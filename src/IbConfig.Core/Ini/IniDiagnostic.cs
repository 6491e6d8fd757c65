namespace IbConfig.Core.Ini;

/// <summary>A problem found on one line while parsing. The line itself is never dropped.</summary>
public sealed class IniDiagnostic
{
    private readonly IniLine _line;

    internal IniDiagnostic(IniLine line, IniDiagnosticKind kind, string message)
    {
        _line = line;
        Kind = kind;
        Message = message;
    }

    /// <summary>1-based line number in the document as it is now (it follows lines inserted above).</summary>
    public int LineNumber => _line.LineNumber;

    internal IniLine Line => _line;

    public IniDiagnosticKind Kind { get; }

    public string Message { get; }

    public override string ToString() => $"line {LineNumber}: {Message}";
}
