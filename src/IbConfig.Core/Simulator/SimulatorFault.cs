using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Simulator;

/// <summary>
/// One fault to play on a <see cref="GatewaySimulator"/>: now (<see cref="At"/> unset) or at a time after the simulator
/// started. Comes from a scenario file (<see cref="SimulatorScenarioFile"/>), from <see cref="GatewaySimulator.Inject"/>
/// or from Invoke-IbGatewaySimulatorFault. Plain properties; <see cref="Validate"/> checks them and fills the defaults.
/// </summary>
public sealed class SimulatorFault
{
    /// <summary>A fault lasts at most a day: anything longer is a typo in a scenario.</summary>
    public static readonly TimeSpan LongestSpan = TimeSpan.FromDays(1);

    public string Kind => KindValue.ToString();

    internal SimulatorFaultKind KindValue { get; set; }

    /// <summary>When to play it, counted from the simulator's start; null plays it at once.</summary>
    public string? At => AtValue?.ToString("c");

    internal TimeSpan? AtValue { get; set; }

    /// <summary>Notice: the IB code to send. Pacing: 162 (historical data, the default) or 420 (real-time data).</summary>
    public int? Code { get; set; }

    /// <summary>Notice: the farm named at the end of a farm notice (usfarm, ushmds, secdefnj by default).</summary>
    public string? Farm { get; set; }

    /// <summary>Replaces IB's text of the notice or pacing error.</summary>
    public string? Text { get; set; }

    /// <summary>NightlyRestart: how long the port refuses connections. Pacing and Silence: how long they last
    /// (zero: until <see cref="Count"/> requests were hit, or for good). AdvanceClock: how far the replay clock moves.</summary>
    public string Duration => DurationValue.ToString("c");

    internal TimeSpan DurationValue { get; set; }

    /// <summary>NightlyRestart: how long after the port is back the ids of the clients it closed still get 326.</summary>
    public string ClientIdHold => ClientIdHoldValue.ToString("c");

    internal TimeSpan ClientIdHoldValue { get; set; }

    /// <summary>Pacing and Silence: the message ids of the requests hit (see <see cref="ParseRequest"/>).</summary>
    public IList<int> Requests { get; set; } = new List<int>();

    /// <summary>The client ids it concerns; empty means every client.</summary>
    public IList<int> ClientIds { get; set; } = new List<int>();

    /// <summary>Pacing and Silence: how many requests it hits at most; null for no limit.</summary>
    public int? Count { get; set; }

    /// <summary>Pacing's default requests by code: historical data for 162, real-time bars and market data for 420.</summary>
    public static IReadOnlyList<int> DefaultPacedRequests(int code) =>
        code == GatewayErrorCode.RealTimePacing ? new[] { 50, 1 } : new[] { 20, 87, 96 };

    /// <summary>Whether it concerns the client with this id (null: a client that has not started the API).</summary>
    public bool Concerns(int? clientId) => ClientIds.Count == 0 || clientId is int id && ClientIds.Contains(id);

    /// <summary>The ERR_MSG text a Notice or Pacing fault sends.</summary>
    public string MessageText => Text ?? (KindValue == SimulatorFaultKind.Pacing ? GatewayErrorCode.PacingText(Code ?? GatewayErrorCode.HistoricalPacing) : GatewayErrorCode.NoticeText(Code ?? 0, Farm) ?? "");

    /// <summary>Checks the values and fills Pacing's default code and requests; throws <see cref="IbConfigException"/> (SimulatorInvalidFault) with a fix.</summary>
    public SimulatorFault Validate()
    {
        if (AtValue is TimeSpan at && (at < TimeSpan.Zero || at > LongestSpan)) throw Invalid($"At {at} is outside 0..{LongestSpan} after the simulator's start.");
        if (DurationValue < TimeSpan.Zero || DurationValue > LongestSpan) throw Invalid($"Duration {DurationValue} is outside 0..{LongestSpan}.");
        if (ClientIdHoldValue < TimeSpan.Zero || ClientIdHoldValue > LongestSpan) throw Invalid($"ClientIdHold {ClientIdHoldValue} is outside 0..{LongestSpan}.");
        if (Count is < 1) throw Invalid($"Count {Count} must be at least 1; leave it unset for no limit.");
        switch (KindValue)
        {
            case SimulatorFaultKind.Notice:
                if (Code is not int code) throw Invalid($"A Notice needs a code: one of {string.Join(", ", GatewayErrorCode.NoticeCodes)}.");
                if (Text is null && GatewayErrorCode.NoticeText(code, Farm) is null)
                    throw Invalid($"{code} is not a notice the simulator knows ({string.Join(", ", GatewayErrorCode.NoticeCodes)}); give its text as well.");
                break;
            case SimulatorFaultKind.Pacing:
                Code ??= GatewayErrorCode.HistoricalPacing;
                if (Code is not (GatewayErrorCode.HistoricalPacing or GatewayErrorCode.RealTimePacing))
                    throw Invalid($"Pacing code {Code} is neither {GatewayErrorCode.HistoricalPacing} (historical data) nor {GatewayErrorCode.RealTimePacing} (real-time data).");
                if (Requests.Count == 0) Requests = DefaultPacedRequests(Code.Value).ToList();
                break;
            case SimulatorFaultKind.Silence:
                if (Requests.Count == 0) throw Invalid("Silence needs the requests never to answer, e.g. REQ_HISTORICAL_DATA or 20.");
                break;
            case SimulatorFaultKind.AdvanceClock:
                if (DurationValue <= TimeSpan.Zero) throw Invalid("AdvanceClock needs a Duration: how far to move the replay clock, e.g. 60s or 00:15:00.");
                break;
            case SimulatorFaultKind.DropClients:
            case SimulatorFaultKind.NightlyRestart:
                break;
            default:
                throw Invalid($"Unknown fault kind {Kind}.");
        }
        return this;
    }

    /// <summary>A request by IB's name (REQ_HISTORICAL_DATA, PLACE_ORDER, case and underscores free) or message id.</summary>
    public static int ParseRequest(string nameOrId)
    {
        var text = (nameOrId ?? "").Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id is > 0 and < 1000) return id;
        var wanted = Squash(text);
        for (var candidate = 1; candidate < 200; candidate++)
            if (RequestIdLocator.NameOf(candidate) is string name && Squash(name) == wanted) return candidate;
        throw Invalid($"'{nameOrId}' is not a request: give IB's name (e.g. REQ_HISTORICAL_DATA, REQ_MKT_DATA, PLACE_ORDER) or its message id.");
    }

    public override string ToString()
    {
        var parts = new List<string> { Kind.ToString() };
        if (Code is int code) parts.Add(code.ToString(CultureInfo.InvariantCulture));
        if (Requests.Count > 0) parts.Add("requests " + string.Join(",", Requests.Select(r => RequestIdLocator.NameOf(r) ?? r.ToString(CultureInfo.InvariantCulture))));
        if (ClientIds.Count > 0) parts.Add("clients " + string.Join(",", ClientIds));
        if (DurationValue > TimeSpan.Zero) parts.Add($"for {DurationValue.TotalSeconds:0.###} s");
        if (ClientIdHoldValue > TimeSpan.Zero) parts.Add($"ids held {ClientIdHoldValue.TotalSeconds:0.###} s more");
        if (Count is int count) parts.Add($"{count} request(s)");
        if (AtValue is TimeSpan at) parts.Add($"at +{at.TotalSeconds:0.###} s");
        return string.Join(" ", parts);
    }

    private static string Squash(string name) => name.Replace("_", "").ToUpperInvariant();

    private static IbConfigException Invalid(string message) => new("SimulatorInvalidFault", IbErrorKind.InvalidArgument, message);
}
