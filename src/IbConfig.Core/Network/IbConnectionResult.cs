using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Protocol;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>
/// What one <c>Test-IbConnection</c> found: the staged outcome, what the gateway said, per-stage timings, and for a failure
/// the stage, a diagnosis and a remedy. Flat (simple types, string arrays, small flat notices) so it serialises cleanly.
/// </summary>
public sealed class IbConnectionResult
{
    internal IbConnectionResult(string computerName, int port, int clientId)
    {
        ComputerName = computerName;
        Port = port;
        ClientId = clientId;
    }

    public bool Success => StatusValue == IbConnectionStatus.Success;

    public string Status => StatusValue.ToString();

    internal IbConnectionStatus StatusValue { get; set; } = IbConnectionStatus.Success;

    public string ComputerName { get; }

    /// <summary>The address connected to; null when the name did not resolve.</summary>
    public string? RemoteAddress { get; internal set; }

    public int Port { get; internal set; }

    /// <summary>The client id of the last attempt (with -FindFreeClientId, the free one found).</summary>
    public int ClientId { get; internal set; }

    /// <summary>The API version the server chose (100..193).</summary>
    public int? ServerVersion { get; internal set; }

    /// <summary>The server's connection time as it wrote it (<c>YYYYMMDD HH:MM:SS zone</c>, the zone free text).</summary>
    public string? ConnectionTime { get; internal set; }

    /// <summary>The server's clock (CURRENT_TIME, whole seconds, UTC).</summary>
    public DateTimeOffset? ServerTime { get; internal set; }

    /// <summary>Server clock minus this computer's clock, in whole seconds (±1 s): positive when the server is ahead.</summary>
    public string? ClockSkew => ClockSkewValue?.ToString("c");

    internal TimeSpan? ClockSkewValue { get; set; }

    public string[] ManagedAccounts { get; internal set; } = Array.Empty<string>();

    /// <summary>Paper when every account starts DU/DF, Live when any other account is there; null before the accounts arrive.</summary>
    public string? AccountKind => AccountKindValue?.ToString();

    internal TradingMode? AccountKindValue { get; set; }

    public long? NextValidOrderId { get; internal set; }

    public int? AccountSummaryCount { get; internal set; }

    public int? PositionCount { get; internal set; }

    /// <summary>ERR_MSG notices the gateway sent (farm status 2104/2106/2158, broken farms 2103/2105/2157, …).</summary>
    public TwsNotice[] Notices { get; internal set; } = Array.Empty<TwsNotice>();

    /// <summary>The stage that failed; null on success.</summary>
    public string? FailedStage => FailedStageValue?.ToString();

    internal ConnectionStage? FailedStageValue { get; set; }

    /// <summary>The address this computer connected from: what the gateway sees, and what Trusted IPs must hold for a remote client.</summary>
    public string? LocalAddress { get; internal set; }

    public double? TcpMs { get; internal set; }

    public double? HandshakeMs { get; internal set; }

    public double? StartApiMs { get; internal set; }

    public double? AccountsMs { get; internal set; }

    public double? ServerTimeMs { get; internal set; }

    public double? AccountDataMs { get; internal set; }

    /// <summary>The whole check, every port and client id tried included.</summary>
    public double TotalMs { get; internal set; }

    /// <summary>What went wrong, in plain words; null on success.</summary>
    public string? Diagnosis { get; internal set; }

    /// <summary>What to do about it; null on success.</summary>
    public string? Remedy { get; internal set; }

    /// <summary>One line per stage reached, then the notices and the failure: what -Verbose shows.</summary>
    public string[] DescribeStages()
    {
        var lines = new List<string>();
        var target = $"{ComputerName}:{Port}";
        if (TcpMs is double tcp && LocalAddress is not null) lines.Add($"{target} TCP: connected to {RemoteAddress} from {LocalAddress} in {tcp} ms.");
        if (HandshakeMs is double handshake) lines.Add($"{target} handshake: server version {ServerVersion}, connection time '{ConnectionTime}' ({handshake} ms).");
        if (StartApiMs is double start) lines.Add($"{target} start-API: client id {ClientId} ({start} ms).");
        if (AccountsMs is double accounts)
            lines.Add($"{target} accounts: {(ManagedAccounts.Length == 0 ? "none" : string.Join(", ", ManagedAccounts))} ({AccountKind?.ToString() ?? "unknown"}), next valid order id {NextValidOrderId} ({accounts} ms).");
        if (ServerTimeMs is double time)
            lines.Add($"{target} server time: {ServerTime:yyyy-MM-dd HH:mm:ss} UTC, clock skew {ClockSkewValue?.TotalSeconds:0} s ({time} ms).");
        if (AccountDataMs is double data) lines.Add($"{target} account data: {AccountSummaryCount} summary items, {PositionCount} positions ({data} ms).");
        lines.AddRange(Notices.Select(n => $"{target} notice {n}"));
        lines.Add(Success
            ? $"{target} passed every stage in {TotalMs} ms."
            : $"{target} failed at the {FailedStage} stage after {TotalMs} ms: {Status}. {Diagnosis}");
        return lines.ToArray();
    }

    public override string ToString() => $"{ComputerName}:{Port} {Status}";
}
