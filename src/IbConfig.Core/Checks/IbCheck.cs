using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

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

    protected IbCheckResult Warn(string expected, string actual, string source, SettingsFix fix, CheckContext context) =>
        Fixed(IbCheckStatus.Warn, expected, actual, source, fix, context);

    protected IbCheckResult Fail(string expected, string actual, string source, SettingsFix fix, CheckContext context) =>
        Fixed(IbCheckStatus.Fail, expected, actual, source, fix, context);

    /// <summary>
    /// A result whose remedy is <paramref name="fix"/>, when the fix reaches a store IB reads. With a profile XML in play, a
    /// setting it has no place for (and IBC neither) would only land in the guide's jts.ini keys, which IB ignores
    /// (docs/settings-sources.md): the remedy is then the gateway's own settings page, and there is no fix to apply.
    /// </summary>
    private IbCheckResult Fixed(IbCheckStatus status, string expected, string actual, string source, SettingsFix fix, CheckContext context)
    {
        bool reachesIb = fix.TrustedIpOperation is not null || context.ProfilePath is null
            || fix.SettingNames.All(n => ProfileXmlStore.HoldsSetting(n) || (context.IbcConfigPath is not null && IbcConfigStore.HoldsSetting(n)));
        if (reachesIb) return Result(status, expected, actual, source, Command(fix, context), fix);
        var asked = string.Join(", ", fix.Settings.Select(s => $"{SettingDescription(s.Setting)} = {s.Text}"));
        return Result(status, expected, actual, source, $"In the gateway: Configure > Settings > API > Settings: {asked} (IbConfig cannot write where IB keeps it)");
    }

    private static string SettingDescription(SettingDefinition setting) => setting.Description.Split(':')[0].TrimEnd('.');

    /// <summary>The fix as a command that names every store the checklist read, so it changes exactly the stores checked.</summary>
    protected static string Command(SettingsFix fix, CheckContext context) =>
        fix.ToCommand(context.SettingsPath, context.ProfilePath, context.IbcConfigPath);

    /// <summary>
    /// The remedy that makes IB restart daily at <paramref name="time"/>: IBC's AutoRestartTime when IBC runs the gateway (it
    /// sets the one Lock-and-Exit time at every start); otherwise the gateway's own dialog, as IbConfig cannot write the
    /// profile's restart choice (docs/settings-sources.md, AutoRestartTime).
    /// </summary>
    protected static (string Remedy, SettingsFix? Fix) RestartRemedy(CheckContext context, TimeSpan time)
    {
        if (context.IbcConfigPath is not null)
        {
            var fix = SettingsFix.Set(StoreTargets.Of(SettingStore.Ibc), new SettingRequest(SettingDefinition.AutoRestartTime, SettingValueParser.FormatTime(time).Substring(0, 5)));
            return (Command(fix, context), fix);
        }
        var clock = DateTime.Today.Add(time).ToString("hh:mm tt", CultureInfo.InvariantCulture);
        return ($"In the gateway: Configure > Settings > Lock and Exit, choose Auto restart at {clock} (or run it under IBC with AutoRestartTime={clock})", null);
    }

    /// <summary>The seed guide's own <c>s.*</c> keys in jts.ini, which IB does not read (docs/settings-sources.md).</summary>
    protected static bool IsGuideKey(SettingValue value) =>
        value.Source.StoreValue == SettingStore.JtsIni && value.Source.Key.StartsWith("s.", StringComparison.Ordinal);

    /// <summary>The result when no settings were read, or no store that was read holds the value.</summary>
    protected IbCheckResult NotSet(CheckContext context, string expected, string setting, SettingsFix fix)
    {
        if (context.Settings is null) return Skip(expected, "No settings file was read.");
        var read = new[] { context.SettingsPath, context.Settings.ProfilePath, context.Settings.IbcConfigPath }.Where(p => p is not null);
        var hint = context.Settings.ProfilePath is null && context.Settings.LayoutValue.HasFlag(JtsIniLayout.Real)
            ? " (IB keeps it in the profile XML, which was not found or cannot be read)" : string.Empty;
        return Warn(expected, $"{setting} is not set in {string.Join(", ", read)}{hint}", context.SettingsPath ?? string.Empty, fix, context);
    }

    protected IbCheckResult Result(IbCheckStatus status, string expected, string actual, string source, string? remedy, SettingsFix? fix = null) =>
        new(Id, Name, Category, status, expected, actual, source, remedy, fix);
}
