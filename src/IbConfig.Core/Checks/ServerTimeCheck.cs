using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Checks;

/// <summary>
/// The server's clock (CURRENT_TIME) is within 5 seconds of this computer's: a drifting clock skews a bot's bar times and
/// order timestamps, and IB's servers are the reference.
/// </summary>
public sealed class ServerTimeCheck : IbCheck
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(5);

    public override string Id => IbCheckId.ServerTime;

    public override string Name => "Server time within 5 s of this clock";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "|server - local| <= 5 s";
        if (context.Connection?.ClockSkewValue is not { } skew) return new[] { Skip(expected, "The server's time was not read (see ApiHandshake).") };
        var actual = $"{context.Connection.ServerTime:yyyy-MM-dd HH:mm:ss} UTC, skew {skew.TotalSeconds:+0;-0;0} s";
        if (skew.Duration() <= MaxSkew) return new[] { Pass(expected, actual, "live") };
        var remedy = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "w32tm /resync" : "sudo chronyc makestep (or: timedatectl set-ntp true)";
        return new[] { Warn(expected, actual, "live", remedy) };
    }
}
