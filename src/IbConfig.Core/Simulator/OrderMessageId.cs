namespace IbConfig.Core.Simulator;

/// <summary>
/// Ids of the order requests a client may send (IB's EClient and @stoqey/ib's OUT_MSG_ID agree on them). IbConfig's client
/// never sends one; the simulator rejects them: error 321 when the API is read-only, "not supported" otherwise.
/// Which of them real read-only gateways refuse is not documented; the read-models (5, 15, 16) are listed because the
/// protocol notes say reqOpenOrders is refused too (uncertain).
/// </summary>
public enum OrderMessageId
{
    PlaceOrder = 3,
    CancelOrder = 4,
    ReqOpenOrders = 5,
    ReqAutoOpenOrders = 15,
    ReqAllOpenOrders = 16,
    ExerciseOptions = 21,
    ReqGlobalCancel = 58,
}
