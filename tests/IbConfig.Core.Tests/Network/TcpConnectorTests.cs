using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Network;

public class TcpConnectorTests
{
    // Every connect here succeeds or fails at once; the time-out only has to outlast a loaded CI machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_listening_port_is_open_and_hands_over_the_connected_socket()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var result = await new TcpConnector().ConnectAsync(IPAddress.Loopback, port, Patience, CancellationToken.None);
            Assert.Equal(PortStatus.Open, result.Status);
            Assert.True(result.Succeeded);
            Assert.True(result.Socket!.Connected);
            Assert.Equal(port, ((IPEndPoint)result.Socket.RemoteEndPoint!).Port);
            Assert.Equal(IPAddress.Loopback, result.RemoteAddress);
            Assert.Null(result.Failure);
            Assert.True(result.Latency >= TimeSpan.Zero);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task An_ipv6_loopback_listener_is_open_by_address_literal()
    {
        var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var result = await new TcpConnector().ConnectAsync("[::1]", port, Patience, CancellationToken.None);
            Assert.Equal(PortStatus.Open, result.Status);
            Assert.Equal(IPAddress.IPv6Loopback, result.RemoteAddress);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_refused()
    {
        using var result = await new TcpConnector().ConnectAsync(IPAddress.Loopback, FreeLoopbackPort(), Patience, CancellationToken.None);
        Assert.Equal(PortStatus.Refused, result.Status);
        Assert.Equal(SocketError.ConnectionRefused, result.SocketError);
        Assert.Null(result.Socket);
        Assert.Equal("connection refused", result.Failure);
    }

    [Fact]
    public async Task A_silent_port_times_out_after_the_time_out_and_not_long_after()
    {
        using var silent = await SilentListener.StartAsync();
        if (silent is null) return; // this OS resets instead of dropping SYNs to a full backlog (Windows)
        var clock = Stopwatch.StartNew();
        using var result = await new TcpConnector().ConnectAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.Equal(PortStatus.TimedOut, result.Status);
        Assert.Equal("no answer within 300 ms", result.Failure);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"gave up after {clock.Elapsed}");
        Assert.True(clock.Elapsed < HangGuard);
    }

    [Fact]
    public async Task Cancelling_the_token_ends_a_connect_to_a_silent_port_promptly()
    {
        using var silent = await SilentListener.StartAsync();
        if (silent is null) return;
        using var cts = new CancellationTokenSource();
        var connect = new TcpConnector().ConnectAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMinutes(5), cts.Token);
        Assert.False(connect.IsCompleted);
        cts.Cancel();
        var finished = await Task.WhenAny(connect, Task.Delay(HangGuard));
        Assert.Same(connect, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, PortStatus.Refused)]
    [InlineData(SocketError.TimedOut, PortStatus.TimedOut)]
    [InlineData(SocketError.NetworkUnreachable, PortStatus.Unreachable)]
    [InlineData(SocketError.HostUnreachable, PortStatus.Unreachable)]
    [InlineData(SocketError.HostDown, PortStatus.Unreachable)]
    [InlineData(SocketError.AccessDenied, PortStatus.Unreachable)]
    public async Task The_operating_systems_connect_error_decides_the_status(SocketError error, PortStatus expected)
    {
        var connector = new TcpConnector(new FakeDialer(_ => throw new SocketException((int)error)), new FakeResolver());
        using var result = await connector.ConnectAsync(IPAddress.Parse("127.0.0.9"), 4002, Patience, CancellationToken.None);
        Assert.Equal(expected, result.Status);
        Assert.Equal(error, result.SocketError);
        Assert.False(string.IsNullOrEmpty(result.Failure));
    }

    [Fact]
    public async Task A_dialer_that_never_answers_is_cut_off_by_the_time_out()
    {
        var connector = new TcpConnector(new FakeDialer(null), new FakeResolver());
        using var result = await connector.ConnectAsync(IPAddress.Loopback, 7497, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        Assert.Equal(PortStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task A_name_tries_each_address_until_one_is_open()
    {
        var tried = new List<IPAddress>();
        var dialer = new FakeDialer(endpoint =>
        {
            tried.Add(endpoint.Address);
            if (endpoint.Address.Equals(IPAddress.IPv6Loopback)) throw new SocketException((int)SocketError.ConnectionRefused);
            return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        });
        var connector = new TcpConnector(dialer, new FakeResolver(IPAddress.IPv6Loopback, IPAddress.Loopback));
        using var result = await connector.ConnectAsync("gateway.example", 4002, Patience, CancellationToken.None);
        Assert.Equal(PortStatus.Open, result.Status);
        Assert.Equal(IPAddress.Loopback, result.RemoteAddress);
        Assert.Equal("gateway.example", result.ComputerName);
        Assert.Equal(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }, tried);
    }

    [Fact]
    public async Task When_every_address_fails_the_first_failure_is_reported()
    {
        var dialer = new FakeDialer(endpoint => throw new SocketException((int)(endpoint.Address.Equals(IPAddress.IPv6Loopback)
            ? SocketError.ConnectionRefused : SocketError.HostUnreachable)));
        var connector = new TcpConnector(dialer, new FakeResolver(IPAddress.IPv6Loopback, IPAddress.Loopback));
        using var result = await connector.ConnectAsync("gateway.example", 4002, Patience, CancellationToken.None);
        Assert.Equal(PortStatus.Refused, result.Status);
        Assert.Equal(IPAddress.IPv6Loopback, result.RemoteAddress);
    }

    [Fact]
    public async Task Localhost_resolves_through_the_system_resolver()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var result = await new TcpConnector().ConnectAsync("localhost", port, TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.Equal(PortStatus.Open, result.Status);
            Assert.True(IPAddress.IsLoopback(result.RemoteAddress!));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("gateway.invalid")]
    [InlineData("GATEWAY.INVALID.")]
    [InlineData("invalid")]
    public async Task A_name_under_the_reserved_invalid_domain_fails_without_a_lookup(string name)
    {
        var resolver = new FakeResolver(IPAddress.Loopback);
        var connector = new TcpConnector(new FakeDialer(_ => throw new InvalidOperationException("must not dial")), resolver);
        using var result = await connector.ConnectAsync(name, 4002, Patience, CancellationToken.None);
        Assert.Equal(PortStatus.NameNotResolved, result.Status);
        Assert.Null(result.RemoteAddress);
        Assert.Contains(".invalid", result.Failure);
        Assert.Equal(0, resolver.Calls);
    }

    [Fact]
    public async Task A_name_the_resolver_does_not_know_is_not_resolved()
    {
        var connector = new TcpConnector(new FakeDialer(null), new FakeResolver(new SocketException((int)SocketError.HostNotFound)));
        using var result = await connector.ConnectAsync("gateway.example", 4002, Patience, CancellationToken.None);
        Assert.Equal(PortStatus.NameNotResolved, result.Status);
        Assert.Equal("no such host", result.Failure);
    }

    [Fact]
    public async Task A_resolver_that_never_answers_is_cut_off_by_the_time_out()
    {
        var connector = new TcpConnector(new FakeDialer(null), new FakeResolver(hang: true));
        var resolution = await connector.ResolveAsync("gateway.example", TimeSpan.FromMilliseconds(50), CancellationToken.None);
        Assert.False(resolution.Resolved);
        Assert.Equal("no answer within 50 ms", resolution.Failure);
    }

    [Fact]
    public async Task An_address_literal_needs_no_lookup()
    {
        var resolver = new FakeResolver();
        var connector = new TcpConnector(new FakeDialer(null), resolver);
        var resolution = await connector.ResolveAsync(" ::1 ", Patience, CancellationToken.None);
        Assert.Equal(new[] { IPAddress.IPv6Loopback }, resolution.Addresses);
        Assert.Equal(0, resolver.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(70000)]
    public async Task A_port_outside_1_to_65535_is_refused_with_a_clear_error(int port)
    {
        var error = await Assert.ThrowsAsync<IbConfigException>(() => new TcpConnector().ConnectAsync("127.0.0.1", port, Patience, CancellationToken.None));
        Assert.Equal("InvalidPort", error.ErrorId);
        Assert.Equal(IbErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("1-65535", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_computer_name_is_refused_with_a_clear_error(string name)
    {
        var error = await Assert.ThrowsAsync<IbConfigException>(() => new TcpConnector().ConnectAsync(name, 4002, Patience, CancellationToken.None));
        Assert.Equal("EmptyComputerName", error.ErrorId);
    }

    [Fact]
    public async Task A_zero_time_out_is_refused()
    {
        var error = await Assert.ThrowsAsync<IbConfigException>(() => new TcpConnector().ConnectAsync(IPAddress.Loopback, 4002, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("InvalidTimeout", error.ErrorId);
    }

    /// <summary>Dials by calling <c>connect</c>; a null <c>connect</c> never answers until cancelled.</summary>
    internal sealed class FakeDialer(Func<IPEndPoint, Socket>? connect) : ISocketDialer
    {
        public async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
        {
            if (connect is null) await Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.Yield();
            return connect!(endpoint);
        }
    }

    internal sealed class FakeResolver : IHostNameResolver
    {
        private readonly IPAddress[] _addresses;
        private readonly Exception? _failure;
        private readonly bool _hang;

        public FakeResolver(params IPAddress[] addresses) => _addresses = addresses;

        public FakeResolver(Exception failure) : this() => _failure = failure;

        public FakeResolver(bool hang) : this() => _hang = hang;

        public int Calls { get; private set; }

        public async Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken cancellationToken)
        {
            Calls++;
            if (_hang) await Task.Delay(Timeout.Infinite, cancellationToken);
            if (_failure is not null) throw _failure;
            return _addresses;
        }
    }
}
