namespace IbConfig.Core.Simulator;

/// <summary>
/// Ids of the read requests ib_insync and ib_async send while they connect (besides positions and the order read-models in
/// <see cref="OrderMessageId"/>) and wait on until the matching END arrives. IbConfig's own client never sends them; the
/// simulator answers them like a gateway with no orders and no executions, so those clients connect without time-outs.
/// </summary>
public enum StartupRequestId
{
    /// <summary>REQ_ACCOUNT_DATA: version 2, subscribe (0/1), account code.</summary>
    ReqAccountUpdates = 6,

    /// <summary>REQ_EXECUTIONS: version 3, reqId, then the execution filter.</summary>
    ReqExecutions = 7,

    /// <summary>REQ_ACCOUNT_UPDATES_MULTI: version 1, reqId, account, model code, ledgerAndNLV.</summary>
    ReqAccountUpdatesMulti = 76,

    /// <summary>CANCEL_ACCOUNT_UPDATES_MULTI: version 1, reqId.</summary>
    CancelAccountUpdatesMulti = 77,

    /// <summary>REQ_COMPLETED_ORDERS: apiOnly, no version field (server version 150 and later).</summary>
    ReqCompletedOrders = 99,
}
