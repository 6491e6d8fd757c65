using System.Net;
using System.Net.Sockets;

namespace IbConfig.Core.Tests.Network;

/// <summary>
/// A loopback listener that never accepts and whose backlog is full, so the kernel drops every new SYN: a connect to it
/// gets no answer at all, like a firewalled or hung host. Built by filling the queue until a connect times out.
/// </summary>
public sealed class SilentListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _queued = new();

    private SilentListener(Socket listener) => _listener = listener;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int Port => EndPoint.Port;

    /// <summary>
    /// Fills the backlog; null where the OS answers a full queue with a reset instead of silence (Windows). Linux always
    /// drops SYNs to a full accept queue, so there a failure to go silent throws. (Also compiled into bench/.)
    /// </summary>
    public static async Task<SilentListener?> StartAsync()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var silent = new SilentListener(listener);
        for (var i = 0; i < 64; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var connect = client.ConnectAsync(silent.EndPoint);
            if (await Task.WhenAny(connect, Task.Delay(300)) == connect && connect.IsCompletedSuccessfully)
            {
                silent._queued.Add(client);
                continue;
            }
            client.Dispose(); // stops its SYN retransmissions
            if (!connect.IsCompleted) return silent;
            break;
        }
        silent.Dispose();
        if (OperatingSystem.IsLinux()) throw new InvalidOperationException("Could not fill a loopback listener's backlog.");
        return null;
    }

    public void Dispose()
    {
        foreach (var socket in _queued) socket.Dispose();
        _listener.Dispose();
    }
}
