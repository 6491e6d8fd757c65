using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Ibc;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Ibc;

public class IbcCommandClientTests
{
    private static readonly IbcCommandClient Client = new() { ConnectTimeout = TimeSpan.FromSeconds(5), ReplyTimeout = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData(IbcCommand.Stop, "STOP")]
    [InlineData(IbcCommand.Restart, "RESTART")]
    [InlineData(IbcCommand.ReconnectData, "RECONNECTDATA")]
    [InlineData(IbcCommand.ReconnectAccount, "RECONNECTACCOUNT")]
    public async Task Each_command_goes_out_as_one_upper_case_line(IbcCommand command, string wire)
    {
        using var server = new FakeIbcCommandServer("OK");
        var result = await Client.SendAsync("127.0.0.1", server.Port, command, CancellationToken.None);
        Assert.Equal(wire, await server.ReceivedAsync());
        Assert.Equal(IbcReplyStatus.Ok, result.StatusValue);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Info_lines_are_kept_in_order_and_the_final_ok_text_is_the_reply()
    {
        using var server = new FakeIbcCommandServer("INFO Reconnecting data farms", "INFO Sent Ctrl+Alt+F", "OK done");
        var result = await Client.SendAsync("127.0.0.1", server.Port, IbcCommand.ReconnectData, CancellationToken.None);
        Assert.Equal(new[] { "Reconnecting data farms", "Sent Ctrl+Alt+F" }, result.Info);
        Assert.Equal("done", result.Reply);
        Assert.Equal(server.Port, result.Port);
        Assert.Equal(IbcCommand.ReconnectData, result.CommandValue);
    }

    [Fact]
    public async Task An_error_line_is_a_failed_result_with_ibcs_text()
    {
        using var server = new FakeIbcCommandServer("ERROR Command invalid");
        var result = await Client.SendAsync("127.0.0.1", server.Port, IbcCommand.ReconnectAccount, CancellationToken.None);
        Assert.Equal(IbcReplyStatus.Error, result.StatusValue);
        Assert.False(result.Succeeded);
        Assert.Equal("Command invalid", result.Reply);
    }

    [Fact]
    public async Task A_close_without_an_answer_is_no_reply()
    {
        using var server = new FakeIbcCommandServer();
        var result = await Client.SendAsync("127.0.0.1", server.Port, IbcCommand.Stop, CancellationToken.None);
        Assert.Equal(IbcReplyStatus.NoReply, result.StatusValue);
        Assert.Contains("closed", result.Reply);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_in_no_reply_after_the_time_out()
    {
        using var server = new FakeIbcCommandServer(Array.Empty<string>(), holdOpen: true);
        var client = new IbcCommandClient { ReplyTimeout = TimeSpan.FromMilliseconds(200) };
        var result = await client.SendAsync("127.0.0.1", server.Port, IbcCommand.Restart, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(IbcReplyStatus.NoReply, result.StatusValue);
        Assert.Contains("CommandServerPort", result.Reply);
    }

    [Fact]
    public async Task An_endless_line_is_refused_at_the_cap()
    {
        using var server = new FakeIbcCommandServer(Array.Empty<string>(), holdOpen: true, rawReply: new string('x', IbcCommandClient.MaxLineBytes * 3));
        var result = await Client.SendAsync("127.0.0.1", server.Port, IbcCommand.Stop, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(IbcReplyStatus.NoReply, result.StatusValue);
        Assert.Contains("not IBC", result.Reply);
    }

    [Fact]
    public async Task Endless_info_lines_are_refused_at_the_cap()
    {
        var lines = Enumerable.Repeat("INFO chatter", IbcCommandClient.MaxLines + 5).ToArray();
        using var server = new FakeIbcCommandServer(lines, holdOpen: true);
        var result = await Client.SendAsync("127.0.0.1", server.Port, IbcCommand.Stop, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(IbcReplyStatus.NoReply, result.StatusValue);
        Assert.Equal(IbcCommandClient.MaxLines, result.Info.Length);
    }

    [Fact]
    public async Task A_closed_port_is_a_refused_error_that_names_command_server_port()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var ex = await Assert.ThrowsAsync<IbConfigException>(() => Client.SendAsync("127.0.0.1", port, IbcCommand.Stop, CancellationToken.None));
        Assert.Equal("IbcCommandServerRefused", ex.ErrorId);
        Assert.Equal(IbErrorKind.ConnectionError, ex.Kind);
        Assert.Contains("CommandServerPort", ex.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        using var server = new FakeIbcCommandServer(Array.Empty<string>(), holdOpen: true);
        using var cts = new CancellationTokenSource();
        var sending = Client.SendAsync("127.0.0.1", server.Port, IbcCommand.Stop, cts.Token);
        await server.ReceivedAsync();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public async Task A_port_outside_the_tcp_range_is_refused_before_connecting(int port) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SendAsync("127.0.0.1", port, IbcCommand.Stop, CancellationToken.None));
}

public class HealthCheckRepairTests
{
    private static IbCheckResult Farms(IbCheckStatus status) =>
        new(IbCheckId.DataFarms, "Market-data farms connected", IbCheckCategory.Live, status, "", "", "live", null);

    [Fact]
    public void Only_broken_farms_call_for_a_reconnect()
    {
        Assert.True(HealthCheckRepair.NeedsDataReconnect(new[] { Farms(IbCheckStatus.Warn) }));
        Assert.False(HealthCheckRepair.NeedsDataReconnect(new[] { Farms(IbCheckStatus.Pass) }));
        Assert.False(HealthCheckRepair.NeedsDataReconnect(new[] { new IbCheckResult("ApiEnabled", "x", IbCheckCategory.Api, IbCheckStatus.Fail, "", "", "", null) }));
    }

    [Fact]
    public async Task The_repair_sends_reconnectdata_and_describes_ibcs_answer()
    {
        using var server = new FakeIbcCommandServer("OK Reconnecting data");
        var outcome = await HealthCheckRepair.ReconnectDataAsync(new IbcCommandClient(), "127.0.0.1", server.Port, CancellationToken.None);
        Assert.Equal("RECONNECTDATA", await server.ReceivedAsync());
        Assert.Equal("RECONNECTDATA: Ok (Reconnecting data)", outcome);
    }

    [Fact]
    public async Task A_repair_that_cannot_reach_ibc_says_so_instead_of_throwing()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var outcome = await HealthCheckRepair.ReconnectDataAsync(new IbcCommandClient(), "127.0.0.1", port, CancellationToken.None);
        Assert.StartsWith("RECONNECTDATA: not sent (Nothing accepts connections", outcome);
    }

    [Theory]
    [InlineData("CommandServerPort=7463\n", 7463)]
    [InlineData("CommandServerPort=\n", 7462)]
    [InlineData("TradingMode=paper\n", 7462)]
    public void The_command_server_port_comes_from_config_ini_else_the_default(string ini, int expected) =>
        Assert.Equal(expected, IbcCommandServerPort.From(IbcConfig.Parse(System.Text.Encoding.UTF8.GetBytes(ini), "/ibc/config.ini")).Port);

    [Fact]
    public void A_command_server_turned_off_is_a_clear_error()
    {
        var ex = Assert.Throws<IbConfigException>(() => IbcCommandServerPort.From(IbcConfig.Parse(System.Text.Encoding.UTF8.GetBytes("CommandServerPort=0\n"), "/ibc/config.ini")));
        Assert.Equal("IbcCommandServerOff", ex.ErrorId);
        Assert.Contains("/ibc/config.ini:1", ex.Message);
    }
}
