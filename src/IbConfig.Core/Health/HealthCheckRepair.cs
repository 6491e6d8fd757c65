using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Ibc;

namespace IbConfig.Core.Health;

/// <summary>
/// What Invoke-IbHealthCheck -Repair may do on its own: only the harmless fix, asking IBC to re-connect the market-data
/// farms (RECONNECTDATA) when the gateway reported them broken (2103/2105/2157). Restarts are left to people.
/// </summary>
public static class HealthCheckRepair
{
    public static bool NeedsDataReconnect(IEnumerable<IbCheckResult> results) =>
        results.Any(r => r.Id == IbCheckId.DataFarms && r.StatusValue is IbCheckStatus.Warn or IbCheckStatus.Fail);

    /// <summary>Sends RECONNECTDATA and describes the outcome in one line for the record ("RECONNECTDATA: Ok (reply)").</summary>
    public static async Task<string> ReconnectDataAsync(IbcCommandClient client, string computerName, int commandServerPort, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.SendAsync(computerName, commandServerPort, IbcCommand.ReconnectData, cancellationToken).ConfigureAwait(false);
            return $"RECONNECTDATA: {result.Status}{(result.Reply.Length > 0 ? " (" + result.Reply + ")" : string.Empty)}";
        }
        catch (IbConfigException ex)
        {
            return $"RECONNECTDATA: not sent ({ex.Message})";
        }
    }
}
