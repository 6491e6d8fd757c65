using System.Net.Sockets;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

public class GatewaySimulatorFaultTests
{
    [Theory]
    [InlineData(1100, null, "Connectivity between IB and Trader Workstation has been lost.")]
    [InlineData(1101, null, "Connectivity between IB and Trader Workstation has been restored - data lost.")]
    [InlineData(1102, null, "Connectivity between IB and Trader Workstation has been restored - data maintained.")]
    [InlineData(2110, null, "Connectivity between Trader Workstation and server is broken. It will be restored automatically.")]
    [InlineData(2103, null, "Market data farm connection is broken:usfarm")]
    [InlineData(2103, "eufarm", "Market data farm connection is broken:eufarm")]
    [InlineData(2104, null, "Market data farm connection is OK:usfarm")]
    [InlineData(2105, null, "HMDS data farm connection is broken:ushmds")]
    [InlineData(2106, "euhmds", "HMDS data farm connection is OK:euhmds")]
    [InlineData(2157, null, "Sec-def data farm connection is broken:secdefnj")]
    [InlineData(2158, null, "Sec-def data farm connection is OK:secdefnj")]
    public async Task A_notice_reaches_every_connected_client_with_id_minus_1_and_IBs_text(int code, string? farm, string text)
    {
        using var simulator = Start();
        var (first, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 1);
        var (second, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 2);
        await using var _1 = first;
        await using var _2 = second;

        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = code, Farm = farm }, Guard);

        foreach (var client in new[] { first, second })
            Assert.Equal(new[] { "4", "2", "-1", code.ToString(), text, "" }, (await client.ReadMessageAsync()).Fields);
        Assert.Contains("to 2 client(s)", (await simulator.WaitFor(SimulatorEventKind.Fault)).Message);
    }

    [Fact]
    public async Task A_notice_for_chosen_client_ids_skips_the_others()
    {
        using var simulator = Start();
        var (chosen, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 5);
        var (other, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 6);
        await using var _1 = chosen;
        await using var _2 = other;

        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = 1100, ClientIds = { 5 } }, Guard);
        await other.SendAsync(49, 1); // the next thing the other client reads must be the time it asks for, not the notice

        Assert.Equal("1100", (await chosen.ReadMessageAsync()).Fields[3]);
        Assert.Equal("49", (await other.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Dropping_clients_closes_their_connections_and_logs_why()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 3);
        await using var _ = client;

        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients }, Guard);

        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Equal(0, simulator.ActiveSessionCount);
        Assert.Equal("closed: dropped by a fault", (await simulator.WaitFor(SimulatorEventKind.Disconnected)).Message);
    }

    [Fact]
    public async Task A_scheduled_fault_waits_for_its_time_after_the_start()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        var at = simulator.Elapsed + TimeSpan.FromMilliseconds(300);

        simulator.Inject(new SimulatorFault { KindValue = SimulatorFaultKind.Notice, Code = 2103, AtValue = at });

        Assert.Equal("2103", (await client.ReadMessageAsync()).Fields[3]);
        Assert.True(simulator.Elapsed >= at, $"played at {simulator.Elapsed}, before {at}");
    }

    [Fact]
    public async Task Faults_from_the_options_play_once_started()
    {
        using var simulator = Start(o => o.Faults.Add(new SimulatorFault { KindValue = SimulatorFaultKind.Silence, Requests = { 49 } }));
        await simulator.WaitFor(SimulatorEventKind.Fault);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(49, 1);
        await client.SendAsync(17, 1);

        Assert.Equal("15", (await client.ReadMessageAsync()).Fields[0]); // managed accounts: the current time never came
        Assert.Equal(49, (await simulator.WaitFor(SimulatorEventKind.Silenced)).MessageId);
    }

    [Fact]
    public async Task Pacing_answers_the_chosen_requests_with_162_and_their_own_id_for_its_count()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Pacing, Count = 1 }, Guard);

        await client.SendAsync(20, 4001, 0, "SPY", "STK");
        Assert.Equal(new[] { "4", "2", "4001", "162", "Historical Market Data Service error message:Historical data request pacing violation", "" },
            (await client.ReadMessageAsync()).Fields);

        await client.SendAsync(20, 4002, 0, "SPY", "STK");
        var next = await client.ReadMessageAsync();
        Assert.Equal("4002", next.Fields[2]);
        Assert.NotEqual("162", next.Fields[3]);
    }

    [Fact]
    public async Task Pacing_420_hits_real_time_requests_by_default()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Pacing, Code = 420 }, Guard);

        await client.SendAsync(50, 3, 77, 0, "SPY", "STK");
        var error = await client.ReadMessageAsync();
        Assert.Equal(("77", "420"), (error.Fields[2], error.Fields[3]));
        Assert.Equal(SimulatorEventKind.Paced, (await simulator.WaitFor(SimulatorEventKind.Paced)).KindValue);
    }

    [Fact]
    public async Task Silence_lasts_for_its_duration()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.Silence, Requests = { 49 }, DurationValue = TimeSpan.FromMilliseconds(200) }, Guard);
        await client.SendAsync(49, 1);
        await simulator.WaitFor(SimulatorEventKind.Silenced);
        var until = simulator.Elapsed + TimeSpan.FromMilliseconds(250);
        while (simulator.Elapsed < until) await Task.Delay(50);

        await client.SendAsync(49, 1);

        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task A_nightly_restart_closes_everyone_refuses_then_listens_again_and_holds_old_ids()
    {
        using var simulator = Start();
        var endPoint = simulator.LocalEndPoint!;
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(endPoint, clientId: 7);
        await using var _ = client;

        await simulator.InjectAsync(new SimulatorFault
        {
            // Down long enough that a loaded machine still finds the port closed when it looks.
            KindValue = SimulatorFaultKind.NightlyRestart, DurationValue = TimeSpan.FromSeconds(2), ClientIdHoldValue = TimeSpan.FromSeconds(30),
        }, Guard);

        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Equal(SimulatorStatus.Restarting, simulator.Status);
        var refused = await Assert.ThrowsAnyAsync<SocketException>(() => RawTwsClient.ConnectAsync(endPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);

        await simulator.WaitFor(SimulatorEventKind.Restarted);
        Assert.Equal(SimulatorStatus.Running, simulator.Status);
        Assert.Equal(endPoint, simulator.LocalEndPoint);
        await using var early = await RawTwsClient.ConnectAsync(endPoint);
        await early.SendHandshakeAsync("v100..193");
        await early.ReadMessageAsync();
        await early.SendAsync(71, 2, 7, "");
        Assert.Equal("326", (await early.ReadMessageAsync()).Fields[3]);
        var (other, _, welcome) = await RawTwsClient.ConnectAndStartAsync(endPoint, clientId: 8);
        await using var _2 = other;
        Assert.Equal("15", welcome[0].Fields[0]);
    }

    [Fact]
    public async Task Client_ids_are_free_again_once_the_hold_is_over()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 7);
        await using var _ = client;
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.NightlyRestart, DurationValue = TimeSpan.FromMilliseconds(100) }, Guard);
        await simulator.WaitFor(SimulatorEventKind.Restarted);

        var (again, _, welcome) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 7);
        await using var _2 = again;

        Assert.Equal("15", welcome[0].Fields[0]);
    }

    [Fact]
    public async Task Stopping_during_a_restart_ends_without_listening_again()
    {
        var simulator = Start();
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.NightlyRestart, DurationValue = TimeSpan.FromMinutes(10) }, Guard);

        await simulator.StopAsync().WaitAsync(Guard);

        Assert.Equal(SimulatorStatus.Stopped, simulator.Status);
        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Restarted);
    }

    [Fact]
    public async Task A_restart_during_a_restart_is_logged_as_not_played()
    {
        using var simulator = Start();
        await simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.NightlyRestart, DurationValue = TimeSpan.FromMinutes(10) }, Guard);

        simulator.Inject(new SimulatorFault { KindValue = SimulatorFaultKind.NightlyRestart });

        var refused = await simulator.WaitForEventAsync(e => e.KindValue == SimulatorEventKind.Fault && e.Message.Contains("not played"), Guard);
        Assert.Contains("it can restart only while running", refused.Message);
        await Assert.ThrowsAsync<IbConfigException>(() => simulator.InjectAsync(new SimulatorFault { KindValue = SimulatorFaultKind.NightlyRestart }, Guard));
    }

    [Fact]
    public async Task Stopping_cancels_faults_still_to_come()
    {
        var simulator = Start();
        simulator.Inject(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients, AtValue = TimeSpan.FromHours(1) });

        await simulator.StopAsync().WaitAsync(Guard);

        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Fault);
    }

    [Fact]
    public async Task A_fault_on_a_stopped_simulator_is_refused()
    {
        var simulator = Start();
        await simulator.StopAsync();

        var error = Assert.Throws<IbConfigException>(() => simulator.Inject(new SimulatorFault { KindValue = SimulatorFaultKind.DropClients }));

        Assert.Equal("SimulatorNotRunning", error.ErrorId);
    }

    [Theory]
    [InlineData(SimulatorFaultKind.Notice, null, "needs a code")]
    [InlineData(SimulatorFaultKind.Notice, 1234, "give its text")]
    [InlineData(SimulatorFaultKind.Pacing, 100, "neither 162")]
    [InlineData(SimulatorFaultKind.Silence, null, "needs the requests")]
    public void Invalid_faults_say_what_is_missing(SimulatorFaultKind kind, int? code, string expected)
    {
        var error = Assert.Throws<IbConfigException>(() => new SimulatorFault { KindValue = kind, Code = code }.Validate());

        Assert.Equal(("SimulatorInvalidFault", IbErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Pacing_fills_its_default_code_and_requests()
    {
        var fault = new SimulatorFault { KindValue = SimulatorFaultKind.Pacing }.Validate();

        Assert.Equal(162, fault.Code);
        Assert.Equal(new[] { 20, 87, 96 }, fault.Requests);
    }

    [Theory]
    [InlineData("REQ_HISTORICAL_DATA", 20)]
    [InlineData("reqhistoricaldata", 20)]
    [InlineData("PLACE_ORDER", 3)]
    [InlineData("49", 49)]
    public void Requests_are_named_by_IB_name_or_message_id(string text, int expected) =>
        Assert.Equal(expected, SimulatorFault.ParseRequest(text));

    [Fact]
    public void An_unknown_request_name_is_refused_with_examples() =>
        Assert.Contains("REQ_HISTORICAL_DATA", Assert.Throws<IbConfigException>(() => SimulatorFault.ParseRequest("REQ_LUNCH")).Message);
}
