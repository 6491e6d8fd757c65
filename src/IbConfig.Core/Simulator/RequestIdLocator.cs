using System.Globalization;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Names requests and finds the request id (or order id) inside a request the simulator does not implement, so its "not supported" error
/// reaches the caller waiting on that id instead of a generic -1. Positions follow IB's EClient as @stoqey/ib 1.6.10 encodes
/// them; several requests dropped their version field at some server version. Unknown requests give -1.
/// </summary>
public static class RequestIdLocator
{
    /// <summary>The index of the id field in a request with this message id at this server version, or -1 when there is none.</summary>
    public static int IndexOf(int messageId, int serverVersion) => messageId switch
    {
        3 => serverVersion < 145 ? 2 : 1,       // PLACE_ORDER: version field dropped at ORDER_CONTAINER (145)
        4 => serverVersion < 192 ? 2 : 1,       // CANCEL_ORDER: version field dropped at CME_TAGGING_FIELDS (192)
        20 => serverVersion < 124 ? 2 : 1,      // REQ_HISTORICAL_DATA: dropped at SYNT_REALTIME_BARS (124)
        22 => serverVersion < 143 ? 2 : 1,      // REQ_SCANNER_SUBSCRIPTION: dropped at SCANNER_GENERIC_OPTS (143)
        // id after a version field
        1 or 2 or 7 or 9 or 10 or 11 or 21 or 23 or 25 or 50 or 51 or 52 or 53 or 54 or 55 or 56 or 57
            or 63 or 67 or 68 or 69 or 70 or 74 or 75 or 76 or 77 => 2,
        // id right after the message id
        78 or 79 or 81 or 83 or 84 or 86 or 87 or 88 or 89 or 90 or 92 or 93 or 94 or 95 or 96 or 97 or 98
            or 100 or 101 or 102 or 103 or 104 => 1,
        _ => -1,
    };

    /// <summary>Cancels and unsubscribes: IB answers none of them, whatever they name (docs/simulator.md, "Requests").</summary>
    public static bool IsCancel(int messageId) => messageId is 2 or 11 or 13 or 23 or 25 or 51 or 53 or 56 or 57 or 63 or 64 or 70
        or 75 or 77 or 89 or 90 or 93 or 95 or 98 or 101 or 103;

    /// <summary>The request's own id (or order id), or -1 when it has none or it does not parse.</summary>
    public static int Read(TwsMessage request, int serverVersion)
    {
        var index = IndexOf(request.Id, serverVersion);
        return index > 0 && index < request.Count && int.TryParse(request.Fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : GatewayErrorCode.NoRequestId;
    }

    /// <summary>IB's name for a request id (EClient's outgoing message ids), for messages and the event log; null when unknown.</summary>
    public static string? NameOf(int messageId) => messageId switch
    {
        1 => "REQ_MKT_DATA", 2 => "CANCEL_MKT_DATA", 3 => "PLACE_ORDER", 4 => "CANCEL_ORDER", 5 => "REQ_OPEN_ORDERS",
        6 => "REQ_ACCOUNT_DATA", 7 => "REQ_EXECUTIONS", 8 => "REQ_IDS", 9 => "REQ_CONTRACT_DATA", 10 => "REQ_MKT_DEPTH",
        11 => "CANCEL_MKT_DEPTH", 12 => "REQ_NEWS_BULLETINS", 13 => "CANCEL_NEWS_BULLETINS", 14 => "SET_SERVER_LOGLEVEL",
        15 => "REQ_AUTO_OPEN_ORDERS", 16 => "REQ_ALL_OPEN_ORDERS", 17 => "REQ_MANAGED_ACCTS", 18 => "REQ_FA", 19 => "REPLACE_FA",
        20 => "REQ_HISTORICAL_DATA", 21 => "EXERCISE_OPTIONS", 22 => "REQ_SCANNER_SUBSCRIPTION", 23 => "CANCEL_SCANNER_SUBSCRIPTION",
        24 => "REQ_SCANNER_PARAMETERS", 25 => "CANCEL_HISTORICAL_DATA", 49 => "REQ_CURRENT_TIME", 50 => "REQ_REAL_TIME_BARS",
        51 => "CANCEL_REAL_TIME_BARS", 52 => "REQ_FUNDAMENTAL_DATA", 53 => "CANCEL_FUNDAMENTAL_DATA", 54 => "REQ_CALC_IMPLIED_VOLAT",
        55 => "REQ_CALC_OPTION_PRICE", 56 => "CANCEL_CALC_IMPLIED_VOLAT", 57 => "CANCEL_CALC_OPTION_PRICE", 58 => "REQ_GLOBAL_CANCEL",
        59 => "REQ_MARKET_DATA_TYPE", 61 => "REQ_POSITIONS", 62 => "REQ_ACCOUNT_SUMMARY", 63 => "CANCEL_ACCOUNT_SUMMARY",
        64 => "CANCEL_POSITIONS", 67 => "QUERY_DISPLAY_GROUPS", 68 => "SUBSCRIBE_TO_GROUP_EVENTS", 69 => "UPDATE_DISPLAY_GROUP",
        70 => "UNSUBSCRIBE_FROM_GROUP_EVENTS", 71 => "START_API", 74 => "REQ_POSITIONS_MULTI", 75 => "CANCEL_POSITIONS_MULTI",
        76 => "REQ_ACCOUNT_UPDATES_MULTI", 77 => "CANCEL_ACCOUNT_UPDATES_MULTI", 78 => "REQ_SEC_DEF_OPT_PARAMS",
        79 => "REQ_SOFT_DOLLAR_TIERS", 80 => "REQ_FAMILY_CODES", 81 => "REQ_MATCHING_SYMBOLS", 82 => "REQ_MKT_DEPTH_EXCHANGES",
        83 => "REQ_SMART_COMPONENTS", 84 => "REQ_NEWS_ARTICLE", 85 => "REQ_NEWS_PROVIDERS", 86 => "REQ_HISTORICAL_NEWS",
        87 => "REQ_HEAD_TIMESTAMP", 88 => "REQ_HISTOGRAM_DATA", 89 => "CANCEL_HISTOGRAM_DATA", 90 => "CANCEL_HEAD_TIMESTAMP",
        91 => "REQ_MARKET_RULE", 92 => "REQ_PNL", 93 => "CANCEL_PNL", 94 => "REQ_PNL_SINGLE", 95 => "CANCEL_PNL_SINGLE",
        96 => "REQ_HISTORICAL_TICKS", 97 => "REQ_TICK_BY_TICK_DATA", 98 => "CANCEL_TICK_BY_TICK_DATA", 99 => "REQ_COMPLETED_ORDERS",
        100 => "REQ_WSH_META_DATA", 101 => "CANCEL_WSH_META_DATA", 102 => "REQ_WSH_EVENT_DATA", 103 => "CANCEL_WSH_EVENT_DATA",
        104 => "REQ_USER_INFO",
        _ => null,
    };
}
