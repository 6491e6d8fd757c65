using System.Text;
using CsCheck;
using IbConfig.Core.Protocol;
using IbConfig.Core.Tests.Network;

namespace IbConfig.Core.Tests.Protocol;

public class TwsApiClientTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_handshake_is_API_NUL_a_length_and_the_range_without_a_trailing_NUL()
    {
        var wire = new MemoryStream();
        var reply = ScriptedConnection.Frame("176", "20251115 20:30:45 EST");
        using var client = new TwsApiClient(new DuplexStream(reply, wire), TimeSpan.FromSeconds(5));

        var hello = await client.HandshakeAsync(VersionRange.Client, CancellationToken.None);

        var expected = new byte[] { 0x41, 0x50, 0x49, 0x00, 0x00, 0x00, 0x00, 0x09 }.Concat(Encoding.ASCII.GetBytes("v100..193"));
        Assert.Equal(expected, wire.ToArray());
        Assert.Equal(176, hello.ServerVersion);
        Assert.Equal("20251115 20:30:45 EST", hello.ConnectionTime);
        Assert.Equal(176, client.ServerVersion);
    }

    [Fact]
    public async Task Start_api_carries_version_2_the_client_id_and_empty_capabilities()
    {
        var wire = new MemoryStream();
        using var client = new TwsApiClient(new DuplexStream(ScriptedConnection.Frame("176", "t"), wire), TimeSpan.FromSeconds(5));
        await client.HandshakeAsync(VersionRange.Client, CancellationToken.None);
        wire.SetLength(0);

        await client.StartApiAsync(999, CancellationToken.None);
        await client.RequestIdsAsync(CancellationToken.None);

        var sent = new FrameReader(new MemoryStream(wire.ToArray()));
        Assert.Equal(new[] { "71", "2", "999", "" }, (await sent.ReadMessageAsync(CancellationToken.None)).Fields);
        Assert.Equal(new[] { "8", "1", "1" }, (await sent.ReadMessageAsync(CancellationToken.None)).Fields);
    }

    [Fact]
    public async Task A_request_before_the_handshake_is_refused()
    {
        using var client = new TwsApiClient(new MemoryStream(), TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestCurrentTimeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_write_that_never_completes_times_out()
    {
        using var client = new TwsApiClient(new StalledStream(), TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<TimeoutException>(() => client.HandshakeAsync(VersionRange.Client, CancellationToken.None).WaitAsync(HangGuard));
    }

    [Fact]
    public async Task A_silent_server_makes_a_read_time_out_and_counts_no_bytes()
    {
        using var server = new ScriptedServer((c, ct) => c.HoldAsync(ct));
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, server.Port);
        using var client = new TwsApiClient(tcp.GetStream(), TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TimeoutException>(() => client.HandshakeAsync(VersionRange.Client, CancellationToken.None).WaitAsync(HangGuard));
        Assert.Equal(0, client.BytesReceived);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_is_a_cancellation_not_a_time_out()
    {
        using var server = new ScriptedServer((c, ct) => c.HoldAsync(ct));
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, server.Port);
        using var client = new TwsApiClient(tcp.GetStream(), TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(200);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.HandshakeAsync(VersionRange.Client, cancel.Token).WaitAsync(HangGuard));
    }

    [Fact]
    public async Task Tls_bytes_are_reported_as_not_the_api_and_remembered_as_tls()
    {
        using var client = new TwsApiClient(new DuplexStream(new byte[] { 0x16, 0x03, 0x03, 0x00, 0x31 }, new MemoryStream()), TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => client.HandshakeAsync(VersionRange.Client, CancellationToken.None));
        Assert.Equal(ProtocolFailure.NotTwsApi, error.Failure);
        Assert.True(client.ReceivedTlsRecord);
    }

    [Theory]
    [InlineData("99", ProtocolFailure.UnsupportedVersion)]
    [InlineData("194", ProtocolFailure.UnsupportedVersion)]
    [InlineData("-1", ProtocolFailure.UnsupportedVersion)]
    [InlineData("1x6", ProtocolFailure.Malformed)]
    public void The_server_version_must_be_a_number_inside_the_asked_range(string version, ProtocolFailure failure)
    {
        var error = Assert.Throws<TwsProtocolException>(() => ServerHello.Decode(new TwsMessage(new[] { version, "20251115 20:30:45 EST" }), VersionRange.Client));
        Assert.Equal(failure, error.Failure);
    }

    [Fact]
    public void Error_messages_follow_the_layout_of_the_negotiated_version()
    {
        var old = TwsNotice.Decode(new TwsMessage(new[] { "4", "2", "-1", "2104", "Market data farm connection is OK:usfarm" }), 150);
        Assert.Equal((-1, 2104, "Market data farm connection is OK:usfarm", ""), (old.RequestId, old.Code, old.Message, old.AdvancedOrderRejectJson));
        Assert.True(old.IsFarmStatus && old.IsInformational && !old.IsFarmBroken);

        var recent = TwsNotice.Decode(new TwsMessage(new[] { "4", "2", "12", "201", "Order rejected", "{\"x\":1}" }), 176);
        Assert.Equal((12, 201, "{\"x\":1}"), (recent.RequestId, recent.Code, recent.AdvancedOrderRejectJson));
        Assert.False(recent.IsInformational);

        var broken = TwsNotice.Decode(new TwsMessage(new[] { "4", "2", "-1", "2105", "HMDS data farm connection is broken:euhmds", "" }), 176);
        Assert.True(broken.IsFarmBroken);
        Assert.Equal("2105 HMDS data farm connection is broken:euhmds", broken.ToString());
    }

    [Fact]
    public void A_notice_with_a_non_numeric_code_is_malformed()
    {
        var error = Assert.Throws<TwsProtocolException>(() => TwsNotice.Decode(new TwsMessage(new[] { "4", "2", "-1", "abc", "text" }), 176));
        Assert.Equal(ProtocolFailure.Malformed, error.Failure);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("caf\\u00e9", "café")]
    [InlineData("cut \\u00", "cut \\u00")]
    [InlineData("bad \\uZZZZ ok", "bad \\uZZZZ ok")]
    public void Escaped_text_is_decoded_and_broken_escapes_are_kept(string text, string expected) =>
        Assert.Equal(expected, TwsNotice.Unescape(text));

    [Fact]
    public void One_value_replies_decode_and_check_their_id()
    {
        Assert.Equal(42, ReplyDecoder.NextValidId(new TwsMessage(new[] { "9", "1", "42" })));
        Assert.Equal(new[] { "DU1", "DU2" }, ReplyDecoder.ManagedAccounts(new TwsMessage(new[] { "15", "1", "DU1, DU2,," })));
        Assert.Empty(ReplyDecoder.ManagedAccounts(new TwsMessage(new[] { "15", "1", "" })));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763256645), ReplyDecoder.CurrentTime(new TwsMessage(new[] { "49", "1", "1763256645" })));
        Assert.Equal(9001, ReplyDecoder.AccountSummaryEndRequestId(new TwsMessage(new[] { "64", "1", "9001" })));
        Assert.Throws<ArgumentException>(() => ReplyDecoder.NextValidId(new TwsMessage(new[] { "15", "1", "DU1" })));
        Assert.Equal(ProtocolFailure.Malformed, Assert.Throws<TwsProtocolException>(() => ReplyDecoder.CurrentTime(new TwsMessage(new[] { "49", "1", "999999999999999" }))).Failure);
        Assert.Equal(ProtocolFailure.Malformed, Assert.Throws<TwsProtocolException>(() => ReplyDecoder.NextValidId(new TwsMessage(new[] { "9", "1" }))).Failure);
    }

    [Fact]
    public void Position_rows_decode_by_their_message_version()
    {
        var v3 = PositionItem.Decode(new TwsMessage(new[] { "61", "3", "DU1", "265598", "AAPL", "STK", "", "0", "", "", "NASDAQ", "USD", "AAPL", "NMS", "10.5", "150.25" }));
        Assert.Equal(("DU1", 265598L, "AAPL", "STK", "USD", "10.5", (double?)150.25), (v3.Account, v3.ContractId, v3.Symbol, v3.SecurityType, v3.Currency, v3.Position, v3.AverageCost));
        var v1 = PositionItem.Decode(new TwsMessage(new[] { "61", "1", "DU1", "265598", "AAPL", "STK", "", "0", "", "", "NASDAQ", "USD", "AAPL", "-3" }));
        Assert.Equal(("-3", (double?)null), (v1.Position, v1.AverageCost));
        var summary = AccountSummaryItem.Decode(new TwsMessage(new[] { "63", "1", "9001", "DU1", "NetLiquidation", "100000.00", "USD" }));
        Assert.Equal((9001, "DU1", "NetLiquidation", "100000.00", "USD"), (summary.RequestId, summary.Account, summary.Tag, summary.Value, summary.Currency));
    }

    [Fact]
    public void Any_bytes_as_the_handshake_reply_give_a_hello_or_a_typed_protocol_failure()
    {
        // Garbage of every shape: short, long, with and without plausible length prefixes and NULs.
        var replies = Gen.OneOf(
            Gen.Byte.Array[0, 64],
            Gen.Select(Gen.Int[0, 80], Gen.Byte.Array[0, 80], (length, body) =>
                new byte[] { 0, 0, 0, (byte)length }.Concat(body).ToArray()));
        replies.Sample(reply =>
        {
            using var client = new TwsApiClient(new DuplexStream(reply, new MemoryStream()), TimeSpan.FromSeconds(5));
            try
            {
                var hello = client.HandshakeAsync(VersionRange.Client, CancellationToken.None).GetAwaiter().GetResult();
                return hello.ServerVersion is >= 100 and <= 193;
            }
            catch (TwsProtocolException)
            {
                return true;
            }
        });
    }

    [Fact]
    public void Any_fields_in_a_reply_decode_or_fail_as_malformed_never_otherwise()
    {
        var fields = Gen.Select(Gen.OneOf(Gen.Const("4"), Gen.Const("9"), Gen.Const("15"), Gen.Const("49"), Gen.Const("61"), Gen.Const("63"), Gen.Const("64")),
            Gen.OneOf(Gen.String[0, 6], Gen.Int.Select(i => i.ToString()), Gen.Long.Select(l => l.ToString())).Array[0, 18],
            (id, rest) => new[] { id }.Concat(rest).ToArray());
        fields.Sample(f =>
        {
            var message = new TwsMessage(f);
            try
            {
                _ = message.Id switch
                {
                    4 => TwsNotice.Decode(message, 176),
                    9 => ReplyDecoder.NextValidId(message),
                    15 => ReplyDecoder.ManagedAccounts(message),
                    49 => ReplyDecoder.CurrentTime(message),
                    61 => PositionItem.Decode(message),
                    63 => AccountSummaryItem.Decode(message),
                    _ => (object)ReplyDecoder.AccountSummaryEndRequestId(message),
                };
                return true;
            }
            catch (TwsProtocolException ex)
            {
                return ex.Failure == ProtocolFailure.Malformed;
            }
        });
    }

    /// <summary>Reads from fixed bytes, writes into a separate stream: one side of a conversation.</summary>
    private sealed class DuplexStream : Stream
    {
        private readonly MemoryStream _in;
        private readonly Stream _out;

        public DuplexStream(byte[] incoming, Stream outgoing)
        {
            _in = new MemoryStream(incoming);
            _out = outgoing;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _in.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _out.Write(buffer, offset, count);
    }

    /// <summary>A stream whose writes never complete and ignore both the token and disposal: the worst peer there is.</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => new TaskCompletionSource().Task;
    }
}
