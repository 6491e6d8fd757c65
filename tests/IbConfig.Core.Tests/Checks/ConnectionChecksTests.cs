using System.Net;
using IbConfig.Core.Checks;
using IbConfig.Core.Network;
using IbConfig.Core.Processes;
using IbConfig.Core.Protocol;
using IbConfig.Core.Discovery;
using IbConfig.Core.Settings;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Checks.CheckFixture;

namespace IbConfig.Core.Tests.Checks;

/// <summary>The live checks against the gateway simulator on loopback, through the loader's real connection stage.</summary>
public sealed class ConnectionChecksTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static async Task<CheckContext> ProbeAsync(GatewaySimulatorOptions options, CheckRequest? request = null, TimeSpan? localClockOffset = null)
    {
        options.BindAddress = IPAddress.Loopback;
        options.Port = 0;
        using var simulator = new GatewaySimulator(options);
        simulator.Start();
        var context = new CheckContext(request ?? new CheckRequest(), Now) { Port = simulator.Port };
        var offset = localClockOffset ?? TimeSpan.Zero;
        var loader = new CheckContextLoader(new ConfigLocator(Array.Empty<string>()), Array.Empty<string>(),
            () => new GatewayProcessFinder(StaticProcessSource.Empty), new PortListenerLookup(null),
            new ConnectionVerifier(new TcpConnector(), () => DateTimeOffset.UtcNow + offset), () => Now);
        await loader.ProbeAsync(context, CancellationToken.None).WaitAsync(HangGuard);
        await simulator.StopAsync().WaitAsync(HangGuard);
        return context;
    }

    private static IbCheckResult Check(IbCheck check, CheckContext context) => Evaluate(check, context);

    [Fact]
    public async Task A_healthy_paper_gateway_passes_every_live_check()
    {
        var context = await ProbeAsync(new GatewaySimulatorOptions().UseAccounts(new[] { "DU123456" }), new CheckRequest { TradingMode = TradingMode.Paper });
        foreach (var check in new IbCheck[] { new ApiHandshakeCheck(), new ServerTimeCheck(), new AccountsTradingModeCheck(), new HealthClientIdFreeCheck(), new DataFarmsCheck() })
        {
            var result = Check(check, context);
            Assert.True(result.StatusValue == IbCheckStatus.Pass, $"{result.Id}: {result.StatusValue} {result.Actual}");
            Assert.Equal("live", result.Source);
        }
        Assert.Contains("DU123456", Check(new AccountsTradingModeCheck(), context).Actual);
        Assert.Contains("usfarm OK", Check(new DataFarmsCheck(), context).Actual);
    }

    [Fact]
    public async Task Live_accounts_when_paper_was_asked_fail()
    {
        var context = await ProbeAsync(new GatewaySimulatorOptions().UseAccounts(new[] { "U1234567" }), new CheckRequest { TradingMode = TradingMode.Paper });
        var result = Check(new AccountsTradingModeCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("LIVE accounts", result.Actual);
        Assert.Equal(IbCheckStatus.Pass, Check(new ApiHandshakeCheck(), context).StatusValue);
    }

    [Fact]
    public async Task A_client_id_held_by_a_bot_fails_the_client_id_check_with_another_id_to_use()
    {
        var options = new GatewaySimulatorOptions();
        options.OccupiedClientIds.Add(CheckRequest.DefaultHealthClientId);
        var context = await ProbeAsync(options);
        var result = Check(new HealthClientIdFreeCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Equal("Test-IbApiConfiguration -ClientId 1000", result.Remedy);
        Assert.Equal(IbCheckStatus.Pass, Check(new ApiHandshakeCheck(), context).StatusValue);
        Assert.Equal(IbCheckStatus.Skipped, Check(new AccountsTradingModeCheck(), context).StatusValue);
    }

    [Fact]
    public async Task A_gateway_that_does_not_trust_this_address_fails_the_handshake_with_the_verifiers_remedy()
    {
        var context = await ProbeAsync(new GatewaySimulatorOptions { TrustedIps = new List<string> { "10.0.0.5" }, AllowLocalhostOnly = false });
        var result = Check(new ApiHandshakeCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("ClosedDuringHandshake", result.Actual);
        Assert.False(string.IsNullOrEmpty(result.Remedy));
        Assert.Equal(IbCheckStatus.Skipped, Check(new ServerTimeCheck(), context).StatusValue);
        Assert.Equal(IbCheckStatus.Skipped, Check(new DataFarmsCheck(), context).StatusValue);
    }

    [Fact]
    public async Task A_clock_a_minute_off_the_servers_warns()
    {
        var context = await ProbeAsync(new GatewaySimulatorOptions(), localClockOffset: TimeSpan.FromMinutes(1));
        var result = Check(new ServerTimeCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("skew -60 s", result.Actual);
    }

    [Fact]
    public async Task A_handshake_proves_the_api_is_enabled_when_no_store_says()
    {
        var context = await ProbeAsync(new GatewaySimulatorOptions());
        context.Settings = CheckFixture.Settings("[IBGateway]\nTrustedIPs=127.0.0.1\n");
        context.SettingsPath = SettingsPath;
        var result = Check(new ApiEnabledCheck(), context);
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Equal("live", result.Source);
    }

    [Fact]
    public void A_broken_farm_warns_and_asks_for_reconnect_data_unless_it_came_back()
    {
        var context = Context();
        context.Connection = new IbConnectionResult("127.0.0.1", 4002, 999)
        {
            StartApiMs = 1,
            Notices = new[]
            {
                new TwsNotice(-1, 2104, "Market data farm connection is OK:usfarm"),
                new TwsNotice(-1, 2105, "HMDS data farm connection is broken:ushmds"),
                new TwsNotice(-1, 2103, "Market data farm connection is broken:usfarm"),
                new TwsNotice(-1, 2157, "Sec-def data farm connection is broken:secdefnj"),
                new TwsNotice(-1, 2158, "Sec-def data farm connection is OK:secdefnj"),
            },
        };
        var result = Check(new DataFarmsCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Equal("2103 Market data farm connection is broken:usfarm; 2105 HMDS data farm connection is broken:ushmds", result.Actual);
        Assert.StartsWith("Send-IbcCommand ReconnectData", result.Remedy);
        Assert.True(IbConfig.Core.Health.HealthCheckRepair.NeedsDataReconnect(new[] { result }));
    }

    [Fact]
    public async Task Offline_never_connects()
    {
        var options = new GatewaySimulatorOptions { BindAddress = IPAddress.Loopback };
        using var simulator = new GatewaySimulator(options);
        simulator.Start();
        var context = new CheckContext(new CheckRequest { Offline = true }, Now) { Port = simulator.Port };
        var loader = new CheckContextLoader(new ConfigLocator(Array.Empty<string>()), Array.Empty<string>(),
            () => new GatewayProcessFinder(StaticProcessSource.Empty), new PortListenerLookup(null), new ConnectionVerifier(), () => Now);
        await loader.ProbeAsync(context, CancellationToken.None);
        Assert.Null(context.Connection);
        Assert.Equal(0, simulator.ConnectionCount);
    }
}
