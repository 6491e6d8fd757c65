namespace IbConfig.Core.Simulator;

/// <summary>IB's order error codes and texts the simulator sends, always on the order's id (docs/simulator.md, "Orders").</summary>
internal static class OrderErrorCode
{
    public const int DuplicateId = 103;
    public const string DuplicateIdText = "Duplicate order id";

    public const int ModifyFilled = 104;
    public const string ModifyFilledText = "Can't modify a filled order.";

    public const int ModifyMismatch = 105;
    public const string ModifyMismatchText = "Order being modified does not match original order.";

    /// <summary>IB writes the reason after the colon.</summary>
    public const int Rejected = 201;
    public const string RejectedText = "Order rejected - reason:";

    /// <summary>Sent with the Cancelled status of an order cancelled at the client's request.</summary>
    public const int Cancelled = 202;
    public const string CancelledText = "Order Canceled - reason:";

    public const int UnsupportedType = 387;
    public const string UnsupportedTypeText = "Unsupported order type for this exchange and security type.";

    /// <summary>cancelOrder of an id the client has no order under; {0} is the id.</summary>
    public const int CancelNotFound = 10147;
    public const string CancelNotFoundText = "OrderId {0} that needs to be cancelled is not found.";

    /// <summary>cancelOrder of an order already filled or cancelled; {0} is the id, {1} its state.</summary>
    public const int CannotCancel = 10148;
    public const string CannotCancelText = "OrderId {0} that needs to be cancelled cannot be cancelled, state: {1}.";
}
