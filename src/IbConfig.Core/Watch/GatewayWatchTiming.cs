using System;

namespace IbConfig.Core.Watch;

/// <summary>How patiently a <see cref="GatewayWatcher"/> connects, how often it checks the gateway is alive, and its reconnect backoff.</summary>
public sealed class GatewayWatchTiming
{
    /// <summary>TCP, handshake, start-API and NEXT_VALID_ID must all arrive within this; later is "not logged in".</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the watcher asks for the server's time: it proves the gateway answers, and measures the clock skew.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first reconnect attempt; it doubles after each failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts (IB's nightly restart takes minutes).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Silence longer than this (three missed heartbeats) means the gateway no longer answers.</summary>
    public TimeSpan SilenceLimit => TimeSpan.FromTicks(HeartbeatInterval.Ticks * 3);

    /// <summary>The wait after <paramref name="failures"/> failed attempts in a row: doubling from the first delay, capped.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var delay = FirstRetryDelay;
        for (var i = 1; i < failures && delay < MaxRetryDelay; i++) delay = TimeSpan.FromTicks(delay.Ticks * 2);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a time that is not positive or a cap below the first delay.</summary>
    public GatewayWatchTiming Validate()
    {
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), ConnectTimeout, "Must be positive.");
        if (HeartbeatInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), HeartbeatInterval, "Must be positive.");
        if (FirstRetryDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FirstRetryDelay), FirstRetryDelay, "Must be positive.");
        if (MaxRetryDelay < FirstRetryDelay) throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "Must be at least the first retry delay.");
        return this;
    }
}
