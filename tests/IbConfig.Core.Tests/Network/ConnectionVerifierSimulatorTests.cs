using IbConfig.Core.Network;
using IbConfig.Core.Settings;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Network;

/// <summary>The client against the gateway simulator: two implementations of the protocol written apart must agree.</summary>
public class ConnectionVerifierSimulatorTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static GatewaySimulator Start(Action<GatewaySimulatorOptions>? configure = null)
    {
        var options = new GatewaySimulatorOptions().UseAccounts(new[] { "DU111111", "DU222222" });
        options.Positions.Add(new SimulatedPosition("DU111111", "AAPL", 10, 150.25));
        options.Positions.Add(new SimulatedPosition("DU222222", "MSFT", 5.5m, 300));
        options.Positions.Add(new SimulatedPosition("DU222222", "SPY", -2, 450));
        options.NextValidOrderId = 42;
        configure?.Invoke(options);
        var simulator = new GatewaySimulator(options);
        simulator.Start();
        return simulator;
    }

    private static Task<IbConnectionResult> VerifyAsync(int port, Action<IbConnectionRequest>? configure = null, double timeoutSeconds = 5)
    {
        var request = new IbConnectionRequest { Port = port, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        configure?.Invoke(request);
        return new ConnectionVerifier().VerifyAsync(request, CancellationToken.None).WaitAsync(HangGuard);
    }

    [Fact]
    public async Task The_simulator_passes_every_stage_with_the_values_it_was_given()
    {
        using var simulator = Start();
        var result = await VerifyAsync(simulator.Port);

        Assert.True(result.Success, $"{result.Status}: {result.Diagnosis}");
        Assert.Equal(193, result.ServerVersion);
        Assert.Equal(new[] { "DU111111", "DU222222" }, result.ManagedAccounts);
        Assert.Equal(TradingMode.Paper, result.AccountKindValue);
        Assert.Equal(42, result.NextValidOrderId);
        Assert.Equal(3, result.PositionCount);
        Assert.True(result.AccountSummaryCount >= 2, $"summary items: {result.AccountSummaryCount}");
        Assert.Contains(result.Notices, n => n.Code == 2104);
        Assert.InRange(Math.Abs(result.ClockSkewValue!.Value.TotalSeconds), 0, 2);
    }

    [Fact]
    public async Task An_occupied_client_id_is_reported_and_a_free_one_found()
    {
        using var simulator = Start(o => o.OccupiedClientIds = new HashSet<int> { 999, 1000 });

        var taken = await VerifyAsync(simulator.Port);
        Assert.Equal(IbConnectionStatus.ClientIdInUse, taken.StatusValue);

        var found = await VerifyAsync(simulator.Port, r => r.FindFreeClientId = true);
        Assert.True(found.Success, found.Diagnosis);
        Assert.Equal(1001, found.ClientId);
    }

    [Fact]
    public async Task Concurrent_checks_of_one_gateway_with_one_client_id_do_not_refuse_each_other()
    {
        using var simulator = Start();
        var verifier = new ConnectionVerifier();
        var checks = new[] { "127.0.0.1", "localhost", "127.0.0.1", "LOCALHOST" }.Select(name =>
            verifier.VerifyAsync(new IbConnectionRequest { ComputerName = name, Port = simulator.Port, SkipAccountData = true }, CancellationToken.None));
        var results = await Task.WhenAll(checks).WaitAsync(HangGuard);

        Assert.All(results, r => Assert.True(r.Success, $"{r.ComputerName}: {r.Status} {r.Diagnosis}"));
        Assert.All(results, r => Assert.Equal(999, r.ClientId));
    }

    [Fact]
    public async Task An_untrusted_address_is_closed_during_the_handshake()
    {
        using var simulator = Start(o => { o.TrustedIps = new List<string> { "10.0.0.5" }; o.AllowLocalhostOnly = false; o.UntrustedBehaviour = UntrustedBehaviour.Close; });
        var result = await VerifyAsync(simulator.Port);

        Assert.Equal(IbConnectionStatus.ClosedDuringHandshake, result.StatusValue);
        Assert.Contains("Add-IbTrustedIp 127.0.0.1", result.Remedy);
    }

    [Fact]
    public async Task An_untrusted_address_held_by_an_accept_dialog_is_awaiting_acceptance()
    {
        using var simulator = Start(o => { o.TrustedIps = new List<string> { "10.0.0.5" }; o.AllowLocalhostOnly = false; o.UntrustedBehaviour = UntrustedBehaviour.Hold; });
        // The connect is done, and the simulator holding it, before the check's clock starts: however loaded the machine,
        // the short time-out can only run out in the handshake, where silence means the accept dialog.
        using var guard = new CancellationTokenSource(HangGuard);
        var socket = await ConnectedDialer.ConnectAsync(simulator.Port, guard.Token);
        await simulator.WaitForEventAsync(SimulatorEventKind.PeerHeld, guard.Token);
        var verifier = ConnectedDialer.VerifierOver(socket);

        var result = await verifier.VerifyAsync(new IbConnectionRequest { Port = simulator.Port, Timeout = TimeSpan.FromSeconds(0.5) }, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(IbConnectionStatus.AwaitingAcceptance, result.StatusValue);
        Assert.Equal(ConnectionStage.Handshake, result.FailedStageValue);
    }


    [Fact]
    public async Task A_read_only_api_still_serves_the_whole_check()
    {
        using var simulator = Start(o => o.ReadOnlyApi = true);
        var result = await VerifyAsync(simulator.Port);

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal(3, result.PositionCount);
    }

    [Fact]
    public async Task A_live_account_on_the_simulator_fails_when_paper_is_expected()
    {
        using var simulator = Start(o => { o.Accounts = new List<SimulatedAccount> { new("U7654321") }; o.Positions.Clear(); });
        var result = await VerifyAsync(simulator.Port, r => r.ExpectTradingMode = TradingMode.Paper);

        Assert.Equal(IbConnectionStatus.TradingModeMismatch, result.StatusValue);
        Assert.Equal(TradingMode.Live, result.AccountKindValue);
    }
}
