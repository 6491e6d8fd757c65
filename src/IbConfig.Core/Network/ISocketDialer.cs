using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>
/// The seam between <see cref="TcpConnector"/> and the operating system's sockets: tests substitute a dialer that throws
/// the <see cref="SocketException"/> they want classified, so no test needs a real unreachable network.
/// </summary>
public interface ISocketDialer
{
    /// <summary>
    /// Returns a connected socket (the caller owns it), throws <see cref="SocketException"/> when the connect fails, and
    /// throws <see cref="System.OperationCanceledException"/> promptly when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken);
}
