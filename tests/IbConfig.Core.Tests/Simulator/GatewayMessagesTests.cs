using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class GatewayMessagesTests
{
    private static IReadOnlyList<string> Fields(byte[] frame)
    {
        Assert.Equal(frame.Length - 4, (frame[0] << 24) | (frame[1] << 16) | (frame[2] << 8) | frame[3]);
        return FrameReader.SplitFields(frame.Skip(4).ToArray());
    }

    [Fact]
    public void Writes_the_connection_time_as_ib_does_in_the_configured_zone()
    {
        var now = new DateTimeOffset(2025, 11, 15, 20, 30, 45, TimeSpan.Zero);
        Assert.Equal("20251115 20:30:45 UTC", GatewayMessages.ConnectionTime(now, TimeZoneInfo.Utc));
        var eastern = TimeZoneInfo.CreateCustomTimeZone("Test/Eastern", TimeSpan.FromHours(-5), "Eastern", "EST");
        Assert.Equal("20251115 15:30:45 EST", GatewayMessages.ConnectionTime(now, eastern));
    }

    [Theory]
    [InlineData(165, 5)]
    [InlineData(166, 6)]
    [InlineData(193, 6)]
    public void Adds_the_reject_json_field_to_errors_from_version_166(int version, int fieldCount)
    {
        Assert.Equal(fieldCount, Fields(GatewayMessages.Error(version, -1, 2104, "x")).Count);
    }

    [Fact]
    public void Lays_out_a_position_in_the_version_3_order()
    {
        var position = new SimulatedPosition("DU1", "ESZ5", 2, 5012.5) { ConId = 1, SecType = "FUT", LastTradeDateOrContractMonth = "20251219", Multiplier = "50", Exchange = "CME", LocalSymbol = "ESZ5", TradingClass = "ES" };
        Assert.Equal(new[] { "61", "3", "DU1", "1", "ESZ5", "FUT", "20251219", "0", "", "50", "CME", "USD", "ESZ5", "ES", "2", "5012.5" },
            Fields(GatewayMessages.Position(position)));
    }

    [Theory]
    [InlineData(3, 144, 2)]
    [InlineData(3, 145, 1)]
    [InlineData(4, 191, 2)]
    [InlineData(4, 192, 1)]
    [InlineData(1, 193, 2)]
    [InlineData(92, 193, 1)]
    [InlineData(49, 193, -1)]
    public void Knows_where_requests_carry_their_id(int messageId, int version, int index)
    {
        Assert.Equal(index, RequestIdLocator.IndexOf(messageId, version));
    }
}
