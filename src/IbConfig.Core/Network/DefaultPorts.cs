using System.Collections.Generic;

namespace IbConfig.Core.Network;

/// <summary>Ports to probe by default and where they came from ("IB's conventional ports", "C:\Jts\jts.ini s.SocketPort").</summary>
public sealed class DefaultPorts
{
    public DefaultPorts(IReadOnlyList<int> ports, string origin)
    {
        Ports = ports;
        Origin = origin;
    }

    public IReadOnlyList<int> Ports { get; }

    public string Origin { get; }
}
