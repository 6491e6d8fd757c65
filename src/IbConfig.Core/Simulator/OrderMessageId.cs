namespace IbConfig.Core.Simulator;

/// <summary>
/// Ids of the order requests a client may send (IB's EClient and @stoqey/ib's OUT_MSG_ID agree on them). IbConfig's client
/// never sends one. The simulator refuses them with error 321 when the API is read-only; otherwise its order book answers
/// them (docs/simulator.md, "Orders"), except exercise options ("not supported"). Which of them real read-only gateways
/// refuse is not documented; the read-models are refused too because the protocol notes say reqOpenOrders is
/// (uncertain), and ib_insync reports exactly that 321 when it connects without readonly=True.
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
