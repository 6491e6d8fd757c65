using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Answers history requests from the replay's bar series (docs/simulator.md, "History"): reqHistoricalData (with
/// keepUpToDate streaming HISTORICAL_DATA_UPDATE), reqHeadTimestamp and reqRealTimeBars, and builds the streamed updates
/// as the replay clock moves. Field positions follow @stoqey/ib 1.6.10's encoder for server versions 100 and later.
/// </summary>
internal sealed class HistoricalDataResponder
{
    /// <summary>Bars one reply carries at most; a larger request gets 162 asking for a shorter duration or bigger bars.</summary>
    public const int MaxBarsPerReply = 20_000;

    /// <summary>Real-time bars last five seconds, IB's only size.</summary>
    public static readonly TimeSpan RealTimeBarLength = TimeSpan.FromSeconds(5);

    /// <summary>A clock jump sends a subscription at most this many real-time bars (the latest), not the whole gap.</summary>
    public const int MaxRealTimeBarsPerMove = 60;

    private const string HistoryErrorPrefix = "Historical Market Data Service error message:";

    private readonly IReadOnlyList<SimulatedContract> _contracts;
    private readonly MarketReplay? _replay;
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeZoneInfo _gatewayZone;
    private readonly Dictionary<int, (TimeZoneInfo Zone, TradingHours Liquid)> _calendars = new();

    /// <summary>Checks each replayed contract's time zone and liquid hours (throws <see cref="SimulatorFailure.InvalidContractHours"/>).</summary>
    public HistoricalDataResponder(IReadOnlyList<SimulatedContract> contracts, MarketReplay? replay, Func<DateTimeOffset> clock, TimeZoneInfo gatewayZone)
    {
        _contracts = contracts;
        _replay = replay;
        _clock = clock;
        _gatewayZone = gatewayZone;
        foreach (var series in replay?.Series ?? Array.Empty<BarSeries>())
        {
            var contract = contracts.First(c => c.ConId == series.ConId);
            var zone = IbTimeZone.Find(contract.TimeZoneId);
            try
            {
                var hours = contract.LiquidHours.Length > 0 ? contract.LiquidHours : contract.TradingHours;
                _calendars[contract.ConId] = (zone, TradingHours.Parse(hours, zone));
            }
            catch (ArgumentException ex)
            {
                throw SimulatorFailure.InvalidContractHours(contract.ToString(), ex.Message);
            }
        }
    }

    public SimulatorResponse? Respond(TwsMessage request, int serverVersion, SimulatorClientState client) => request.Id switch
    {
        20 => HistoricalData(request, serverVersion, client),
        50 => RealTimeBars(request, serverVersion, client),
        87 => HeadTimestamp(request, serverVersion),
        _ => null,
    };

    /// <summary>
    /// REQ_HISTORICAL_DATA from 124: reqId, contract (conId .. tradingClass), includeExpired, endDateTime, barSize, duration,
    /// useRTH, whatToShow, formatDate, keepUpToDate, chartOptions; below 124 a version field follows the id and there is no keepUpToDate.
    /// </summary>
    private SimulatorResponse HistoricalData(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var at = serverVersion < GatewayMessages.SyntheticRealTimeBarsVersion ? 2 : 1;
        var reqId = request.GetInt(at);
        var contract = Find(request, at + 1);
        if (contract is null) return NoSecurityDefinition(request, serverVersion, reqId, at + 1);
        var (endText, barText, durationText) = (request.GetString(at + 14).Trim(), request.GetString(at + 15), request.GetString(at + 16));
        var useRth = request.GetString(at + 17) is "1" or "true";
        var whatToShow = request.GetString(at + 18).Trim().ToUpperInvariant();
        var formatDate = request.GetString(at + 19) == "2" ? 2 : 1;
        var keepUpToDate = at == 1 && request.Count > at + 20 && request.GetString(at + 20) is "1" or "true";
        if (HistoryBarSize.TryParse(barText, out var why) is not HistoryBarSize barSize) return Invalid(serverVersion, reqId, why);
        if (HistoryDuration.TryParse(durationText, out why) is not HistoryDuration duration) return Invalid(serverVersion, reqId, why);
        if (!IsServed(whatToShow)) return Invalid(serverVersion, reqId, $"whatToShow '{whatToShow}' is not served by the simulator; use TRADES, MIDPOINT, BID or ASK");
        if (keepUpToDate && endText.Length > 0) return Invalid(serverVersion, reqId, "End date not supported with live updates; send an empty endDateTime with keepUpToDate");
        var now = _clock();
        DateTimeOffset end;
        if (endText.Length == 0) end = now;
        else if (ParseEnd(endText) is DateTimeOffset parsed) end = parsed < now ? parsed : now;
        else return Invalid(serverVersion, reqId, $"end date '{endText}' is not 'yyyyMMdd HH:mm:ss', 'yyyyMMdd HH:mm:ss <zone>' or 'yyyyMMdd-HH:mm:ss' (UTC)");
        if (_replay?.SeriesOf(contract.ConId) is not BarSeries series) return NoData(serverVersion, reqId, contract, whatToShow);
        if (barSize.Length < series.BarLength || (barSize.IsIntraday && barSize.Length.Ticks % series.BarLength.Ticks != 0))
            return HistoryError(serverVersion, reqId,
                $"bar size {barSize.Text} cannot be built from the simulator's {Describe(series.BarLength)} bars of {contract.Symbol}; use a multiple of {Describe(series.BarLength)}.");
        var (zone, liquid) = _calendars[contract.ConId];
        var source = _replay.Walk.BarsBefore(series, end).Where(b => !useRth || liquid.Contains(b.Time)).ToList();
        var start = duration.Unit == 'D' ? TradingDaysStart(source, duration.Count, zone) : duration.StartBefore(end);
        var bars = Aggregate(source.Where(b => b.Time >= start), barSize, zone, contract, whatToShow).ToList();
        if (bars.Count == 0) return NoData(serverVersion, reqId, contract, whatToShow);
        if (bars.Count > MaxBarsPerReply)
            return HistoryError(serverVersion, reqId, $"{bars.Count} bars exceed the simulator's {MaxBarsPerReply} per request; ask for a shorter duration or bigger bars.");
        if (keepUpToDate)
        {
            if (client.HistoryStreams.Count >= SimulatorClientState.MaxStreams && !client.HistoryStreams.ContainsKey(reqId))
                return HistoryError(serverVersion, reqId, $"more than {SimulatorClientState.MaxStreams} live history subscriptions on one connection; cancel some first.");
            client.HistoryStreams[reqId] = new HistoryStream(contract, barSize, whatToShow, useRth, formatDate) { LastSent = bars[bars.Count - 1] };
        }
        var dated = bars.Select(b => (BarDate(b.Time, barSize, formatDate, zone, contract), b)).ToList();
        var frame = GatewayMessages.HistoricalData(serverVersion, reqId, DateText(start, zone, contract), DateText(end, zone, contract), dated);
        return new SimulatorResponse(SimulatorEventKind.Request,
            $"REQ_HISTORICAL_DATA {reqId} {contract} {duration} of {barSize.Text} {whatToShow}{(useRth ? " RTH" : "")}: {bars.Count} bar(s){(keepUpToDate ? ", kept up to date" : "")}",
            new[] { frame });
    }

    /// <summary>REQ_HEAD_TIMESTAMP: reqId, contract (conId .. tradingClass), includeExpired, useRTH, whatToShow, formatDate.</summary>
    private SimulatorResponse HeadTimestamp(TwsMessage request, int serverVersion)
    {
        var reqId = request.GetInt(1);
        var contract = Find(request, 2);
        if (contract is null) return NoSecurityDefinition(request, serverVersion, reqId, 2);
        var useRth = request.GetString(15) is "1" or "true";
        var whatToShow = request.GetString(16).Trim().ToUpperInvariant();
        var formatDate = request.GetString(17) == "2" ? 2 : 1;
        if (!IsServed(whatToShow)) return Invalid(serverVersion, reqId, $"whatToShow '{whatToShow}' is not served by the simulator; use TRADES, MIDPOINT, BID or ASK");
        var series = _replay?.SeriesOf(contract.ConId);
        var first = series?.Bars.FirstOrDefault(b => !useRth || _calendars[contract.ConId].Liquid.Contains(b.Time));
        if (first is null) return NoData(serverVersion, reqId, contract, whatToShow);
        var text = formatDate == 2
            ? first.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : first.Time.UtcDateTime.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture);
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_HEAD_TIMESTAMP {reqId} {contract}: {text}", new[] { GatewayMessages.HeadTimestamp(reqId, text) });
    }

    /// <summary>REQ_REAL_TIME_BARS version 3: reqId, contract (conId .. tradingClass), barSize (always 5), whatToShow, useRTH, options.</summary>
    private SimulatorResponse RealTimeBars(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var reqId = request.GetInt(2);
        var contract = Find(request, 3);
        if (contract is null) return NoSecurityDefinition(request, serverVersion, reqId, 3);
        var whatToShow = request.GetString(16).Trim().ToUpperInvariant();
        var useRth = request.GetString(17) is "1" or "true";
        if (!IsServed(whatToShow))
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_REAL_TIME_BARS {reqId}: whatToShow {whatToShow}",
                new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.RealTimeQueryError, $"Invalid Real-time Query: whatToShow '{whatToShow}' is not served by the simulator; use TRADES, MIDPOINT, BID or ASK.") });
        if (_replay?.SeriesOf(contract.ConId) is null) return NoData(serverVersion, reqId, contract, whatToShow);
        if (client.RealTimeBarStreams.Count >= SimulatorClientState.MaxStreams && !client.RealTimeBarStreams.ContainsKey(reqId))
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_REAL_TIME_BARS {reqId}: too many",
                new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.RealTimeQueryError, $"Invalid Real-time Query: more than {SimulatorClientState.MaxStreams} real-time bar subscriptions on one connection.") });
        client.RealTimeBarStreams[reqId] = new HistoryStream(contract, null, whatToShow, useRth, 2);
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_REAL_TIME_BARS {reqId} {contract} {whatToShow}{(useRth ? " RTH" : "")}: streaming 5-second bars", Array.Empty<byte[]>());
    }

    /// <summary>The frames a client's live history subscriptions get when the replay clock moved from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public List<byte[]> Updates(SimulatorClientState client, DateTimeOffset from, DateTimeOffset to)
    {
        var frames = new List<byte[]>();
        if (_replay is null) return frames;
        foreach (var pair in client.RealTimeBarStreams.OrderBy(p => p.Key))
        {
            var stream = pair.Value;
            if (_replay.SeriesOf(stream.Contract.ConId) is not BarSeries series) continue;
            var step = RealTimeBarLength.Ticks;
            // Windows [b - 5 s, b) whose end b (a multiple of 5 s since the epoch) the clock passed.
            var lastEnd = to.UtcTicks / step * step;
            var firstEnd = Math.Max((from.UtcTicks / step + 1) * step, lastEnd - (MaxRealTimeBarsPerMove - 1) * step);
            for (var end = firstEnd; end <= lastEnd; end += step)
            {
                var windowStart = new DateTimeOffset(end - step, TimeSpan.Zero);
                if (stream.UseRth && !_calendars[stream.Contract.ConId].Liquid.Contains(windowStart)) continue;
                if (_replay.Walk.Window(series, windowStart, windowStart + RealTimeBarLength) is HistoricalBar bar)
                    frames.Add(GatewayMessages.RealTimeBar(pair.Key, Show(bar, stream.WhatToShow, stream.Contract)));
            }
        }
        foreach (var pair in client.HistoryStreams.OrderBy(p => p.Key))
        {
            var stream = pair.Value;
            if (_replay.SeriesOf(stream.Contract.ConId) is not BarSeries series || stream.BarSize is not HistoryBarSize barSize) continue;
            var (zone, liquid) = _calendars[stream.Contract.ConId];
            var bucket = barSize.BucketOf(to, zone);
            var inBucket = _replay.Walk.BarsBefore(series, to, bucket).Where(b => !stream.UseRth || liquid.Contains(b.Time));
            var bar = Aggregate(inBucket, barSize, zone, stream.Contract, stream.WhatToShow).LastOrDefault();
            if (bar is null || Same(bar, stream.LastSent)) continue;
            stream.LastSent = bar;
            frames.Add(GatewayMessages.HistoricalDataUpdate(pair.Key, BarDate(bar.Time, barSize, stream.FormatDate, zone, stream.Contract), bar));
        }
        return frames;
    }

    /// <summary>Groups bars into the requested size in the contract's zone, then prices them as whatToShow asks.</summary>
    private static IEnumerable<HistoricalBar> Aggregate(IEnumerable<HistoricalBar> bars, HistoryBarSize size, TimeZoneInfo zone, SimulatedContract contract, string whatToShow)
    {
        foreach (var group in bars.GroupBy(b => size.BucketOf(b.Time, zone)))
        {
            var list = group.ToList();
            var volume = list.Sum(b => b.Volume);
            var weighted = list.Sum(b => (b.Wap ?? (b.High + b.Low + b.Close) / 3) * (double)b.Volume);
            var counts = list.All(b => b.Count is not null) ? list.Sum(b => b.Count!.Value) : (int?)null;
            var bar = new HistoricalBar(group.Key, list[0].Open, list.Max(b => b.High), list.Min(b => b.Low), list[list.Count - 1].Close, volume,
                volume > 0 ? Math.Round(weighted / (double)volume, 6) : list[list.Count - 1].Close, counts);
            yield return Show(bar, whatToShow, contract);
        }
    }

    /// <summary>
    /// TRADES is the series as is; MIDPOINT the same prices without volume, WAP or count (IB sends -1); BID and ASK one
    /// minimum tick below and above, as the replay quotes them.
    /// </summary>
    private static HistoricalBar Show(HistoricalBar bar, string whatToShow, SimulatedContract contract)
    {
        var tick = contract.MinTick > 0 ? contract.MinTick : 0.01;
        double Shift(double price, int ticks) => MarketReplay.RoundToTick(price + ticks * tick, tick);
        return whatToShow switch
        {
            "MIDPOINT" => new HistoricalBar(bar.Time, bar.Open, bar.High, bar.Low, bar.Close, -1, -1, -1),
            "BID" => new HistoricalBar(bar.Time, Shift(bar.Open, -1), Shift(bar.High, -1), Shift(bar.Low, -1), Shift(bar.Close, -1), -1, -1, -1),
            "ASK" => new HistoricalBar(bar.Time, Shift(bar.Open, 1), Shift(bar.High, 1), Shift(bar.Low, 1), Shift(bar.Close, 1), -1, -1, -1),
            _ => bar,
        };
    }

    private static bool IsServed(string whatToShow) => whatToShow is "TRADES" or "MIDPOINT" or "BID" or "ASK";

    private static bool Same(HistoricalBar a, HistoricalBar? b) =>
        b is not null && a.Time == b.Time && a.Open == b.Open && a.High == b.High && a.Low == b.Low && a.Close == b.Close && a.Volume == b.Volume;

    /// <summary>The local midnight starting the earliest of the last <paramref name="days"/> days that have bars.</summary>
    private static DateTimeOffset TradingDaysStart(IReadOnlyList<HistoricalBar> bars, int days, TimeZoneInfo zone)
    {
        var dates = bars.Select(b => TimeZoneInfo.ConvertTime(b.Time, zone).Date).Distinct().ToList();
        if (dates.Count == 0) return DateTimeOffset.MaxValue;
        var first = dates[Math.Max(0, dates.Count - days)];
        return new DateTimeOffset(first, zone.GetUtcOffset(first));
    }

    /// <summary>formatDate 1: <c>yyyyMMdd HH:mm:ss zone</c> in the contract's zone (the zone suffix as newer gateways send it);
    /// 2: epoch seconds. Day, week and month bars are <c>yyyyMMdd</c> either way.</summary>
    private static string BarDate(DateTimeOffset time, HistoryBarSize size, int formatDate, TimeZoneInfo zone, SimulatedContract contract)
    {
        if (!size.IsIntraday) return TimeZoneInfo.ConvertTime(time, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return formatDate == 2 ? time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : DateText(time, zone, contract);
    }

    private static string DateText(DateTimeOffset time, TimeZoneInfo zone, SimulatedContract contract) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture) + " " + contract.TimeZoneId;

    /// <summary>endDateTime: <c>yyyyMMdd HH:mm:ss</c> (gateway's zone), with a zone id after a space, or <c>yyyyMMdd-HH:mm:ss</c> (UTC).</summary>
    private DateTimeOffset? ParseEnd(string text)
    {
        if (DateTime.TryParseExact(text, "yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
            return new DateTimeOffset(utc, TimeSpan.Zero);
        var parts = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || !DateTime.TryParseExact(parts[0] + " " + parts[1], "yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        TimeZoneInfo zone;
        try
        {
            zone = parts.Length == 3 ? IbTimeZone.Find(parts[2]) : _gatewayZone;
        }
        catch (Errors.IbConfigException)
        {
            return null;
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Describe(TimeSpan length) =>
        length.TotalDays >= 1 ? $"{length.TotalDays:0.##}-day" : length.TotalHours >= 1 ? $"{length.TotalHours:0.##}-hour" : length.TotalMinutes >= 1 ? $"{length.TotalMinutes:0.##}-minute" : $"{length.TotalSeconds:0.##}-second";

    private SimulatedContract? Find(TwsMessage request, int conIdIndex)
    {
        var conId = int.TryParse(request.GetString(conIdIndex), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var exchange = request.GetString(conIdIndex + 7).Split(':')[0];
        return _contracts.FirstOrDefault(c => c.Matches(conId, request.GetString(conIdIndex + 1), request.GetString(conIdIndex + 2), exchange, request.GetString(conIdIndex + 9)));
    }

    private static SimulatorResponse NoSecurityDefinition(TwsMessage request, int serverVersion, int reqId, int conIdIndex)
    {
        var what = $"{request.GetString(conIdIndex + 1)} {request.GetString(conIdIndex + 2)} (conId {request.GetString(conIdIndex)})";
        return new SimulatorResponse(SimulatorEventKind.Request, $"{RequestIdLocator.NameOf(request.Id)} {reqId}: no contract {what}",
            new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.NoSecurityDefinition, GatewayErrorCode.NoSecurityDefinitionText) });
    }

    /// <summary>A request IB would refuse as malformed: 321 "Error validating request", with what to change.</summary>
    private static SimulatorResponse Invalid(int serverVersion, int reqId, string why) =>
        new(SimulatorEventKind.Request, $"history request {reqId} refused: {why}",
            new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.ValidationFailed, $"Error validating request:-'bQ' : cause - {why}.") });

    private static SimulatorResponse HistoryError(int serverVersion, int reqId, string why) =>
        new(SimulatorEventKind.Request, $"history request {reqId} refused: {why}",
            new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.HistoricalDataError, HistoryErrorPrefix + why) });

    private static SimulatorResponse NoData(int serverVersion, int reqId, SimulatedContract contract, string whatToShow) =>
        HistoryError(serverVersion, reqId, $"HMDS query returned no data: {contract.Symbol}@{contract.Exchange} {whatToShow} (the simulator has no bars for it there)");
}
