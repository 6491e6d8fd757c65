using System;
using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// Auto-logoff is not used in place of auto-restart: a gateway that only logs off stays down until someone logs in. IB
/// keeps one Lock-and-Exit time that either logs off or restarts, so the remedy turns it into a restart 5 minutes after
/// the logoff time. The guide's <c>s.*</c> keys do not count (IB does not read them).
/// </summary>
public sealed class LogoffBeforeRestartCheck : IbCheck
{
    public override string Id => IbCheckId.LogoffBeforeRestart;

    public override string Name => "Auto-logoff not in place of restart";

    public override IbCheckCategory Category => IbCheckCategory.Restart;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "auto-restart, with any auto-logoff before it";
        var settings = context.Settings;
        if (settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var logoffValue = Applied(settings.Get(SettingDefinition.AutoLogoffTime.Name));
        if (logoffValue?.TypedValue is not TimeSpan logoff) return new[] { Pass(expected, "no auto-logoff", context.SettingsPath ?? string.Empty) };
        var logoffText = SettingValueParser.FormatTime(logoff);
        if (Applied(settings.Get(SettingDefinition.AutoRestartTime.Name))?.TypedValue is not TimeSpan restart)
        {
            var actual = $"auto-logoff at {logoffText} and no auto-restart: the gateway stays logged off until someone logs in";
            var (remedy, fix) = RestartRemedy(context, FiveMinutesAfter(logoff));
            return new[] { Result(IbCheckStatus.Fail, expected, actual, SourceOf(logoffValue, context), remedy, fix) };
        }
        var both = $"logoff {logoffText}, restart {SettingValueParser.FormatTime(restart)}";
        if (logoff >= restart)
            return new[] { Warn(expected, both + ": the logoff is not before the restart", SourceOf(logoffValue, context), "In the gateway: Configure > Settings > Lock and Exit, keep only Auto restart") };
        return new[] { Pass(expected, both, SourceOf(logoffValue, context)) };
    }

    private static SettingValue? Applied(SettingValue? value) => value is { IsValid: true } && !IsGuideKey(value) ? value : null;

    private static TimeSpan FiveMinutesAfter(TimeSpan time) => TimeSpan.FromTicks((time + TimeSpan.FromMinutes(5)).Ticks % TimeSpan.TicksPerDay);
}
