using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Network;

/// <summary>
/// Connects a TCP socket with a time-out and says why a connect failed (Open, Refused, TimedOut, Unreachable,
/// NameNotResolved). The first stage of every probe and of the API handshake; DNS and sockets come in through seams.
/// </summary>
public sealed class TcpConnector
{
    private readonly ISocketDialer _dialer;
    private readonly IHostNameResolver _resolver;

    public TcpConnector()
        : this(new SocketDialer(), new DnsHostNameResolver())
    {
    }

    public TcpConnector(ISocketDialer dialer, IHostNameResolver resolver)
    {
        _dialer = dialer ?? throw new ArgumentNullException(nameof(dialer));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
    }

    /// <summary>
    /// Resolves <paramref name="computerName"/> within <paramref name="timeout"/>. Address literals (also <c>[::1]</c>) need
    /// no lookup; names under the reserved <c>.invalid</c> top-level domain fail at once (RFC 6761), so nothing is sent.
    /// </summary>
    public async Task<HostResolution> ResolveAsync(string computerName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = ValidateComputerName(computerName);
        ValidateTimeout(timeout);
        var clock = Stopwatch.StartNew();
        if (HostName.TryParseAddress(name, out var literal)) return new HostResolution(computerName, new[] { literal }, clock.Elapsed, null);
        if (IsReservedInvalidName(name))
            return new HostResolution(computerName, Array.Empty<IPAddress>(), clock.Elapsed, "the .invalid domain is reserved and never resolves");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var addresses = await _resolver.ResolveAsync(name, deadline.Token).ConfigureAwait(false);
            return addresses.Length > 0
                ? new HostResolution(computerName, addresses, clock.Elapsed, null)
                : new HostResolution(computerName, Array.Empty<IPAddress>(), clock.Elapsed, "the name has no addresses");
        }
        catch (Exception ex) when (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HostResolution(computerName, Array.Empty<IPAddress>(), clock.Elapsed, $"no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException ex)
        {
            return new HostResolution(computerName, Array.Empty<IPAddress>(), clock.Elapsed, Describe(ex.SocketErrorCode, ex.Message));
        }
    }

    /// <summary>Connects to one address within <paramref name="timeout"/>; throws only when the caller's token is cancelled.</summary>
    public Task<TcpConnectResult> ConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (address is null) throw new ArgumentNullException(nameof(address));
        ValidatePort(port);
        ValidateTimeout(timeout);
        return ConnectWithinAsync(address.ToString(), address, port, timeout, Stopwatch.StartNew(), cancellationToken);
    }

    /// <summary>
    /// Resolves <paramref name="computerName"/> and connects to its addresses in turn until one is open, all within one
    /// <paramref name="timeout"/> (so "localhost" reaches a server on 127.0.0.1 even when ::1 comes first and refuses).
    /// When every address fails, the result describes the first one tried.
    /// </summary>
    public async Task<TcpConnectResult> ConnectAsync(string computerName, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ValidatePort(port);
        var clock = Stopwatch.StartNew();
        var resolution = await ResolveAsync(computerName, timeout, cancellationToken).ConfigureAwait(false);
        if (!resolution.Resolved)
            return new TcpConnectResult(PortStatus.NameNotResolved, computerName, null, port, clock.Elapsed, null, null, resolution.Failure);

        TcpConnectResult? first = null;
        foreach (var address in resolution.Addresses)
        {
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) break;
            var result = await ConnectWithinAsync(computerName, address, port, remaining, clock, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) return result;
            first ??= result;
        }
        return first ?? Failed(PortStatus.TimedOut, computerName, resolution.Addresses[0], port, clock, SocketError.TimedOut, NoAnswer(timeout));
    }

    private async Task<TcpConnectResult> ConnectWithinAsync(string computerName, IPAddress address, int port, TimeSpan timeout, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var socket = await _dialer.ConnectAsync(new IPEndPoint(address, port), deadline.Token).ConfigureAwait(false);
            return new TcpConnectResult(PortStatus.Open, computerName, address, port, clock.Elapsed, socket, null, null);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            return Failed(PortStatus.TimedOut, computerName, address, port, clock, SocketError.TimedOut, NoAnswer(timeout));
        }
        catch (SocketException ex)
        {
            return Failed(Classify(ex.SocketErrorCode), computerName, address, port, clock, ex.SocketErrorCode, Describe(ex.SocketErrorCode, ex.Message));
        }
    }

    /// <summary>Maps the operating system's connect error onto a status (see <see cref="PortStatus"/>).</summary>
    public static PortStatus Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => PortStatus.Refused,
        SocketError.TimedOut => PortStatus.TimedOut,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => PortStatus.NameNotResolved,
        _ => PortStatus.Unreachable, // NetworkUnreachable, HostUnreachable, NetworkDown, HostDown, AccessDenied (a local firewall), ...
    };

    private static TcpConnectResult Failed(PortStatus status, string computerName, IPAddress address, int port, Stopwatch clock, SocketError error, string failure) =>
        new(status, computerName, address, port, clock.Elapsed, null, error, failure);

    private static string NoAnswer(TimeSpan timeout) => $"no answer within {timeout.TotalMilliseconds:0} ms";

    private static string Describe(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "the connect timed out",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostUnreachable => "no route to host",
        SocketError.HostNotFound => "no such host",
        _ => $"{message} ({error})",
    };

    private static bool IsReservedInvalidName(string name)
    {
        var trimmed = name.TrimEnd('.');
        return trimmed.Equals("invalid", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
    }

    internal static string ValidateComputerName(string computerName)
    {
        var name = computerName?.Trim() ?? "";
        if (name.Length == 0)
            throw NetworkFailure.EmptyComputerName(computerName);
        return name;
    }

    internal static void ValidatePort(int port)
    {
        if (port is < 1 or > 65535)
            throw NetworkFailure.InvalidPort(port);
    }

    internal static void ValidateTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue)
            throw NetworkFailure.InvalidTimeout(timeout);
    }
}
