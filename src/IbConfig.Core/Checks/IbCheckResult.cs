namespace IbConfig.Core.Checks;

/// <summary>
/// One line of the checklist. Flat strings (and the structured <see cref="Fix"/> behind the remedy) so it serialises over
/// PowerShell remoting and into logs unchanged.
/// </summary>
public sealed class IbCheckResult
{
    public IbCheckResult(string id, string name, IbCheckCategory category, IbCheckStatus status, string expected, string actual,
        string source, string? remedy, SettingsFix? fix = null)
    {
        Fix = fix;
        Id = id;
        Name = name;
        CategoryValue = category;
        StatusValue = status;
        Expected = expected;
        Actual = actual;
        Source = source;
        Remedy = remedy ?? string.Empty;
    }

    /// <summary>Stable PascalCase id (e.g. <c>LocalhostTrusted</c>) that scripts and monitoring can key on.</summary>
    public string Id { get; }

    public string Name { get; }

    public string Category => CategoryValue.ToString();

    internal IbCheckCategory CategoryValue { get; }

    public string Status => StatusValue.ToString();

    internal IbCheckStatus StatusValue { get; }

    public string Expected { get; }

    public string Actual { get; }

    /// <summary>Where the actual value came from: <c>file:line</c>, <c>live</c>, or a short description.</summary>
    public string Source { get; }

    /// <summary>The exact command that fixes it (e.g. <c>Add-IbTrustedIp 127.0.0.1</c>); empty when nothing needs fixing.</summary>
    public string Remedy { get; }

    /// <summary>The remedy as a settings change that Repair-IbApiConfiguration can make; null when it is manual or live.</summary>
    public SettingsFix? Fix { get; }

    public override string ToString() => $"{Status} {Id}: {Actual}";
}
