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
