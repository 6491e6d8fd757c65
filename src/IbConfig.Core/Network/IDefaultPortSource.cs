using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>
/// Where <c>Test-IbPort</c> gets the ports to probe when the user names none. <see cref="ConventionalPortSource"/> gives
/// IB's conventional ports; a source that reads the effective settings (the configured socket port) can replace it.
/// </summary>
public interface IDefaultPortSource
{
    /// <summary>The ports for a product (null = both) and a trading mode (null = both), paper first.</summary>
    DefaultPorts GetDefaultPorts(IbProduct? product, TradingMode? tradingMode);
}
