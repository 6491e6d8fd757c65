using System.Collections.Generic;
using IbConfig.Core.Network;

namespace IbConfig.Core.Checks;

/// <summary>The health check's own client id is free (error 326 otherwise): a monitor that collides with a bot gets refused, or refuses the bot.</summary>
public sealed class HealthClientIdFreeCheck : IbCheck
{
    public override string Id => IbCheckId.HealthClientIdFree;

    public override string Name => "Health-check client id is free";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        var expected = $"client id {context.Request.ClientId} not in use";
        var connection = context.Connection;
        if (connection is null || connection.ServerVersion is null) return new[] { Skip(expected, "The API session did not start (see ApiHandshake).") };
        if (connection.StatusValue == IbConnectionStatus.ClientIdInUse)
        {
            var other = connection.ClientId == int.MaxValue ? 998 : connection.ClientId + 1;
            return new[] { Fail(expected, $"client id {connection.ClientId} is in use (error 326)", "live", $"Test-IbApiConfiguration -ClientId {other}") };
        }
        if (connection.StartApiMs is null) return new[] { Skip(expected, "The API session did not start (see ApiHandshake).") };
        return new[] { Pass(expected, $"client id {connection.ClientId} accepted", "live") };
    }
}
