using System;
using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// Auto-logoff is not used in place of auto-restart: a gateway that only logs off stays down until someone logs in. With
/// both set, the guide logs off 5 minutes before the restart (IBC lets the restart win).
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
        var logoffValue = settings.Get("AutoLogoffTime");
        if (settings.AutoLogoffTime is not { } logoff) return new[] { Pass(expected, "no auto-logoff", context.SettingsPath ?? string.Empty) };
        var logoffText = SettingValueParser.FormatTime(logoff);
        if (settings.AutoRestartTime is not { } restart)
        {
            return new[]
            {
                Fail(expected, $"auto-logoff at {logoffText} and no auto-restart: the gateway stays logged off until someone logs in",
                    SourceOf(logoffValue, context), SetSetting(context, "-AutoRestartTime " + SettingValueParser.FormatTime(FiveMinutesAfter(logoff)))),
            };
        }
        var actual = $"logoff {logoffText}, restart {SettingValueParser.FormatTime(restart)}";
        if (logoff >= restart)
            return new[] { Warn(expected, actual + ": the logoff is not before the restart", SourceOf(logoffValue, context), SetSetting(context, "-AutoLogoffTime 23:50 -AutoRestartTime 23:55")) };
        return new[] { Pass(expected, actual, SourceOf(logoffValue, context)) };
    }

    private static TimeSpan FiveMinutesAfter(TimeSpan time) => TimeSpan.FromTicks((time + TimeSpan.FromMinutes(5)).Ticks % TimeSpan.TicksPerDay);
}
