using System.Globalization;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The fields of PLACE_ORDER the simulator honours, at the positions @stoqey/ib 1.6.10 encodes them for server version 100
/// and later: order id, the contract (conId .. secId), then action, totalQuantity, orderType, lmtPrice, auxPrice, tif,
/// ocaGroup, account, openClose, origin, orderRef. The version field went away at ORDER_CONTAINER (145).
/// </summary>
internal sealed class PlaceOrderRequest
{
    private const int OrderContainer = 145;

    private PlaceOrderRequest(TwsMessage request, int at)
    {
        OrderId = request.GetInt(at);
        ConId = int.TryParse(request.GetString(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var conId) ? conId : 0;
        Symbol = request.GetString(at + 2).Trim();
        SecType = request.GetString(at + 3).Trim();
        Exchange = request.GetString(at + 8).Split(':')[0].Trim();
        Currency = request.GetString(at + 10).Trim();
        Action = request.GetString(at + 15).Trim().ToUpperInvariant();
        QuantityText = request.GetString(at + 16).Trim();
        OrderType = request.GetString(at + 17).Trim().ToUpperInvariant();
        LimitPriceText = request.GetString(at + 18).Trim();
        TimeInForce = request.GetString(at + 20).Trim().ToUpperInvariant();
        Account = request.GetString(at + 22).Trim();
        OrderRef = request.Count > at + 25 ? request.GetString(at + 25) : "";
    }

    public int OrderId { get; }
    public int ConId { get; }
    public string Symbol { get; }
    public string SecType { get; }
    public string Exchange { get; }
    public string Currency { get; }
    public string Action { get; }
    public string QuantityText { get; }
    public string OrderType { get; }
    public string LimitPriceText { get; }
    public string TimeInForce { get; }
    public string Account { get; }
    public string OrderRef { get; }

    /// <summary>Reads the request; a missing field throws <see cref="TwsProtocolException"/> (answered with IB's 320).</summary>
    public static PlaceOrderRequest Read(TwsMessage request, int serverVersion) => new(request, serverVersion < OrderContainer ? 2 : 1);

    /// <summary>The quantity, or null when it is not a positive number.</summary>
    public decimal? Quantity => decimal.TryParse(QuantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : null;

    /// <summary>The limit price, or null when unset (empty, or IB's Double.MAX_VALUE sentinel) or not a number.</summary>
    public double? LimitPrice => double.TryParse(LimitPriceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p < double.MaxValue && p > 0 ? p : null;
}
