namespace IbConfig.Core.Simulator;

/// <summary>How a history bar size groups bars: by a fixed length within the day, or by calendar day, week or month.</summary>
internal enum HistoryPeriod
{
    Intraday,
    Day,
    Week,
    Month,
}
