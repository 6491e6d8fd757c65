using System.Collections.Generic;

namespace IbConfig.Core.Network;

/// <summary>The operating system's table of listening TCP sockets (a seam: tests can point it at a fake /proc).</summary>
public interface IListeningSocketTable
{
    /// <summary>Every socket listening on <paramref name="port"/>, IPv4 and IPv6; empty when none.</summary>
    IReadOnlyList<IbPortListener> Find(int port);
}
