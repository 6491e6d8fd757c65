using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

public class GatewaySimulatorProtocolTests
{
    [Theory]
    [InlineData("v100..193", 193)]
    [InlineData("v100..176", 176)]
    [InlineData("v100..177", 177)]
    [InlineData("v100..217", 193)]
    [InlineData("v100..226", 193)]
    [InlineData("v157..178", 178)]
    [InlineData("v176", 176)]
    [InlineData("v100..217 +PACEAPI", 193)]
    public async Task Answers_the_highest_version_both_sides_speak_with_the_connection_time(string range, int expected)
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync(range);
        var reply = await client.ReadMessageAsync();
        Assert.Equal(new[] { expected.ToString(), "20251115 20:30:45 UTC" }, reply.Fields);
        await simulator.WaitFor(SimulatorEventKind.VersionNegotiated);
    }

    [Fact]
    public async Task Answers_no_more_than_the_configured_maximum_version()
    {
        using var simulator = Start(o => o.MaxServerVersion = 160);
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync("v100..193");
        Assert.Equal("160", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Theory]
    [InlineData("v194..226")]
    [InlineData("v38..99")]
    public async Task Closes_without_a_reply_a_range_it_cannot_serve(string range)
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync(range);
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains(range, (await simulator.WaitFor(SimulatorEventKind.VersionRefused)).Message);
    }

    [Fact]
    public async Task Serves_a_client_that_sends_its_handshake_and_start_api_in_one_write()
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        var version = System.Text.Encoding.ASCII.GetBytes("v100..193");
        var hello = new byte[] { (byte)'A', (byte)'P', (byte)'I', 0, 0, 0, 0, (byte)version.Length }.Concat(version);
        await client.SendRawAsync(hello.Concat(new IbConfig.Core.Protocol.MessageBuilder().Add(71).Add(2).Add(5).Add("").ToFrame()).ToArray());

        Assert.Equal("193", (await client.ReadMessageAsync()).Fields[0]);
        Assert.Equal("15", (await client.ReadMessageAsync()).Fields[0]);
        Assert.Equal(5, (await simulator.WaitFor(SimulatorEventKind.ApiStarted)).ClientId);
    }

    [Fact]
    public async Task A_client_that_leaves_between_requests_is_logged_as_closed_by_the_client()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await client.SendAsync(49, 1);
        await client.ReadUntilAsync(49);
        await client.DisposeAsync();

        Assert.Equal("the client closed the connection", (await simulator.WaitFor(SimulatorEventKind.Disconnected)).Message);
        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.ProtocolViolation);
    }

    [Fact]
    public async Task Welcomes_a_started_client_with_accounts_next_id_and_farm_notices()
    {
        using var simulator = Start(o => { o.UseAccounts(new[] { "DU111111", "DU222222" }); o.NextValidOrderId = 7; });
        var (client, version, welcome) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 3);
        await using var _ = client;
        Assert.Equal(193, version);
        Assert.Equal(new[] { "15", "1", "DU111111,DU222222" }, welcome[0].Fields);
        Assert.Equal(new[] { "9", "1", "7" }, welcome[1].Fields);
        Assert.Equal(new[] { "4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", "" }, welcome[2].Fields);
        Assert.Equal(new[] { "4", "2", "-1", "2106", "HMDS data farm connection is OK:ushmds", "" }, welcome[3].Fields);
        Assert.Equal(new[] { "4", "2", "-1", "2158", "Sec-def data farm connection is OK:secdefnj", "" }, welcome[4].Fields);
        var started = await simulator.WaitFor(SimulatorEventKind.ApiStarted);
        Assert.Equal(3, started.ClientId);
        Assert.Equal(SessionState.Connected, Assert.Single(simulator.GetSessions()).StateValue);
    }

    [Fact]
    public async Task Leaves_out_the_reject_json_field_of_errors_below_version_166()
    {
        using var simulator = Start();
        var (client, version, welcome) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, range: "v100..165");
        await using var _ = client;
        Assert.Equal(165, version);
        Assert.Equal(new[] { "4", "2", "-1", "2104", "Market data farm connection is OK:usfarm" }, welcome[2].Fields);
    }

    [Fact]
    public async Task Tells_the_current_time_from_its_clock()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var __ = client;
        await client.SendAsync(49, 1);
        Assert.Equal(new[] { "49", "1", Now.ToUnixTimeSeconds().ToString() }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task Answers_managed_accounts_and_next_ids_on_request()
    {
        using var simulator = Start(o => o.UseAccounts(new[] { "U7654321" }));
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(17, 1);
        Assert.Equal(new[] { "15", "1", "U7654321" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(8, 1, 1);
        Assert.Equal(new[] { "9", "1", "1" }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task Reports_each_requested_standard_tag_per_account_then_the_end()
    {
        using var simulator = Start(o =>
        {
            o.Accounts.Add(new SimulatedAccount("DU111111").SetValue("NetLiquidation", "125000.50"));
            o.Accounts.Add(new SimulatedAccount("DU222222", "EUR"));
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(62, 1, 9, "All", "NetLiquidation,Bogus,AccountType,NetLiquidation");
        var replies = new List<string[]>();
        for (var i = 0; i < 5; i++) replies.Add((await client.ReadMessageAsync()).Fields.ToArray());
        Assert.Equal(new[]
        {
            new[] { "63", "1", "9", "DU111111", "NetLiquidation", "125000.50", "USD" },
            new[] { "63", "1", "9", "DU111111", "AccountType", "INDIVIDUAL", "" },
            new[] { "63", "1", "9", "DU222222", "NetLiquidation", "1000000.00", "EUR" },
            new[] { "63", "1", "9", "DU222222", "AccountType", "INDIVIDUAL", "" },
            new[] { "64", "1", "9" },
        }, replies);
        await client.SendAsync(63, 1, 9);
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Reports_positions_in_the_version_3_layout_then_the_end()
    {
        using var simulator = Start(o =>
        {
            o.UseAccounts(new[] { "DU111111" });
            o.Positions.Add(new SimulatedPosition("DU111111", "AAPL", 100, 150.25) { ConId = 265598, Exchange = "NASDAQ" });
            o.Positions.Add(new SimulatedPosition("DU111111", "MSFT", -2.5m, 410) { ConId = 272093 });
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(61, 1);
        Assert.Equal(new[] { "61", "3", "DU111111", "265598", "AAPL", "STK", "", "0", "", "", "NASDAQ", "USD", "AAPL", "AAPL", "100", "150.25" },
            (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "61", "3", "DU111111", "272093", "MSFT", "STK", "", "0", "", "", "", "USD", "MSFT", "MSFT", "-2.5", "410" },
            (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "62", "1" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(64, 1);
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Answers_an_unsupported_request_politely_on_its_request_id_and_keeps_serving()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(94, 42, "DU123456", "", 265598);     // REQ_PNL_SINGLE, request id 42
        var error = await client.ReadMessageAsync();
        Assert.Equal(new[] { "4", "2", "42", "10999" }, error.Fields.Take(4));
        Assert.Equal("REQ_PNL_SINGLE (94) is not supported by the simulator.", error.Fields[4]);
        await client.SendAsync(999, 1);                              // an id nobody knows
        Assert.Equal(new[] { "4", "2", "-1", "10999" }, (await client.ReadMessageAsync()).Fields.Take(4));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
        Assert.Equal(2, simulator.Events.Snapshot().Count(e => e.KindValue == SimulatorEventKind.Unsupported));
    }

    [Fact]
    public async Task Refuses_orders_with_error_321_when_the_api_is_read_only()
    {
        using var simulator = Start(o => o.ReadOnlyApi = true);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(3, 17, 0, "AAPL", "STK");             // PLACE_ORDER at 193: no version field, order id 17
        Assert.Equal(new[] { "4", "2", "17", "321", GatewayErrorCode.ReadOnlyText, "" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(4, 17, "");                           // CANCEL_ORDER at 193: no version field (dropped at 192)
        Assert.Equal(new[] { "4", "2", "17", "321" }, (await client.ReadMessageAsync()).Fields.Take(4));
        await client.SendAsync(5, 1);                                // REQ_OPEN_ORDERS
        Assert.Equal(new[] { "4", "2", "-1", "321" }, (await client.ReadMessageAsync()).Fields.Take(4));
        Assert.Equal(3, simulator.Events.Snapshot().Count(e => e.KindValue == SimulatorEventKind.ReadOnlyRejected));
    }

    [Fact]
    public async Task Answers_a_request_with_unreadable_fields_with_error_320_and_stays_connected()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(62, 1, "nine");                       // REQ_ACCOUNT_SUMMARY with a bad id and no tags
        Assert.Equal(new[] { "4", "2", "-1", "320" }, (await client.ReadMessageAsync()).Fields.Take(4));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Rejects_a_client_id_in_use_with_error_326_then_closes()
    {
        using var simulator = Start();
        var (first, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 5);
        await using (first)
        {
            await using var second = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
            await second.SendHandshakeAsync("v100..193");
            await second.ReadMessageAsync();
            await second.SendAsync(71, 2, 5, "");
            Assert.Equal(new[] { "4", "2", "-1", "326", GatewayErrorCode.ClientIdInUseText, "" }, (await second.ReadMessageAsync()).Fields);
            Assert.Equal(0, await second.ReadToEndAsync());
            Assert.Equal(5, (await simulator.WaitFor(SimulatorEventKind.ClientIdInUse)).ClientId);
        }
        // Once the holder leaves, the id is free again.
        var firstSession = (await simulator.WaitFor(SimulatorEventKind.ApiStarted)).SessionId;
        await simulator.WaitFor(SimulatorEventKind.Disconnected, firstSession);
        var (third, _, welcome) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 5);
        await using var _ = third;
        Assert.Equal("15", welcome[0].Fields[0]);
    }

    [Fact]
    public async Task Rejects_a_client_id_a_stale_client_still_holds()
    {
        using var simulator = Start(o => o.OccupiedClientIds.Add(999));
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync("v100..193");
        await client.ReadMessageAsync();
        await client.SendAsync(71, 2, 999, "");
        Assert.Equal("326", (await client.ReadMessageAsync()).Fields[3]);
        Assert.Equal(0, await client.ReadToEndAsync());
    }

    [Fact]
    public async Task Marks_the_session_of_the_master_client()
    {
        using var simulator = Start(o => o.MasterClientId = 0);
        var (master, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 0);
        var (other, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 1);
        await using var _ = master;
        await using var __ = other;
        var sessions = simulator.GetSessions();
        Assert.True(sessions.Single(s => s.ClientId == 0).IsMasterClient);
        Assert.False(sessions.Single(s => s.ClientId == 1).IsMasterClient);
        Assert.All(sessions, s => Assert.Equal(193, s.ServerVersion));
    }

    [Fact]
    public async Task Closes_a_client_that_skips_start_api()
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);
        await client.SendHandshakeAsync("v100..193");
        await client.ReadMessageAsync();
        await client.SendAsync(49, 1);
        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("before START_API", (await simulator.WaitFor(SimulatorEventKind.ProtocolViolation)).Message);
    }
}
