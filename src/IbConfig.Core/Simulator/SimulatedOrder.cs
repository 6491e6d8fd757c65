using System;

namespace IbConfig.Core.Simulator;

/// <summary>
/// One order the simulator works: what the client asked for (decoded from PLACE_ORDER) and how far it got. Orders are keyed
/// by client id and order id, as at IB, where each API client numbers its own orders.
/// </summary>
internal sealed class SimulatedOrder
{
    public SimulatedOrder(int clientId, int orderId, int permId, SimulatedContract contract)
    {
        ClientId = clientId;
        OrderId = orderId;
        PermId = permId;
        Contract = contract;
    }

    public int ClientId { get; }

    public int OrderId { get; }

    /// <summary>IB's permanent id, unique across clients; the simulator numbers them in order of arrival.</summary>
    public int PermId { get; }

    public SimulatedContract Contract { get; }

    public string Account { get; set; } = "";

    /// <summary>BUY or SELL.</summary>
    public string Action { get; set; } = "BUY";

    public decimal TotalQuantity { get; set; }

    /// <summary>MKT or LMT.</summary>
    public string OrderType { get; set; } = "MKT";

    public double? LimitPrice { get; set; }

    /// <summary>DAY or GTC.</summary>
    public string TimeInForce { get; set; } = "DAY";

    public string OrderRef { get; set; } = "";

    /// <summary>IB's order status text: PreSubmitted, Submitted, Filled, Cancelled.</summary>
    public string Status { get; set; } = OrderStatusText.PreSubmitted;

    public decimal Filled { get; set; }

    public decimal Remaining => TotalQuantity - Filled;

    public double AverageFillPrice { get; set; }

    public double LastFillPrice { get; set; }

    /// <summary>How many fills the order had: the slice number of its execution ids.</summary>
    public int FillCount { get; set; }

    /// <summary>When the order was filled or cancelled (the simulator's clock), for reqCompletedOrders.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsBuy => Action == "BUY";

    public bool IsOpen => Status is OrderStatusText.PreSubmitted or OrderStatusText.Submitted;

    public override string ToString() =>
        $"order {OrderId} of client {ClientId}: {Action} {TotalQuantity} {Contract.Symbol} {OrderType}" + (LimitPrice is double limit ? $" {limit}" : "") + $" {TimeInForce}, {Status}";
}
