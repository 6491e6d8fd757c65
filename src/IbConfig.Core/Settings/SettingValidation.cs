using System;
using System.Collections.Generic;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Settings;

/// <summary>
/// The checks every write runs before any store works out its changes, so jts.ini, the profile XML and IBC's config.ini
/// refuse the same things: a setting that is not writable, a value that does not parse, a live port without permission,
/// an auto-logoff that is not before the auto-restart.
/// </summary>
public static class SettingValidation
{
    /// <param name="current">The store's current typed value of a setting (null when it has none): the time check uses it.</param>
    /// <returns>The typed value of every valid request; each bad one is added to <paramref name="errors"/>.</returns>
    public static IReadOnlyDictionary<SettingDefinition, object> Validate(IEnumerable<SettingRequest> requests, bool allowLivePort,
        Func<SettingDefinition, object?> current, ICollection<IbConfigException> errors, out bool livePort)
    {
        var values = new Dictionary<SettingDefinition, object>();
        livePort = false;
        foreach (var request in requests)
        {
            if (!request.Setting.IsWritable)
            {
                errors.Add(new IbConfigException("SettingNotWritable", IbErrorKind.InvalidArgument,
                    $"{request.Setting.Name} is not changed by Set-IbApiSetting ({request.Setting.Description}).", request.Setting.Name));
                continue;
            }
            if (!request.Setting.TryParse(request.Text, out var value, out var error))
            {
                errors.Add(new IbConfigException("SettingValueInvalid", IbErrorKind.InvalidArgument, error, request.Text));
                continue;
            }
            values[request.Setting] = value!;
        }

        if (values.TryGetValue(SettingDefinition.SocketPort, out var port) && ConventionalPort.IsLive((int)port))
        {
            livePort = true;
            if (!allowLivePort)
            {
                errors.Add(new IbConfigException("LivePortRefused", IbErrorKind.SecurityError,
                    $"Port {ConventionalPort.Find((int)port)} is a live-trading port: a bot connected to it can place real trades. " +
                    $"Pass -AllowLivePort if you mean it; paper trading uses {string.Join(" or ", ConventionalPort.PortsFor(null, TradingMode.Paper))}.", (int)port));
            }
        }

        var restart = values.TryGetValue(SettingDefinition.AutoRestartTime, out var r) ? (TimeSpan?)r : current(SettingDefinition.AutoRestartTime) as TimeSpan?;
        var logoff = values.TryGetValue(SettingDefinition.AutoLogoffTime, out var l) ? (TimeSpan?)l : current(SettingDefinition.AutoLogoffTime) as TimeSpan?;
        var timesChanged = values.ContainsKey(SettingDefinition.AutoRestartTime) || values.ContainsKey(SettingDefinition.AutoLogoffTime);
        if (timesChanged && restart is { } restartTime && logoff is { } logoffTime && logoffTime >= restartTime)
        {
            errors.Add(new IbConfigException("AutoLogoffNotBeforeRestart", IbErrorKind.InvalidArgument,
                $"Auto-logoff ({SettingValueParser.FormatTime(logoffTime)}) must come before auto-restart ({SettingValueParser.FormatTime(restartTime)}), " +
                "so the gateway logs off cleanly first (the guide: logoff 23:50, restart 23:55).", SettingValueParser.FormatTime(logoffTime)));
        }

        return values;
    }
}
