namespace IbConfig.Core.Simulator;

/// <summary>The order status texts IB sends in ORDER_STATUS and OPEN_ORDER that the simulator plays.</summary>
internal static class OrderStatusText
{
    public const string PreSubmitted = "PreSubmitted";
    public const string Submitted = "Submitted";
    public const string Filled = "Filled";
    public const string Cancelled = "Cancelled";
}
