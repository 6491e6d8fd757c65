using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>
/// One probed port, as <c>Test-IbPort</c> shows it. Property names follow Test-NetConnection (ComputerName,
/// RemoteAddress, TcpTestSucceeded) so scripts written for it carry over; only simple types, so it serialises cleanly.
/// </summary>
public sealed class IbPortResult
{
    public IbPortResult(string computerName, string? remoteAddress, int port, PortStatus status, double latencyMs, string? hint, string? failure)
    {
        ComputerName = computerName;
        RemoteAddress = remoteAddress;
        Port = port;
        StatusValue = status;
        LatencyMs = latencyMs;
        Hint = hint;
        Failure = failure;
        var conventional = ConventionalPort.Find(port);
        ProductValue = conventional?.Product;
        TradingModeValue = conventional?.TradingMode;
    }

    public string ComputerName { get; }

    /// <summary>The address connected to (or tried first); null when the name did not resolve.</summary>
    public string? RemoteAddress { get; }

    public int Port { get; }

    public string Status => StatusValue.ToString();

    internal PortStatus StatusValue { get; }

    /// <summary>True when the port is open: the name Test-NetConnection uses.</summary>
    public bool TcpTestSucceeded => StatusValue == PortStatus.Open;

    /// <summary>Milliseconds from the start of this probe (name lookup included) to its outcome.</summary>
    public double LatencyMs { get; }

    /// <summary>The IB program this port conventionally belongs to, or null for a port IB does not use by default.</summary>
    public string? Product => ProductValue?.ToString();

    internal IbProduct? ProductValue { get; }

    /// <summary>The trading mode this port conventionally means (a convention only: the login decides), or null.</summary>
    public string? TradingMode => TradingModeValue?.ToString();

    internal TradingMode? TradingModeValue { get; }

    /// <summary>What to check next, for a port that is not open; null when it is.</summary>
    public string? Hint { get; }

    /// <summary>The failure as the network reported it ("connection refused", "no answer within 1000 ms"), or null.</summary>
    public string? Failure { get; }

    public override string ToString() => $"{ComputerName}:{Port} {Status}";
}
