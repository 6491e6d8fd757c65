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
}
