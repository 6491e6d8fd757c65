namespace IbConfig.Core.Simulator;

/// <summary>A client's live history subscription: reqHistoricalData with keepUpToDate, or reqRealTimeBars (no bar size).</summary>
internal sealed class HistoryStream
{
    public HistoryStream(SimulatedContract contract, HistoryBarSize? barSize, string whatToShow, bool useRth, int formatDate)
    {
        Contract = contract;
        BarSize = barSize;
        WhatToShow = whatToShow;
        UseRth = useRth;
        FormatDate = formatDate;
    }

    public SimulatedContract Contract { get; }

    public HistoryBarSize? BarSize { get; }

    public string WhatToShow { get; }

    public bool UseRth { get; }

    public int FormatDate { get; }

    /// <summary>The bar last sent as HISTORICAL_DATA_UPDATE, so an unchanged bar is not sent again.</summary>
    public HistoricalBar? LastSent { get; set; }
}
