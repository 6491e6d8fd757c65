using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>The real <see cref="ISocketDialer"/>: a TCP socket whose pending connect is abandoned and closed on cancellation.</summary>
public sealed class SocketDialer : ISocketDialer
{
    public async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
        cancellationToken.ThrowIfCancellationRequested();
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) DisableSynRetransmissions(socket);
            // Closing the socket (the catch below) aborts the pending connect; the race makes giving up prompt even where
            // the runtime completes the aborted operation late (.NET Framework).
            await socket.ConnectAsync(endpoint).OrCancelledAsync(cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // SIO_TCP_INITIAL_RTO = _WSAIOW(IOC_VENDOR, 17); TCP_INITIAL_RTO_PARAMETERS { USHORT Rtt; UCHAR MaxSynRetransmissions; }.
    private const int SioTcpInitialRto = unchecked((int)0x98000011);
    private static readonly byte[] NoSynRetransmissions = { 0xFF, 0xFF, 0xFE, 0x00 }; // unspecified RTT, TCP_INITIAL_RTO_NO_SYN_RETRANSMISSIONS

    /// <summary>
    /// Windows answers a reset to its SYN by sending the SYN again, twice, so a refused port takes about two seconds to
    /// report (the slowness of Test-NetConnection). Without SYN retransmissions a refusal is reported at once; a silent
    /// host is still bounded by the caller's time-out. Windows before 10 1703 lacks the option: keep its default there.
    /// </summary>
    private static void DisableSynRetransmissions(Socket socket)
    {
        try
        {
            socket.IOControl(SioTcpInitialRto, NoSynRetransmissions, null);
        }
        catch (SocketException)
        {
        }
    }
}
