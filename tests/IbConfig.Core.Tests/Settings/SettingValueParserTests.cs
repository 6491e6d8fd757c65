using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class SettingValueParserTests
{
    [Theory]
    [InlineData("7497", true)]
    [InlineData("1", true)]
    [InlineData("65535", true)]
    [InlineData("0", false)]
    [InlineData("70000", false)]
    [InlineData("-1", false)]
    [InlineData("74 97", false)]
    [InlineData("port", false)]
    public void Ports_are_whole_numbers_from_1_to_65535(string text, bool valid)
    {
        Assert.Equal(valid, SettingValueParser.TryParsePort(text, out _, out var error));
        if (!valid) Assert.Contains("1 to 65535", error);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("9999", true)]
    [InlineData("10000", false)]
    [InlineData("-1", false)]
    public void Master_client_ids_are_0_to_9999(string text, bool valid) =>
        Assert.Equal(valid, SettingValueParser.TryParseMasterClientId(text, out _, out _));

    [Theory]
    [InlineData("23:55", 23, 55, 0)]
    [InlineData("23:55:00", 23, 55, 0)]
    [InlineData("7:05:09", 7, 5, 9)]
    [InlineData("00:00", 0, 0, 0)]
    public void Times_are_HH_mm_with_optional_seconds(string text, int h, int m, int s)
    {
        Assert.True(SettingValueParser.TryParseTime(text, out var time, out _));
        Assert.Equal(new TimeSpan(h, m, s), time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("23:60")]
    [InlineData("11:55 PM")]
    [InlineData("2355")]
    [InlineData("23:55:00:00")]
    public void Other_times_are_refused_with_the_expected_format(string text)
    {
        Assert.False(SettingValueParser.TryParseTime(text, out _, out var error));
        Assert.Contains("HH:mm", error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Flags_are_true_or_false(string text, bool value)
    {
        Assert.True(SettingValueParser.TryParseBool(text, out var parsed, out _));
        Assert.Equal(value, parsed);
        Assert.False(SettingValueParser.TryParseBool("yes", out _, out _));
    }

    [Theory]
    [InlineData("p", TradingMode.Paper)]
    [InlineData("l", TradingMode.Live)]
    [InlineData("Paper", TradingMode.Paper)]
    public void Trading_modes_read_p_and_l(string text, TradingMode mode)
    {
        Assert.True(SettingValueParser.TryParseTradingMode(text, out var parsed, out _));
        Assert.Equal(mode, parsed);
        Assert.Equal(text.Length == 1 ? text : "p", SettingValueParser.FormatTradingMode(parsed));
    }

    [Fact]
    public void Times_format_with_seconds() => Assert.Equal("23:50:00", SettingValueParser.FormatTime(new TimeSpan(23, 50, 0)));
}
