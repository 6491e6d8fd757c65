using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>The ERR_MSG codes and texts the simulator sends (docs/tws-protocol.md, "Error codes worth telling apart").</summary>
public static class GatewayErrorCode
{
    public const int MarketDataFarmOk = 2104;
    public const string MarketDataFarmOkText = "Market data farm connection is OK:usfarm";
    public const int HistoricalDataFarmOk = 2106;
    public const string HistoricalDataFarmOkText = "HMDS data farm connection is OK:ushmds";
    public const int SecDefFarmOk = 2158;
    public const string SecDefFarmOkText = "Sec-def data farm connection is OK:secdefnj";

    public const int ClientIdInUse = 326;
    public const string ClientIdInUseText = "Unable to connect as the client id is already in use. Retry with a unique client id.";

    public const int ReadOnly = 321;
    /// <summary>IB's text; the two-letter token after the dash varies between requests.</summary>
    public const string ReadOnlyText = "Error validating request:-'bY' : cause - The API interface is currently in Read-Only mode.";

    /// <summary>IB's "Error reading request" for a request whose fields do not parse.</summary>
    public const int BadRequest = 320;

    /// <summary>
    /// The simulator's own code for a request it does not implement. IB has no such code; 10999 sits in IB's 10000+ request
    /// error range without clashing with a documented code, and a client treats it as the failure of that request id.
    /// </summary>
    public const int NotSupported = 10999;

    /// <summary>Error id of notices that concern no request.</summary>
    public const int NoRequestId = -1;

    /// <summary>IB's answer to a request naming a contract it does not know, on the request's id.</summary>
    public const int NoSecurityDefinition = 200;
    public const string NoSecurityDefinitionText = "No security definition has been found for the request";

    /// <summary>Historical data pacing violation (docs/simulator.md, "Faults").</summary>
    public const int HistoricalPacing = 162;

    /// <summary>Invalid real-time query, IB's answer to real-time requests beyond its pacing limits.</summary>
    public const int RealTimePacing = 420;

    /// <summary>"Historical Market Data Service error message:...": no data, a bar size the data cannot give, too many bars.</summary>
    public const int HistoricalDataError = 162;

    /// <summary>"Invalid Real-time Query:...": a real-time bars request the simulator cannot serve.</summary>
    public const int RealTimeQueryError = 420;

    /// <summary>"Error validating request": a request with a field IB would refuse (bar size, duration, end date).</summary>
    public const int ValidationFailed = 321;

    /// <summary>"Max number of tickers has been reached": more market data lines than the connection may hold.</summary>
    public const int TooManyTickers = 101;

    /// <summary>The connectivity and farm notices a fault can send, in IB's order.</summary>
    public static IReadOnlyList<int> NoticeCodes { get; } = new[] { 1100, 1101, 1102, 2110, 2103, 2104, 2105, 2106, 2157, 2158 };

    /// <summary>
    /// IB's text of a connectivity or farm notice (docs/simulator.md, "Notices"); farm notices end with the farm's name
    /// after a colon (usfarm, ushmds, secdefnj unless another is given). Null for a code that is not such a notice.
    /// </summary>
    public static string? NoticeText(int code, string? farm = null) => code switch
    {
        1100 => "Connectivity between IB and Trader Workstation has been lost.",
        1101 => "Connectivity between IB and Trader Workstation has been restored - data lost.",
        1102 => "Connectivity between IB and Trader Workstation has been restored - data maintained.",
        2110 => "Connectivity between Trader Workstation and server is broken. It will be restored automatically.",
        2103 => "Market data farm connection is broken:" + (farm ?? "usfarm"),
        MarketDataFarmOk => "Market data farm connection is OK:" + (farm ?? "usfarm"),
        2105 => "HMDS data farm connection is broken:" + (farm ?? "ushmds"),
        HistoricalDataFarmOk => "HMDS data farm connection is OK:" + (farm ?? "ushmds"),
        2157 => "Sec-def data farm connection is broken:" + (farm ?? "secdefnj"),
        SecDefFarmOk => "Sec-def data farm connection is OK:" + (farm ?? "secdefnj"),
        _ => null,
    };

    /// <summary>The text of a pacing error: IB's 162 names the historical data service; 420 is an invalid real-time query.</summary>
    public static string PacingText(int code) => code == RealTimePacing
        ? "Invalid Real-time Query:Historical data request pacing violation"
        : "Historical Market Data Service error message:Historical data request pacing violation";
}
