using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>A daily auto-restart is set (the guide: 11:55 PM), so the gateway survives IB's nightly reset without a new login.</summary>
public sealed class AutoRestartCheck : IbCheck
{
    public override string Id => IbCheckId.AutoRestart;

    public override string Name => "Daily auto-restart set";

    public override IbCheckCategory Category => IbCheckCategory.Restart;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "an auto-restart time (the guide: 23:55)";
        var value = context.Settings?.Get("AutoRestartTime");
        if (context.Settings?.AutoRestartTime is { } time)
            return new[] { Pass(expected, SettingValueParser.FormatTime(time), SourceOf(value, context)) };
        if (value is not null && !value.IsValid)
            return new[] { Fail(expected, $"'{value.Text}': {value.Problem}", SourceOf(value, context), SetSetting(context, "-AutoRestartTime 23:55")) };
        return new[] { NotSet(context, expected, "AutoRestartTime", SetSetting(context, "-AutoRestartTime 23:55")) };
    }
}
