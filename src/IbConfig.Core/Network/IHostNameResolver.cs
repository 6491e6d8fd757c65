using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>The seam between <see cref="TcpConnector"/> and DNS, so tests control what a name resolves to and how slowly.</summary>
public interface IHostNameResolver
{
    /// <summary>
    /// The addresses of <paramref name="hostName"/>; throws <see cref="System.Net.Sockets.SocketException"/> when the name
    /// does not exist and <see cref="System.OperationCanceledException"/> promptly when cancelled.
    /// </summary>
    Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken cancellationToken);
}
