using System.Collections.Generic;
using IbConfig.Core.Network;

namespace IbConfig.Core.Checks;

/// <summary>
/// The guide's verification script, natively: the TWS API handshake and start-API succeed and the gateway is logged in
/// (NEXT_VALID_ID arrives). This is what a bare TCP check misses: a socat relay or a logged-out gateway accepts TCP all the same.
/// </summary>
public sealed class ApiHandshakeCheck : IbCheck
{
    public override string Id => IbCheckId.ApiHandshake;

    public override string Name => "API handshake and login";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "handshake, start-API and a logged-in gateway";
        var connection = context.Connection;
        if (connection is null) return new[] { Skip(expected, "No API port is known: pass -Port or -Path.") };
        var target = $"{connection.ComputerName}:{connection.Port}";
        return new[]
        {
            connection.StatusValue switch
            {
                IbConnectionStatus.Success or IbConnectionStatus.TradingModeMismatch or IbConnectionStatus.NoAccounts or IbConnectionStatus.RequestRejected =>
                    Pass(expected, $"{target}: server version {connection.ServerVersion}, logged in ({connection.TotalMs:0} ms)", "live"),
                // The handshake itself worked; HealthClientIdFree reports the clash.
                IbConnectionStatus.ClientIdInUse => Pass(expected, $"{target}: server version {connection.ServerVersion}; client id {connection.ClientId} in use", "live"),
                _ => Fail(expected, $"{target}: {connection.Status}. {connection.Diagnosis}", "live", connection.Remedy ?? $"Test-IbConnection -Port {connection.Port} -Verbose"),
            },
        };
    }
}
