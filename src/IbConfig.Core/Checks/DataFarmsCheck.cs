using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Checks;

/// <summary>
/// The market-data farms the gateway reported on connect are connected (2104/2106/2158 OK, not 2103/2105/2157 broken).
/// A broken farm leaves the API up but starves the bot of data; IBC's RECONNECTDATA is the fix.
/// </summary>
public sealed class DataFarmsCheck : IbCheck
{
    public override string Id => IbCheckId.DataFarms;

    public override string Name => "Market-data farms connected";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "no farm reported broken";
        var connection = context.Connection;
        if (connection is null || connection.StartApiMs is null) return new[] { Skip(expected, "The API session did not start (see ApiHandshake).") };
        var farms = TwsNotice.LatestFarmStatus(connection.Notices);
        if (farms.Count == 0) return new[] { Pass(expected, "no farm status reported", "live") };
        var broken = farms.Where(n => n.IsFarmBroken).ToList();
        if (broken.Count == 0) return new[] { Pass(expected, string.Join(", ", farms.Select(n => (n.Farm.Length > 0 ? n.Farm : n.Message) + " OK")), "live") };
        return new[]
        {
            Warn(expected, string.Join("; ", broken.Select(n => $"{n.Code} {n.Message}")), "live",
                "Send-IbcCommand ReconnectData (or Invoke-IbHealthCheck -Repair)"),
        };
    }
}
