using System;
using System.Collections.Generic;
using System.Globalization;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>What <see cref="ConnectionVerifier"/> should check, and how patiently.</summary>
public sealed class IbConnectionRequest
{
    /// <summary>A dedicated health-check id: never 1, which bots conventionally use (IB refuses a second client with the same id: error 326).</summary>
    public const int DefaultClientId = 999;

    /// <summary>The environment variable that overrides <see cref="DefaultClientId"/>.</summary>
    public const string ClientIdVariable = "IBCONFIG_CLIENT_ID";

    /// <summary>How many ids <see cref="FindFreeClientId"/> tries, counting the first.</summary>
    public const int MaxClientIdAttempts = 10;

    public string ComputerName { get; set; } = "127.0.0.1";

    /// <summary>Null: the conventional ports for <see cref="ExpectTradingMode"/> (paper when not set) — TWS first, then IB Gateway, moving on only when one refuses.</summary>
    public int? Port { get; set; }

    public int ClientId { get; set; } = DefaultClientId;

    /// <summary>The limit for the whole check, every port and client id tried included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop after the server time: no account summary, no positions.</summary>
    public bool SkipAccountData { get; set; }

    /// <summary>When set, accounts of the other mode fail the check.</summary>
    public TradingMode? ExpectTradingMode { get; set; }

    /// <summary>On error 326, try the next ids upward (at most <see cref="MaxClientIdAttempts"/>).</summary>
    public bool FindFreeClientId { get; set; }

    /// <summary>When <see cref="Port"/> is null, the ports to try in order; null means IB's conventional ones.</summary>
    public IReadOnlyList<int>? PortsToTry { get; set; }

    /// <summary>The ports to try in order: <see cref="Port"/>, <see cref="PortsToTry"/>, or the conventional ones for the expected mode (7497 then 4002 for paper).</summary>
    public IReadOnlyList<int> CandidatePorts =>
        Port is int port ? new[] { port } : PortsToTry is { Count: > 0 } ports ? ports : ConventionalPort.PortsFor(null, ExpectTradingMode ?? TradingMode.Paper);

    /// <summary>
    /// The default client id: <see cref="DefaultClientId"/>, or the value of <c>IBCONFIG_CLIENT_ID</c> when set. A value
    /// that is not a whole number from 0 to 2147483647, or that is 1, is refused rather than silently replaced.
    /// </summary>
    public static int DefaultClientIdFrom(string? environmentValue)
    {
        if (string.IsNullOrWhiteSpace(environmentValue)) return DefaultClientId;
        if (!int.TryParse(environmentValue!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw NetworkFailure.ClientIdVariableNotANumber(environmentValue);
        if (id == 1)
            throw NetworkFailure.ClientIdVariableIsTheBots(environmentValue);
        return id;
    }

    internal void Validate()
    {
        // The same validators as the TCP stage: one rule and one message for each.
        TcpConnector.ValidateComputerName(ComputerName);
        foreach (var port in CandidatePorts) TcpConnector.ValidatePort(port);
        if (ClientId < 0) throw NetworkFailure.InvalidClientId(ClientId);
        TcpConnector.ValidateTimeout(Timeout);
    }
}
