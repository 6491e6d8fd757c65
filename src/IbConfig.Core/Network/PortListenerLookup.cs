using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Network;

/// <summary>
/// Answers "who listens on this local port?" with the table this operating system offers, and says so plainly when
/// nothing listens or when the system cannot tell (macOS and others), rather than guessing.
/// </summary>
public sealed class PortListenerLookup
{
    private readonly IListeningSocketTable? _table;

    /// <summary>A lookup over the current operating system's table.</summary>
    public PortListenerLookup()
        : this(ForCurrentPlatform())
    {
    }

    /// <summary>A lookup over <paramref name="table"/>; null means the system cannot tell.</summary>
    public PortListenerLookup(IListeningSocketTable? table) => _table = table;

    /// <summary>The listeners on <paramref name="port"/>; one NotListening entry when none, one Unknown entry when the OS cannot tell.</summary>
    public IReadOnlyList<IbPortListener> Find(int port)
    {
        TcpConnector.ValidatePort(port);
        if (_table is null)
        {
            return new[]
            {
                IbPortListener.Unknown(port, $"This operating system does not tell IbConfig which sockets listen; run: lsof -nP -iTCP:{port} -sTCP:LISTEN"),
            };
        }
        IReadOnlyList<IbPortListener> listeners;
        try
        {
            listeners = _table.Find(port);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Win32Exception or DllNotFoundException or EntryPointNotFoundException)
        {
            return new[] { IbPortListener.Unknown(port, $"The listening-socket table could not be read: {ex.Message}") };
        }
        return listeners.Count > 0 ? listeners : new[] { IbPortListener.NotListening(port) };
    }

    internal static IListeningSocketTable? ForCurrentPlatform() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new WindowsListeningSocketTable()
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? new LinuxListeningSocketTable()
        : null;
}
