using System;
using System.Collections.Generic;
using System.Net;

namespace IbConfig.Core.Network;

/// <summary>What a computer name resolved to, or why it did not (<see cref="TcpConnector.ResolveAsync"/>).</summary>
public sealed class HostResolution
{
    internal HostResolution(string computerName, IReadOnlyList<IPAddress> addresses, TimeSpan elapsed, string? failure)
    {
        ComputerName = computerName;
        Addresses = addresses;
        Elapsed = elapsed;
        Failure = failure;
    }

    public string ComputerName { get; }

    /// <summary>The addresses in the resolver's order; empty when the name did not resolve.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    public bool Resolved => Addresses.Count > 0;

    public TimeSpan Elapsed { get; }

    /// <summary>Why the name did not resolve ("no such host", "no answer within 1000 ms"), or null.</summary>
    public string? Failure { get; }
}
