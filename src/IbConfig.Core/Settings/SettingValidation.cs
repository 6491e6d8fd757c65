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
                errors.Add(SettingFailure.NotWritable(request.Setting));
                continue;
            }
            if (!request.Setting.TryParse(request.Text, out var value, out var error))
            {
                errors.Add(SettingFailure.ValueInvalid(request.Setting, request.Text));
                continue;
            }
            values[request.Setting] = value!;
        }

        if (values.TryGetValue(SettingDefinition.SocketPort, out var port) && ConventionalPort.IsLive((int)port))
        {
            livePort = true;
            if (!allowLivePort)
            {
                errors.Add(SettingFailure.LivePortRefused((int)port));
            }
        }

        var restart = values.TryGetValue(SettingDefinition.AutoRestartTime, out var r) ? (TimeSpan?)r : current(SettingDefinition.AutoRestartTime) as TimeSpan?;
        var logoff = values.TryGetValue(SettingDefinition.AutoLogoffTime, out var l) ? (TimeSpan?)l : current(SettingDefinition.AutoLogoffTime) as TimeSpan?;
        var timesChanged = values.ContainsKey(SettingDefinition.AutoRestartTime) || values.ContainsKey(SettingDefinition.AutoLogoffTime);
        if (timesChanged && restart is { } restartTime && logoff is { } logoffTime && logoffTime >= restartTime)
        {
            errors.Add(SettingFailure.LogoffNotBeforeRestart(logoffTime, restartTime));
        }

        return values;
    }
}
