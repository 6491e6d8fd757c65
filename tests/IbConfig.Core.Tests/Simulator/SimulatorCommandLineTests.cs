using System.Diagnostics;
using System.Net;
using IbConfig.Core.Simulator;
using IbConfig.Simulator.Cli;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>The console program a bot's CI runs: its arguments, and the program itself end to end.</summary>
public class SimulatorCommandLineTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "../../../../../samples");

    [Fact]
    public void Maps_every_option_onto_the_simulator_options()
    {
        var line = SimulatorCommandLine.Parse(new[]
        {
            "--port", "0", "--bind", "::1", "--account", "DU111111,DU222222", "--account", "DU333333", "--read-only",
            "--trusted-ip", "::1,10.0.0.5", "--allow-remote", "--untrusted", "hold", "--master-client-id", "0",
            "--occupied-client-id", "999", "--max-server-version", "176", "--port-file", "p.txt", "--log",
        });
        var o = line.Options;
        Assert.Equal((0, IPAddress.IPv6Loopback, true, false, UntrustedBehaviour.Hold, (int?)0, 176),
            (o.Port, o.BindAddress, o.ReadOnlyApi, o.AllowLocalhostOnly, o.UntrustedBehaviour, o.MasterClientId, o.MaxServerVersion));
        Assert.Equal(new[] { "DU111111", "DU222222", "DU333333" }, o.Accounts.Select(a => a.Id));
        Assert.Equal(new[] { "::1", "10.0.0.5" }, o.TrustedIps);
        Assert.Contains(999, o.OccupiedClientIds);
        Assert.Equal("p.txt", line.PortFile);
        Assert.True(line.Log);
    }

    [Fact]
    public void Replays_the_bar_series_of_a_data_file_from_the_start_speed_and_seed_given()
    {
        var o = SimulatorCommandLine.Parse(new[]
        {
            "--data", Path.Combine(Samples, "simulator/replay-day.txt"), "--replay-start", "2025-11-18T15:00:00Z", "--replay-speed", "60", "--replay-seed", "4",
        }).Options;

        Assert.Equal((new DateTimeOffset(2025, 11, 18, 15, 0, 0, TimeSpan.Zero), 60.0, 4), (o.ReplayStart!.Value, o.ReplaySpeed, o.ReplaySeed));
        Assert.Equal(new[] { 265598, 756733 }, o.Bars.Select(b => b.ConId));
    }

    [Fact]
    public void Plays_the_faults_of_a_scenario_file()
    {
        var o = SimulatorCommandLine.Parse(new[] { "--scenario", Path.Combine(Samples, "simulator/bot-day.scenario.txt") }).Options;
        Assert.Equal(new[] { SimulatorFaultKind.Notice, SimulatorFaultKind.Notice, SimulatorFaultKind.Pacing, SimulatorFaultKind.NightlyRestart, SimulatorFaultKind.AdvanceClock }, o.Faults.Select(f => f.KindValue));
    }

    [Fact]
    public void Stands_in_for_a_paper_gateway_by_default()
    {
        var o = SimulatorCommandLine.Parse(Array.Empty<string>()).Options;
        Assert.Equal((4002, IPAddress.Loopback, true, false), (o.Port, o.BindAddress, o.ApiEnabled, o.ReadOnlyApi));
    }

    [Theory]
    [InlineData("never", FillRule.Never)]
    [InlineData("AtMarket", FillRule.AtMarket)]
    public void Takes_the_default_fill_rule(string text, FillRule rule)
    {
        Assert.Equal(rule, SimulatorCommandLine.Parse(new[] { "--fill-rule", text }).Options.DefaultFillRule);
        Assert.Equal(FillRule.OnLimitCross, SimulatorCommandLine.Parse(Array.Empty<string>()).Options.DefaultFillRule);
    }

    [Fact]
    public void Reads_a_data_file_and_keeps_its_values_for_the_accounts_named()
    {
        var o = SimulatorCommandLine.Parse(new[] { "--data", Path.Combine(Samples, "simulator/paper-accounts.txt"), "--account", "DU123456" }).Options;
        Assert.Equal("125000.50", Assert.Single(o.Accounts).GetValue("NetLiquidation"));
        Assert.Equal(2, o.Positions.Count);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port")]
    [InlineData("--port", "many")]
    [InlineData("--untrusted", "maybe")]
    [InlineData("--bind", "localhost")]
    [InlineData("--fill-rule", "sometimes")]
    [InlineData("--replay-start", "yesterday")]
    [InlineData("--replay-speed", "fast")]
    public void Rejects_bad_arguments_with_a_message(params string[] args)
    {
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(args)).Message));
    }

    [Fact]
    public async Task Runs_as_a_program_that_reports_its_port_and_serves_clients()
    {
        var portFile = Path.Combine(Path.GetTempPath(), $"ibconfig-sim-{Guid.NewGuid():N}.port");
        var program = Path.Combine(AppContext.BaseDirectory, "ibconfig-simulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program, "--port", "0", "--port-file", portFile, "--account", "DU777777" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(RawTwsClient.Guard);
            Assert.StartsWith("IbGatewaySimulator listening on 127.0.0.1:", firstLine);
            var port = int.Parse(File.ReadAllText(portFile));
            Assert.Contains($":{port} ", firstLine);
            var (client, version, welcome) = await RawTwsClient.ConnectAndStartAsync(new IPEndPoint(IPAddress.Loopback, port));
            await using var _ = client;
            Assert.Equal(193, version);
            Assert.Equal(new[] { "15", "1", "DU777777" }, welcome[0].Fields);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            File.Delete(portFile);
        }
    }
}
