namespace IbConfig.Core.Watch;

/// <summary>The kind of event an IB notice is (docs/monitoring.md, "TWS API notices a watcher sees").</summary>
public static class GatewayEventClassifier
{
    public static IbGatewayEventKind Classify(int code) => code switch
    {
        2104 or 2106 or 2158 => IbGatewayEventKind.FarmConnected,
        2103 or 2105 or 2157 => IbGatewayEventKind.FarmDisconnected,
        2107 or 2108 => IbGatewayEventKind.FarmInactive,
        1100 => IbGatewayEventKind.ConnectivityLost,
        1101 => IbGatewayEventKind.ConnectivityRestoredDataLost,
        1102 => IbGatewayEventKind.ConnectivityRestoredDataKept,
        2110 => IbGatewayEventKind.ApiClientBroken,
        _ => IbGatewayEventKind.Notice,
    };
}
