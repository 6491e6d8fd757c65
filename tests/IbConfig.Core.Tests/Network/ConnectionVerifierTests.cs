using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IbConfig.Core.Network;
using IbConfig.Core.Protocol;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Network;

public class ConnectionVerifierTests
{
    private static readonly DateTimeOffset LocalNow = new(2025, 11, 16, 1, 30, 40, TimeSpan.Zero);

    /// <summary>Guards against hangs only; no test asserts how fast anything is.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static async Task<IbConnectionResult> VerifyAsync(int port, Action<IbConnectionRequest>? configure = null, double timeoutSeconds = 5)
    {
        var request = new IbConnectionRequest { ComputerName = "127.0.0.1", Port = port, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        configure?.Invoke(request);
        var verifier = new ConnectionVerifier(new TcpConnector(), () => LocalNow);
        return await verifier.VerifyAsync(request, CancellationToken.None).WaitAsync(HangGuard);
    }

    private static ScriptedServer Serve(FakeGateway gateway) => new(gateway.RunAsync);

    [Fact]
    public async Task A_healthy_gateway_passes_every_stage_and_reports_what_it_said()
    {
        using var server = Serve(new FakeGateway());
        var result = await VerifyAsync(server.Port);

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal(IbConnectionStatus.Success, result.StatusValue);
        Assert.Equal(176, result.ServerVersion);
        Assert.Equal("20251115 20:30:45 EST", result.ConnectionTime);
        Assert.Equal(new[] { "DU123456", "DU654321" }, result.ManagedAccounts);
        Assert.Equal(TradingMode.Paper, result.AccountKindValue);
        Assert.Equal(7, result.NextValidOrderId);
        Assert.Equal(new DateTimeOffset(2025, 11, 16, 1, 30, 45, TimeSpan.Zero), result.ServerTime);
        Assert.Equal(TimeSpan.FromSeconds(5), result.ClockSkewValue);
        Assert.Equal(2 * 15, result.AccountSummaryCount);
        Assert.Equal(2 * 2, result.PositionCount);
        Assert.Equal(new[] { 2104, 2106, 2158 }, result.Notices.Select(n => n.Code));
        Assert.Equal("127.0.0.1", result.LocalAddress);
        Assert.Equal("127.0.0.1", result.RemoteAddress);
        Assert.Equal(999, result.ClientId);
        Assert.Null(result.FailedStage);
        Assert.Null(result.Diagnosis);
        Assert.All(new[] { result.TcpMs, result.HandshakeMs, result.StartApiMs, result.AccountsMs, result.ServerTimeMs, result.AccountDataMs }, ms => Assert.NotNull(ms));
    }

    [Fact]
    public async Task It_asks_for_v100_to_193_starts_the_api_with_its_client_id_and_sends_only_read_requests()
    {
        using var server = Serve(new FakeGateway());
        var result = await VerifyAsync(server.Port, r => r.ClientId = 4242);

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal("v100..193", Assert.Single(server.Handshakes));
        var sent = server.Received.ToArray();
        Assert.Equal(new[] { "71", "2", "4242", "" }, sent[0].Fields);
        var allowed = new[] { ClientMessageId.StartApi, ClientMessageId.ReqCurrentTime, ClientMessageId.ReqAccountSummary, ClientMessageId.CancelAccountSummary, ClientMessageId.ReqPositions, ClientMessageId.CancelPositions };
        Assert.All(sent, m => Assert.Contains((ClientMessageId)m.Id, allowed));
        Assert.Equal(new[] { 71, 49, 62, 63, 61, 64 }, sent.Select(m => m.Id));
        var summary = sent.Single(m => m.Id == (int)ClientMessageId.ReqAccountSummary);
        Assert.Equal(new[] { "62", "1", "9001", "All", ConnectionVerifier.AccountSummaryTags }, summary.Fields);
    }

    [Fact]
    public async Task A_finished_check_returns_only_after_the_gateway_has_seen_it_leave()
    {
        // So the gateway has released the client id, and a check run right after with the same id is not refused (326).
        var gateway = new FakeGateway();
        using var server = Serve(gateway);
        for (var i = 1; i <= 3; i++)
        {
            var result = await VerifyAsync(server.Port);
            Assert.True(result.Success, result.Diagnosis);
            Assert.Equal(i, gateway.SessionsEndedByClient);
        }
    }

    [Theory]
    [InlineData("127.0.0.1", "localhost")]
    [InlineData("LOCALHOST", "[::1]")]
    [InlineData("127.0.0.2", "::1")]
    public void Every_loopback_spelling_is_one_gateway(string a, string b) =>
        Assert.Equal(ConnectionVerifier.GateKey(a, 4002, 999), ConnectionVerifier.GateKey(b, 4002, 999));

    [Fact]
    public void Different_gateways_ports_or_client_ids_are_checked_in_parallel()
    {
        Assert.NotEqual(ConnectionVerifier.GateKey("gw1", 4002, 999), ConnectionVerifier.GateKey("gw2", 4002, 999));
        Assert.NotEqual(ConnectionVerifier.GateKey("gw1", 4002, 999), ConnectionVerifier.GateKey("gw1", 4001, 999));
        Assert.NotEqual(ConnectionVerifier.GateKey("gw1", 4002, 999), ConnectionVerifier.GateKey("gw1", 4002, 1000));
    }

    [Fact]
    public async Task Skipping_account_data_stops_after_the_server_time()
    {
        using var server = Serve(new FakeGateway());
        var result = await VerifyAsync(server.Port, r => r.SkipAccountData = true);

        Assert.True(result.Success, result.Diagnosis);
        Assert.NotNull(result.ServerTime);
        Assert.Null(result.AccountSummaryCount);
        Assert.Null(result.PositionCount);
        Assert.DoesNotContain(server.Received, m => m.Id is 61 or 62);
    }

    [Fact]
    public async Task Below_version_166_notices_have_no_json_field_and_still_decode()
    {
        using var server = Serve(new FakeGateway { ServerVersion = 150, FarmText = "Farm \\u00e9 OK" });
        var result = await VerifyAsync(server.Port, r => r.SkipAccountData = true);

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal(150, result.ServerVersion);
        // Below 153 the server does not escape text, so the backslash sequence is literal.
        Assert.Equal("Farm \\u00e9 OK", result.Notices[0].Message);
    }

    [Fact]
    public async Task From_version_153_escaped_notice_text_is_decoded()
    {
        using var server = Serve(new FakeGateway { ServerVersion = 193, FarmText = "Farm \\u00e9 OK" });
        var result = await VerifyAsync(server.Port, r => r.SkipAccountData = true);

        Assert.Equal("Farm é OK", result.Notices[0].Message);
    }

    [Fact]
    public async Task A_closed_port_is_refused_and_the_remedy_names_the_port_and_the_conventional_ones()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await VerifyAsync(port);

        Assert.False(result.Success);
        Assert.Equal(IbConnectionStatus.Refused, result.StatusValue);
        Assert.Equal(ConnectionStage.Tcp, result.FailedStageValue);
        Assert.Contains(port.ToString(), result.Remedy);
        Assert.Contains(ConventionalPort.Describe(), result.Remedy);
        Assert.Null(result.HandshakeMs);
    }

    [Fact]
    public async Task A_host_that_drops_connects_times_out_at_the_tcp_stage()
    {
        using var silent = await SilentListener.StartAsync();
        if (silent is null) return;  // this OS resets instead of staying silent (Windows)
        var result = await VerifyAsync(silent.Port, timeoutSeconds: 0.5);

        Assert.Equal(IbConnectionStatus.TimedOut, result.StatusValue);
        Assert.Equal(ConnectionStage.Tcp, result.FailedStageValue);
        Assert.Contains("firewall", result.Diagnosis);
    }

    [Fact]
    public async Task A_socket_closed_before_the_version_is_an_untrusted_address_and_suggests_Add_IbTrustedIp()
    {
        using var server = new ScriptedServer((c, ct) => { c.Close(); return Task.CompletedTask; });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.ClosedDuringHandshake, result.StatusValue);
        Assert.Equal(ConnectionStage.Handshake, result.FailedStageValue);
        Assert.Contains("Add-IbTrustedIp 127.0.0.1", result.Remedy);
    }

    [Fact]
    public async Task A_socket_closed_right_after_start_api_without_an_error_is_closed_during_handshake()
    {
        using var server = Serve(new FakeGateway { CloseAfterStartApi = true });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.ClosedDuringHandshake, result.StatusValue);
        Assert.Contains(result.FailedStageValue, new ConnectionStage?[] { ConnectionStage.StartApi, ConnectionStage.Accounts });
        Assert.Equal(176, result.ServerVersion);
    }

    [Fact]
    public async Task A_connection_that_gets_no_reply_is_awaiting_acceptance()
    {
        using var server = new ScriptedServer((c, ct) => c.HoldAsync(ct));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var verifier = ConnectedDialer.VerifierOver(await ConnectedDialer.ConnectAsync(server.Port, guard.Token));
        var result = await verifier.VerifyAsync(new IbConnectionRequest { Port = server.Port, Timeout = TimeSpan.FromSeconds(0.5) }, CancellationToken.None).WaitAsync(guard.Token);

        Assert.Equal(IbConnectionStatus.AwaitingAcceptance, result.StatusValue);
        Assert.Equal(ConnectionStage.Handshake, result.FailedStageValue);
        Assert.Contains("Accept incoming connection", result.Diagnosis);
        Assert.Contains("Add-IbTrustedIp 127.0.0.1", result.Remedy);
    }

    [Fact]
    public async Task Error_326_is_client_id_in_use_and_the_remedy_suggests_the_next_id()
    {
        var gateway = new FakeGateway();
        gateway.ClientIdsInUse.Add(999);
        using var server = Serve(gateway);
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.ClientIdInUse, result.StatusValue);
        Assert.Equal(ConnectionStage.Accounts, result.FailedStageValue);
        Assert.Contains("-ClientId 1000", result.Remedy);
        Assert.Contains("-FindFreeClientId", result.Remedy);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Finding_a_free_client_id_retries_upward_until_one_is_accepted()
    {
        var gateway = new FakeGateway();
        gateway.ClientIdsInUse.UnionWith(new[] { 999, 1000 });
        using var server = Serve(gateway);
        var result = await VerifyAsync(server.Port, r => { r.FindFreeClientId = true; r.SkipAccountData = true; });

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal(1001, result.ClientId);
        Assert.Equal(new[] { "999", "1000", "1001" }, server.Received.Where(m => m.Id == 71).Select(m => m.Fields[2]));
    }

    [Fact]
    public async Task Finding_a_free_client_id_gives_up_after_ten_ids()
    {
        var gateway = new FakeGateway();
        gateway.ClientIdsInUse.UnionWith(Enumerable.Range(999, 20));
        using var server = Serve(gateway);
        var result = await VerifyAsync(server.Port, r => r.FindFreeClientId = true);

        Assert.Equal(IbConnectionStatus.ClientIdInUse, result.StatusValue);
        Assert.Equal(IbConnectionRequest.MaxClientIdAttempts, server.Connections);
        Assert.Equal(1008, result.ClientId);
        Assert.Contains("-ClientId 1009", result.Remedy);
    }

    [Fact]
    public async Task No_next_valid_id_means_not_logged_in()
    {
        using var server = Serve(new FakeGateway { SendNextValidId = false, SendAccounts = false });
        var result = await VerifyAsync(server.Port, timeoutSeconds: 2);

        Assert.Equal(IbConnectionStatus.NotLoggedIn, result.StatusValue);
        Assert.Equal(ConnectionStage.Accounts, result.FailedStageValue);
        Assert.Equal(3, result.Notices.Length);
    }

    [Fact]
    public async Task An_empty_account_list_means_no_accounts()
    {
        using var server = Serve(new FakeGateway { Accounts = "" });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.NoAccounts, result.StatusValue);
        Assert.Equal(7, result.NextValidOrderId);
    }

    [Fact]
    public async Task A_next_id_without_any_account_list_is_no_accounts_at_the_time_out()
    {
        using var server = Serve(new FakeGateway { SendAccounts = false });
        var result = await VerifyAsync(server.Port, timeoutSeconds: 2);

        Assert.Equal(IbConnectionStatus.NoAccounts, result.StatusValue);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("194")]
    [InlineData("-1")]
    public async Task A_version_outside_100_to_193_or_a_redirect_is_unsupported(string version)
    {
        using var server = new ScriptedServer(async (c, ct) =>
        {
            await c.ReadHandshakeAsync(ct);
            await c.SendAsync(version, "somewhere:4002");
            await c.HoldAsync(ct);
        });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.UnsupportedVersion, result.StatusValue);
        Assert.Equal(ConnectionStage.Handshake, result.FailedStageValue);
        Assert.Contains("506", result.Diagnosis);
    }

    public static TheoryData<string, byte[]> BrokenReplies => new()
    {
        { "non-numeric version", ScriptedConnection.Frame("abc", "20251115 20:30:45 EST") },
        { "zero length", new byte[] { 0, 0, 0, 0 } },
        { "oversized length", new byte[] { 0x7F, 0xFF, 0xFF, 0xFF } },
        { "length with the top bit set", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF } },
        { "truncated frame", new byte[] { 0, 0, 0, 40, (byte)'1', (byte)'7', 0 } },
        { "field without NUL", new byte[] { 0, 0, 0, 3, (byte)'1', (byte)'7', (byte)'6' } },
    };

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task Broken_handshake_replies_are_protocol_errors(string what, byte[] reply)
    {
        using var server = new ScriptedServer(async (c, ct) =>
        {
            await c.ReadHandshakeAsync(ct);
            await c.SendRawAsync(reply);
            c.Close();
        });
        var result = await VerifyAsync(server.Port);

        Assert.True(result.StatusValue == IbConnectionStatus.ProtocolError, $"{what}: {result.StatusValue} {result.Diagnosis}");
        Assert.Equal(ConnectionStage.Handshake, result.FailedStageValue);
        Assert.Contains("507", result.Diagnosis);
    }

    [Fact]
    public async Task A_one_byte_per_second_drip_hits_the_time_out()
    {
        using var server = new ScriptedServer(async (c, ct) =>
        {
            await c.ReadHandshakeAsync(ct);
            await c.DripAsync(ScriptedConnection.Frame("176", "20251115 20:30:45 EST"), TimeSpan.FromSeconds(1), ct);
        });
        var clock = Stopwatch.StartNew();
        var result = await VerifyAsync(server.Port, timeoutSeconds: 1.5);

        Assert.Equal(IbConnectionStatus.ProtocolError, result.StatusValue);
        Assert.Contains("did not make a complete frame", result.Diagnosis);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the drip was not cut off by the time-out");
    }

    [Fact]
    public async Task Http_text_is_not_the_tws_api()
    {
        using var server = new ScriptedServer(async (c, ct) =>
        {
            await c.ReadHandshakeAsync(ct);
            await c.SendRawAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
            c.Close();
        });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.NotTwsApi, result.StatusValue);
        Assert.Contains("HTTP", result.Diagnosis);
    }

    [Fact]
    public async Task A_tls_alert_is_recognised_as_tls()
    {
        using var server = new ScriptedServer(async (c, ct) =>
        {
            await c.ReadHandshakeAsync(ct);
            await c.SendRawAsync(new byte[] { 0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46 });
            c.Close();
        });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.TlsDetected, result.StatusValue);
        Assert.Contains("plain TCP", result.Remedy);
    }

    [Fact]
    public async Task A_live_account_when_paper_was_expected_fails_loudly_before_any_account_data()
    {
        using var server = Serve(new FakeGateway { Accounts = "U1234567" });
        var result = await VerifyAsync(server.Port, r => r.ExpectTradingMode = TradingMode.Paper);

        Assert.Equal(IbConnectionStatus.TradingModeMismatch, result.StatusValue);
        Assert.Equal(TradingMode.Live, result.AccountKindValue);
        Assert.Contains("LIVE", result.Diagnosis);
        Assert.DoesNotContain(server.Received, m => m.Id is 49 or 61 or 62);
    }

    [Fact]
    public async Task Paper_accounts_when_live_was_expected_fail()
    {
        using var server = Serve(new FakeGateway());
        var result = await VerifyAsync(server.Port, r => r.ExpectTradingMode = TradingMode.Live);

        Assert.Equal(IbConnectionStatus.TradingModeMismatch, result.StatusValue);
        Assert.Equal(TradingMode.Paper, result.AccountKindValue);
    }

    [Theory]
    [InlineData(TradingMode.Live, 7497, null, true)]
    [InlineData(TradingMode.Live, 4002, null, true)]
    [InlineData(TradingMode.Live, 7496, null, false)]
    [InlineData(TradingMode.Live, 5000, null, false)]
    [InlineData(TradingMode.Paper, 7496, null, false)]
    [InlineData(TradingMode.Live, 7496, TradingMode.Paper, true)]
    [InlineData(TradingMode.Paper, 7497, TradingMode.Live, true)]
    [InlineData(TradingMode.Live, 7497, TradingMode.Live, false)]
    public void A_live_account_on_a_paper_port_or_against_the_expectation_is_a_mismatch(TradingMode kind, int port, TradingMode? expected, bool mismatch) =>
        Assert.Equal(mismatch, ConnectionVerifier.IsTradingModeMismatch(kind, port, expected));

    [Fact]
    public async Task An_error_for_the_account_summary_request_is_a_rejected_request()
    {
        using var server = Serve(new FakeGateway { RejectAccountSummaryWith = 322 });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.RequestRejected, result.StatusValue);
        Assert.Equal(ConnectionStage.AccountData, result.FailedStageValue);
        Assert.Contains("322", result.Diagnosis);
    }

    [Fact]
    public async Task A_gateway_that_closes_after_the_accounts_is_a_lost_connection()
    {
        using var server = Serve(new FakeGateway { CloseOnCurrentTime = true });
        var result = await VerifyAsync(server.Port);

        Assert.Equal(IbConnectionStatus.ConnectionLost, result.StatusValue);
        Assert.Equal(ConnectionStage.ServerTime, result.FailedStageValue);
        Assert.Equal(2, result.ManagedAccounts.Length);
    }

    [Fact]
    public async Task A_gateway_that_never_answers_the_time_request_times_out_at_that_stage()
    {
        using var server = Serve(new FakeGateway { AnswerCurrentTime = false });
        var result = await VerifyAsync(server.Port, timeoutSeconds: 2);

        Assert.Equal(IbConnectionStatus.TimedOut, result.StatusValue);
        Assert.Equal(ConnectionStage.ServerTime, result.FailedStageValue);
        Assert.Contains("server time", result.Diagnosis);
    }

    [Fact]
    public async Task A_flood_of_notices_is_capped()
    {
        using var server = Serve(new FakeGateway { ExtraNotices = 500 });
        var result = await VerifyAsync(server.Port, r => r.SkipAccountData = true);

        Assert.True(result.Success, result.Diagnosis);
        Assert.Equal(ConnectionVerifier.MaxNotices, result.Notices.Length);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_throws_promptly_instead_of_returning_a_result()
    {
        using var server = new ScriptedServer((c, ct) => c.HoldAsync(ct));
        using var cancel = new CancellationTokenSource();
        var verifier = new ConnectionVerifier();
        var check = verifier.VerifyAsync(new IbConnectionRequest { Port = server.Port, Timeout = TimeSpan.FromMinutes(5) }, cancel.Token);
        cancel.CancelAfter(200);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.WaitAsync(HangGuard));
    }

    [Fact]
    public void Without_a_port_it_tries_the_paper_ports_tws_first_or_the_live_ones_when_live_is_expected()
    {
        Assert.Equal(new[] { 7497, 4002 }, new IbConnectionRequest().CandidatePorts);
        Assert.Equal(new[] { 7496, 4001 }, new IbConnectionRequest { ExpectTradingMode = TradingMode.Live }.CandidatePorts);
        Assert.Equal(new[] { 5000 }, new IbConnectionRequest { Port = 5000 }.CandidatePorts);
    }

    [Theory]
    [InlineData(null, 999)]
    [InlineData("", 999)]
    [InlineData(" 4711 ", 4711)]
    [InlineData("0", 0)]
    public void The_default_client_id_is_999_or_the_environment_override(string? value, int expected) =>
        Assert.Equal(expected, IbConnectionRequest.DefaultClientIdFrom(value));

    [Theory]
    [InlineData("1")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    public void A_bad_environment_client_id_is_refused_not_replaced(string value)
    {
        var error = Assert.Throws<IbConfig.Core.Errors.IbConfigException>(() => IbConnectionRequest.DefaultClientIdFrom(value));
        Assert.Equal("InvalidClientIdVariable", error.ErrorId);
        Assert.Contains("IBCONFIG_CLIENT_ID", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public async Task A_bad_port_is_refused_before_anything_is_sent(int port)
    {
        var error = await Assert.ThrowsAsync<IbConfig.Core.Errors.IbConfigException>(() => new ConnectionVerifier().VerifyAsync(new IbConnectionRequest { Port = port }, CancellationToken.None));
        Assert.Equal("InvalidPort", error.ErrorId);
    }

    [Fact]
    public void Clock_skew_compares_the_servers_second_with_the_local_second_at_the_midpoint()
    {
        var server = new DateTimeOffset(2025, 11, 16, 1, 30, 45, TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, ConnectionVerifier.ClockSkew(server, server.AddMilliseconds(100), server.AddMilliseconds(300)));
        Assert.Equal(TimeSpan.FromSeconds(-3), ConnectionVerifier.ClockSkew(server, server.AddSeconds(3), server.AddSeconds(3.2)));
        Assert.Equal(TimeSpan.FromSeconds(60), ConnectionVerifier.ClockSkew(server, server.AddMinutes(-1), server.AddMinutes(-1)));
    }
}
