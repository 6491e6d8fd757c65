using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>
/// One item of the checklist: a small pure function over a <see cref="CheckContext"/> (the settings, stores, processes and
/// live results gathered beforehand), so each check is unit-tested with fixtures and never touches the machine itself.
/// </summary>
public abstract class IbCheck
{
    public abstract string Id { get; }

    public abstract string Name { get; }

    public abstract IbCheckCategory Category { get; }

    /// <summary>Live checks need the running gateway; -Offline skips them.</summary>
    public bool IsLive => Category == IbCheckCategory.Live;

    /// <summary>Usually one result; a check over several instances or stores may return one per item.</summary>
    public abstract IEnumerable<IbCheckResult> Evaluate(CheckContext context);

    protected IbCheckResult Pass(string expected, string actual, string source) =>
        Result(IbCheckStatus.Pass, expected, actual, source, null);

    protected IbCheckResult Warn(string expected, string actual, string source, string? remedy) =>
        Result(IbCheckStatus.Warn, expected, actual, source, remedy);

    protected IbCheckResult Fail(string expected, string actual, string source, string? remedy) =>
        Result(IbCheckStatus.Fail, expected, actual, source, remedy);

    protected IbCheckResult Skip(string expected, string reason) =>
        Result(IbCheckStatus.Skipped, expected, reason, string.Empty, null);

    /// <summary>"file:line" of a value, or the file alone when the value is not set.</summary>
    protected static string SourceOf(SettingValue? value, CheckContext context) =>
        value?.Source.Path is { } path ? path + (value.Source.LineNumber is { } line ? ":" + line : string.Empty)
        : context.SettingsPath ?? string.Empty;

    /// <summary>The Set-IbApiSetting command for this context's settings file.</summary>
    protected static string SetSetting(CheckContext context, string arguments) => "Set-IbApiSetting" + PathArgument(context) + " " + arguments;

    /// <summary>" -Path '...'" when a settings file is known, so the remedy changes the file that was checked.</summary>
    protected static string PathArgument(CheckContext context) =>
        context.SettingsPath is { } path ? " -Path " + CommandLineQuote.PowerShell(path) : string.Empty;

    /// <summary>The result when no settings were read, or no store that was read holds the value.</summary>
    protected IbCheckResult NotSet(CheckContext context, string expected, string setting, string remedy)
    {
        if (context.Settings is null) return Skip(expected, "No settings file was read.");
        var read = new[] { context.SettingsPath, context.Settings.ProfilePath, context.Settings.IbcConfigPath }.Where(p => p is not null);
        var hint = context.Settings.ProfilePath is null && context.Settings.Layout.HasFlag(JtsIniLayout.Real)
            ? " (IB keeps it in the profile XML, which was not found or cannot be read)" : string.Empty;
        return Warn(expected, $"{setting} is not set in {string.Join(", ", read)}{hint}", context.SettingsPath ?? string.Empty, remedy);
    }

    protected IbCheckResult Result(IbCheckStatus status, string expected, string actual, string source, string? remedy) =>
        new(Id, Name, Category, status, expected, actual, source, remedy);
}
