using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>The fallback <see cref="IDefaultPortSource"/>: IB's conventional ports (TWS 7497/7496, IB Gateway 4002/4001).</summary>
public sealed class ConventionalPortSource : IDefaultPortSource
{
    public DefaultPorts GetDefaultPorts(IbProduct? product, TradingMode? tradingMode) =>
        new(ConventionalPort.PortsFor(product, tradingMode), "IB's conventional ports");
}
