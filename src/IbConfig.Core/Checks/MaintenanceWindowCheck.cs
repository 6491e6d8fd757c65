using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>
/// Not a judgement but an output: the planned downtime the restart schedule implies (the daily auto-restart, IBC's weekly
/// cold restart or closedown), with the next occurrence, so monitoring can mute alerts then.
/// </summary>
public sealed class MaintenanceWindowCheck : IbCheck
{
    /// <summary>A restart takes the API away for a few minutes; the window covers the restart and the re-login after it.</summary>
    public static readonly TimeSpan RestartDowntime = TimeSpan.FromMinutes(10);

    public override string Id => IbCheckId.MaintenanceWindow;

    public override string Name => "Maintenance window (mute alerts then)";

    public override IbCheckCategory Category => IbCheckCategory.Restart;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "a known window for planned restarts";
        var windows = Windows(context);
        if (windows.Count == 0) return new[] { Skip(expected, "No restart is scheduled (see AutoRestart).") };
        var now = context.Now.LocalDateTime;
        var next = windows.OrderBy(w => w.NextStart(now)).First();
        var actual = string.Join("; ", windows.Select(w => w.ToString())) + $"; next {next.NextStart(now):ddd yyyy-MM-dd HH:mm}";
        return new[] { Pass(expected, actual, SourceOf(context.Settings?.Get("AutoRestartTime"), context)) };
    }

    /// <summary>The windows the context's schedule implies, daily first.</summary>
    public static IReadOnlyList<MaintenanceWindow> Windows(CheckContext context) => Windows(context.Settings);

    /// <summary>The windows these settings' schedule implies, daily first; none without settings.</summary>
    public static IReadOnlyList<MaintenanceWindow> Windows(IbApiSettings? settings)
    {
        var windows = new List<MaintenanceWindow>();
        if (settings?.AutoRestartTimeValue is { } restart)
        {
            // The logoff (when set and earlier the same evening) opens the window.
            var start = settings.AutoLogoffTimeValue is { } logoff && logoff < restart && restart - logoff <= TimeSpan.FromHours(1) ? logoff : restart;
            windows.Add(new MaintenanceWindow(null, start, restart - start + RestartDowntime, "auto-restart"));
        }
        if (settings?.Get(IbcKeys.ColdRestartTime) is { IsValid: true, TypedValue: TimeSpan cold })
            windows.Add(new MaintenanceWindow(DayOfWeek.Sunday, cold, RestartDowntime + RestartDowntime, "IBC cold restart, new login"));
        if (settings?.Get(IbcKeys.ClosedownAt) is { } closedown && MaintenanceWindow.TryParseDayAndTime(closedown.Text, out var day, out var at))
            windows.Add(new MaintenanceWindow(day, at, RestartDowntime + RestartDowntime, "IBC closedown, until restarted"));
        return windows;
    }
}
