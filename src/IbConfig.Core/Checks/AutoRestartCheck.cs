using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// A daily auto-restart is set where IB applies it (the guide: 11:55 PM), so the gateway survives IB's nightly reset
/// without a new login. The guide's <c>[Startup] s.AutoRestartTime</c> alone does not count: IB does not read it
/// (docs/settings-sources.md, AutoRestartTime).
/// </summary>
public sealed class AutoRestartCheck : IbCheck
{
    /// <summary>The guide's restart time, 11:55 PM.</summary>
    public static readonly System.TimeSpan GuideTime = new(23, 55, 0);

    public override string Id => IbCheckId.AutoRestart;

    public override string Name => "Daily auto-restart set";

    public override IbCheckCategory Category => IbCheckCategory.Restart;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "an auto-restart time IB applies (the guide: 23:55)";
        if (context.Settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var value = context.Settings.Get(SettingDefinition.AutoRestartTime.Name);
        if (value is { IsValid: true, TypedValue: System.TimeSpan time } && !IsGuideKey(value))
            return new[] { Pass(expected, SettingValueParser.FormatTime(time), SourceOf(value, context)) };
        var actual = value switch
        {
            null => "no auto-restart time is set",
            { IsValid: false } => $"'{value.Text}': {value.Problem}",
            _ => $"only the guide's {value.Source.Key}={value.Text} says so, and IB does not read it",
        };
        var (remedy, fix) = RestartRemedy(context, GuideTime);
        return new[] { Result(value?.IsValid == false ? IbCheckStatus.Fail : IbCheckStatus.Warn, expected, actual, SourceOf(value, context), remedy, fix) };
    }

}
