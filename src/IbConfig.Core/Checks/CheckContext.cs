using System;

namespace IbConfig.Core.Checks;

/// <summary>
/// Everything the checks look at, gathered once before they run: the request, the clock, and (as they are loaded) the
/// settings stores, the gateway processes and the live probe results. Checks read it and never touch the machine.
/// </summary>
public sealed class CheckContext
{
    public CheckContext(CheckRequest request, DateTimeOffset now)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Now = now;
    }

    public CheckRequest Request { get; }

    /// <summary>Local time when the facts were gathered (server-time skew, the next maintenance window).</summary>
    public DateTimeOffset Now { get; }
}
