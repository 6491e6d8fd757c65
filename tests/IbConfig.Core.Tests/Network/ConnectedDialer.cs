using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Network;

/// <summary>
/// Hands over a socket the test connected beforehand, once: a check's short time-out then starts after the connect, so a
/// loaded machine cannot turn "no answer in the handshake" into "the connect timed out".
/// </summary>
internal sealed class ConnectedDialer(Socket socket) : ISocketDialer
{
    private Socket? _socket = socket;

    public Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Exchange(ref _socket, null) ?? throw new InvalidOperationException("The connected socket was handed over already."));

    public static ConnectionVerifier VerifierOver(Socket socket) =>
        new(new TcpConnector(new ConnectedDialer(socket), new DnsHostNameResolver()), static () => DateTimeOffset.UtcNow);

    /// <summary>Connects to a loopback port within <paramref name="guard"/>.</summary>
    public static async Task<Socket> ConnectAsync(int port, CancellationToken guard)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, guard);
        return socket;
    }
}
