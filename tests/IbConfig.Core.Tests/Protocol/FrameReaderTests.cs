using System.Text;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Tests.Protocol;

public class FrameReaderTests
{
    private static FrameReader ReaderOver(params byte[] bytes) => new(new MemoryStream(bytes), maxFrameLength: 64);

    [Fact]
    public async Task Reads_the_fields_a_builder_wrote()
    {
        var frame = new MessageBuilder().Add(71).Add(2).Add(999).Add("").ToFrame();
        var message = await ReaderOver(frame).ReadMessageAsync(CancellationToken.None);
        Assert.Equal(new[] { "71", "2", "999", "" }, message.Fields);
        Assert.Equal(71, message.Id);
        Assert.Equal(999, message.GetInt(2));
    }

    [Fact]
    public async Task Rejects_an_oversized_length_without_reading_it()
    {
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0x00, 0xFF, 0xFF, 0xFF).ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.FrameTooLarge, error.Failure);
    }

    [Fact]
    public async Task Rejects_a_zero_length_frame()
    {
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0, 0, 0, 0).ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.Malformed, error.Failure);
    }

    [Fact]
    public async Task Reports_a_truncated_frame_as_closed()
    {
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0, 0, 0, 10, (byte)'4', 0).ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.Closed, error.Failure);
    }

    [Fact]
    public async Task Reports_a_missing_final_nul_as_malformed()
    {
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0, 0, 0, 2, (byte)'4', (byte)'9').ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.Malformed, error.Failure);
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x15, 0x03, 0x03, 0x00 })]
    [InlineData(new byte[] { (byte)'H', (byte)'T', (byte)'T', (byte)'P' })]
    public async Task Recognises_tls_and_text_protocols(byte[] header)
    {
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(header).ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.NotTwsApi, error.Failure);
    }

    /// <summary>Hands out at most <paramref name="chunk"/> bytes per read and counts the reads, as a slow socket would.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
        }
    }

    private static byte[] Frames(params MessageBuilder[] messages) => messages.SelectMany(m => m.ToFrame()).ToArray();

    [Fact]
    public async Task Several_frames_that_arrive_in_one_read_cost_one_read()
    {
        var stream = new ChunkedStream(Frames(new MessageBuilder().Add(15).Add(1).Add("DU1"), new MessageBuilder().Add(9).Add(1).Add(42),
            new MessageBuilder().Add(4).Add(2).Add(-1).Add(2104).Add("ok")), chunk: 4096);
        var reader = new FrameReader(stream);

        Assert.Equal(new[] { "15", "1", "DU1" }, (await reader.ReadMessageAsync(CancellationToken.None)).Fields);
        Assert.True(reader.TryReadBufferedMessage(out var nextId));
        Assert.Equal(new[] { "9", "1", "42" }, nextId.Fields);
        Assert.Equal(new[] { "4", "2", "-1", "2104", "ok" }, (await reader.ReadMessageAsync(CancellationToken.None)).Fields);
        Assert.Equal(1, stream.Reads);
        Assert.False(reader.TryReadBufferedMessage(out _));
    }

    [Fact]
    public async Task A_frame_that_arrives_a_byte_at_a_time_is_read_whole()
    {
        var frame = new MessageBuilder().Add(49).Add(1).Add(1700000000L).ToFrame();
        var reader = new FrameReader(new ChunkedStream(frame, chunk: 1));
        Assert.False(reader.TryReadBufferedMessage(out _));
        Assert.Equal(new[] { "49", "1", "1700000000" }, (await reader.ReadMessageAsync(CancellationToken.None)).Fields);
    }

    [Fact]
    public async Task A_clean_close_between_frames_is_the_end_not_an_error()
    {
        var reader = new FrameReader(new MemoryStream(new MessageBuilder().Add(49).Add(1).ToFrame()));
        Assert.NotNull(await reader.ReadMessageOrEndAsync(CancellationToken.None));
        Assert.Null(await reader.ReadMessageOrEndAsync(CancellationToken.None));
        var closed = await Assert.ThrowsAsync<TwsProtocolException>(() => reader.ReadMessageAsync(CancellationToken.None));
        Assert.Equal(ProtocolFailure.Closed, closed.Failure);
        Assert.Equal("The peer closed the connection.", closed.Message);
    }

    [Fact]
    public async Task A_close_inside_a_frame_is_an_error_even_where_an_end_is_allowed()
    {
        var header = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0, 0).ReadMessageOrEndAsync(CancellationToken.None));
        Assert.Equal("The peer closed the connection in the middle of a frame (2 of 4 bytes).", header.Message);
        var payload = await Assert.ThrowsAsync<TwsProtocolException>(() => ReaderOver(0, 0, 0, 10, (byte)'4', 0).ReadMessageOrEndAsync(CancellationToken.None));
        Assert.Equal("The peer closed the connection in the middle of a frame (2 of 10 bytes).", payload.Message);
    }

    [Theory]
    [InlineData(600)]      // past the first buffer: the buffer grows
    [InlineData(100_000)]  // past the largest buffer: a frame of its own
    public async Task Long_frames_are_read_whole_and_the_frames_after_them_too(int length)
    {
        var text = new string('x', length);
        var bytes = Frames(new MessageBuilder().Add(10).Add(text), new MessageBuilder().Add(52).Add(1).Add(7));
        var reader = new FrameReader(new ChunkedStream(bytes, chunk: 1500));

        Assert.Equal(text, (await reader.ReadMessageAsync(CancellationToken.None)).GetString(1));
        Assert.Equal(new[] { "52", "1", "7" }, (await reader.ReadMessageAsync(CancellationToken.None)).Fields);
        Assert.Null(await reader.ReadMessageOrEndAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Exact_reads_and_frames_share_one_buffer()
    {
        var version = Encoding.ASCII.GetBytes("v100..193");
        var hello = new byte[] { (byte)'A', (byte)'P', (byte)'I', 0, 0, 0, 0, (byte)version.Length }.Concat(version)
            .Concat(new MessageBuilder().Add(71).Add(2).Add(7).Add("").ToFrame()).ToArray();
        var stream = new ChunkedStream(hello, chunk: 4096);
        var reader = new FrameReader(stream);

        var prefix = new byte[4];
        await reader.ReadExactlyAsync(prefix, 4, CancellationToken.None);
        Assert.Equal("API\0", Encoding.ASCII.GetString(prefix));
        Assert.Equal("v100..193", Encoding.ASCII.GetString(await reader.ReadFramePayloadAsync(16, CancellationToken.None)));
        Assert.Equal(new[] { "71", "2", "7", "" }, (await reader.ReadMessageAsync(CancellationToken.None)).Fields);
        Assert.Equal(1, stream.Reads);
    }

    [Fact]
    public async Task A_frame_over_a_reads_own_cap_is_refused()
    {
        var reader = new FrameReader(new MemoryStream(new MessageBuilder().Add(new string('v', 40)).ToFrame()));
        var error = await Assert.ThrowsAsync<TwsProtocolException>(() => reader.ReadFramePayloadAsync(16, CancellationToken.None));
        Assert.Equal(ProtocolFailure.FrameTooLarge, error.Failure);
        Assert.Contains("the limit is 16", error.Message);
    }

    [Fact]
    public void Version_ranges_parse_with_and_without_options()
    {
        Assert.True(VersionRange.TryParse("v100..217 +PACEAPI", out var range));
        Assert.Equal((100, 217, "+PACEAPI"), (range.Min, range.Max, range.ConnectOptions));
        Assert.True(VersionRange.TryParse("v176", out var single));
        Assert.Equal((176, 176), (single.Min, single.Max));
        Assert.False(VersionRange.TryParse("v200..100", out _));
        Assert.False(VersionRange.TryParse("100..200", out _));
        Assert.Equal("v100..193", VersionRange.Client.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes("v100..193"), Encoding.UTF8.GetBytes(VersionRange.Client.ToString()));
    }
}
