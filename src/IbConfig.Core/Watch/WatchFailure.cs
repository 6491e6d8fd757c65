using System;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Watch;

/// <summary>The failures of watching a gateway's session.</summary>
public static class WatchFailure
{
    public static IbConfigException DurationInvalid(TimeSpan duration) =>
        new("WatchDurationInvalid", IbErrorKind.InvalidArgument,
            $"-Duration {duration} is not positive. Give how long to watch, e.g. -Duration 00:30:00.", duration);

    public static IbConfigException WatcherStopped(Exception why) =>
        new("WatchFailed", IbErrorKind.InvalidOperation,
            $"A watcher stopped: {why.Message} Check the gateway and start Watch-IbGateway again.", null, why);
}
