using System.Collections.Generic;
using IbConfig.Core.Stores;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>
/// A plan for IB's weekly full re-login: the daily auto-restart keeps a session for about a week, then IB wants a fresh
/// login (with two-factor authentication). IBC's ColdRestartTime (a cold restart on Sundays) or ClosedownAt (a weekly
/// closedown that a supervisor follows with a fresh start) is that plan; without one the gateway stops once a week.
/// </summary>
public sealed class WeeklyReloginCheck : IbCheck
{
    public override string Id => IbCheckId.WeeklyRelogin;

    public override string Name => "Plan for IB's weekly re-login";

    public override IbCheckCategory Category => IbCheckCategory.Restart;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "IBC ColdRestartTime or ClosedownAt";
        var settings = context.Settings;
        if (settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var cold = settings.Get(IbcKeys.ColdRestartTime);
        if (cold is { IsValid: true } && cold.Text.Length > 0)
            return new[] { Pass(expected, $"IBC cold restart on Sundays at {cold.DisplayValue.Substring(0, 5)}", SourceOf(cold, context)) };
        var closedown = settings.Get(IbcKeys.ClosedownAt);
        if (closedown is not null && MaintenanceWindow.TryParseDayAndTime(closedown.Text, out var day, out _))
            return new[] { Pass(expected, $"IBC closes the gateway {(day is null ? "daily" : "every " + day)} at {closedown.Text.Trim().Split(' ')[^1]}; its supervisor must start it again", SourceOf(closedown, context)) };
        if (context.IbcConfigPath is { } ibc)
        {
            var actual = closedown is not null && closedown.Text.Length > 0 ? $"ClosedownAt '{closedown.Text}' does not read as [day] hh:mm" : "neither is set";
            return new[] { Warn(expected, actual + ": the gateway stops at IB's weekly re-login", ibc, $"Add 'ColdRestartTime=07:05' to {CommandLineQuote.PowerShell(ibc)}") };
        }
        return new[]
        {
            Warn(expected, "no IBC config.ini: nothing logs the gateway in again after IB's weekly re-login", context.SettingsPath ?? string.Empty,
                "Run the gateway under IBC with ColdRestartTime=07:05 in its config.ini, or log in by hand every Sunday"),
        };
    }
}
