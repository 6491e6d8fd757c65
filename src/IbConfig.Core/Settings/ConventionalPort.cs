using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// IB's conventional API ports (docs/ib-settings.md, "Ports"): TWS 7496 live / 7497 paper, IB Gateway 4001 live / 4002 paper.
/// The seed guide uses 7496/7497 for both products. A port only suggests a trading mode; a live one can place real trades.
/// </summary>
public sealed class ConventionalPort
{
    private ConventionalPort(int port, IbProduct product, TradingMode tradingMode)
    {
        Port = port;
        Product = product;
        TradingMode = tradingMode;
    }

    public int Port { get; }

    public IbProduct Product { get; }

    public TradingMode TradingMode { get; }

    public static IReadOnlyList<ConventionalPort> All { get; } = new[]
    {
        new ConventionalPort(7497, IbProduct.Tws, TradingMode.Paper),
        new ConventionalPort(7496, IbProduct.Tws, TradingMode.Live),
        new ConventionalPort(4002, IbProduct.Gateway, TradingMode.Paper),
        new ConventionalPort(4001, IbProduct.Gateway, TradingMode.Live),
    };

    /// <summary>What a port conventionally means, or null for a port IB does not use by default.</summary>
    public static ConventionalPort? Find(int port) => All.FirstOrDefault(p => p.Port == port);

    /// <summary>True for 7496 and 4001: selecting one needs an explicit switch.</summary>
    public static bool IsLive(int port) => Find(port)?.TradingMode == TradingMode.Live;

    /// <summary>The ports for a product (null = both) and a trading mode (null = both), paper first.</summary>
    public static IReadOnlyList<int> PortsFor(IbProduct? product, TradingMode? tradingMode) =>
        All.Where(p => (product is null || p.Product == product) && (tradingMode is null || p.TradingMode == tradingMode))
           .OrderBy(p => p.TradingMode == TradingMode.Live)
           .Select(p => p.Port)
           .ToArray();

    /// <summary>A one-line list for messages: "TWS live 7496 / paper 7497, IB Gateway live 4001 / paper 4002".</summary>
    public static string Describe() => "TWS live 7496 / paper 7497, IB Gateway live 4001 / paper 4002";

    public override string ToString() => $"{Port} ({(Product == IbProduct.Tws ? "TWS" : "IB Gateway")} {TradingMode.ToString().ToLowerInvariant()})";
}
