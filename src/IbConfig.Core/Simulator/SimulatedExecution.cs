using System;

namespace IbConfig.Core.Simulator;

/// <summary>One fill of an order (execDetails) and its commission (commissionReport).</summary>
internal sealed class SimulatedExecution
{
    public SimulatedExecution(SimulatedOrder order, string execId, DateTimeOffset time, decimal shares, double price, double commission, double? realizedPnl)
    {
        Order = order;
        ExecId = execId;
        Time = time;
        Shares = shares;
        Price = price;
        Commission = commission;
        RealizedPnl = realizedPnl;
        CumulativeQuantity = order.Filled;
        AveragePrice = order.AverageFillPrice;
    }

    public SimulatedOrder Order { get; }

    public string ExecId { get; }

    public DateTimeOffset Time { get; }

    public decimal Shares { get; }

    public double Price { get; }

    public double Commission { get; }

    /// <summary>The P&amp;L this fill realized by reducing a position; null when it opened or added to one.</summary>
    public double? RealizedPnl { get; }

    /// <summary>The order's filled quantity and average price once this fill counted.</summary>
    public decimal CumulativeQuantity { get; }

    public double AveragePrice { get; }

    /// <summary>IB's side text: BOT for a buy, SLD for a sell.</summary>
    public string Side => Order.IsBuy ? "BOT" : "SLD";
}
