using System.Text;
using System.Text.Json;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>What a bot's CI asserts on: the trace, errors on the request's own id, and clear refusals.</summary>
public class GatewaySimulatorCiTests
{
    [Fact]
    public async Task Traces_every_request_and_reply_as_one_JSON_object_per_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ibconfig-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            var simulator = Start(o => o.TracePath = path);
            var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId: 4);
            await using (client)
            {
                await client.SendAsync(49, 1);
                await client.ReadMessageAsync();
            }
            await simulator.StopAsync();

            var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            string Describe(JsonElement e) => $"{e.GetProperty("direction").GetString()} {e.GetProperty("name").GetString()}";
            Assert.Equal(new[]
            {
                "reply SERVER_VERSION", "request START_API", "reply ManagedAccounts", "reply NextValidId", "reply Error", "reply Error", "reply Error",
                "request REQ_CURRENT_TIME", "reply CurrentTime",
            }, lines.Select(Describe));
            var time = lines[7];
            Assert.Equal((1L, 4, 49), (time.GetProperty("session").GetInt64(), time.GetProperty("clientId").GetInt32(), time.GetProperty("messageId").GetInt32()));
            Assert.Equal(new[] { "49", "1" }, time.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("2025-11-15T20:30:45.000Z", time.GetProperty("time").GetString());
            Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("clientId").ValueKind);
            Assert.Equal("Market data farm connection is OK:usfarm", lines[4].GetProperty("fields")[4].GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_trace_that_cannot_be_written_is_refused_with_the_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing-folder", "trace.jsonl");

        var error = Assert.Throws<IbConfigException>(() => Start(o => o.TracePath = path));

        Assert.Equal(("SimulatorTraceUnwritable", IbErrorKind.WriteError), (error.ErrorId, error.Kind));
    }

    [Theory]
    [InlineData(new object[] { 97, 31, 0, "SPY" }, "31")]            // REQ_TICK_BY_TICK_DATA: id after the message id
    [InlineData(new object[] { 88, 32, 0, "SPY" }, "32")]            // REQ_HISTOGRAM_DATA
    [InlineData(new object[] { 79, 33 }, "33")]                      // REQ_SOFT_DOLLAR_TIERS
    [InlineData(new object[] { 67, 1, 34 }, "34")]                   // QUERY_DISPLAY_GROUPS: id after a version field
    [InlineData(new object[] { 104, 35 }, "35")]                     // REQ_USER_INFO
    public async Task An_unsupported_request_gets_one_error_on_its_own_id(object[] request, string id)
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(request);
        var error = await client.ReadMessageAsync();
        await client.SendAsync(49, 1);

        Assert.Equal(new[] { "4", "2", id, "10999" }, error.Fields.Take(4));
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]); // one error, nothing more
    }

    [Theory]
    [InlineData(new[] { 2, 2, 42 })]         // CANCEL_MKT_DATA
    [InlineData(new[] { 25, 1, 43 })]        // CANCEL_HISTORICAL_DATA
    [InlineData(new[] { 51, 1, 44 })]        // CANCEL_REAL_TIME_BARS
    [InlineData(new[] { 90, 45 })]           // CANCEL_HEAD_TIMESTAMP
    [InlineData(new[] { 93, 46 })]           // CANCEL_PNL
    public async Task Cancels_are_silent_as_at_IB(int[] cancel)
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(cancel.Cast<object>().ToArray());
        await client.SendAsync(49, 1);

        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Unsupported);
    }

    [Fact]
    public async Task A_pre_v100_handshake_is_closed_with_a_logged_reason()
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);

        await client.SendRawAsync(Encoding.ASCII.GetBytes("63\0"));

        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("pre-v100 handshake refused: the client sent version 63", (await simulator.WaitFor(SimulatorEventKind.VersionRefused)).Message);
        Assert.Contains("closed: pre-v100", (await simulator.WaitFor(SimulatorEventKind.Disconnected)).Message);
    }

    [Fact]
    public async Task Digits_that_run_on_are_a_protocol_violation_not_a_hang()
    {
        using var simulator = Start();
        await using var client = await RawTwsClient.ConnectAsync(simulator.LocalEndPoint!);

        await client.SendRawAsync(Encoding.ASCII.GetBytes("6x"));

        Assert.Equal(0, await client.ReadToEndAsync());
        Assert.Contains("neither \"API\\0\"", (await simulator.WaitFor(SimulatorEventKind.ProtocolViolation)).Message);
    }
}
