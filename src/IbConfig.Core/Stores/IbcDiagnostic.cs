namespace IbConfig.Core.Stores;

/// <summary>
/// A line of IBC's <c>config.ini</c> that could not be read as a setting. It names the line but never quotes it: a
/// mistyped credential line would otherwise show its password.
/// </summary>
public sealed class IbcDiagnostic
{
    internal IbcDiagnostic(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Message;
}
