using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class StoreTimeTests
{
    [Theory]
    [InlineData("23:55:00", "23:55")]   // jts.ini guide keys
    [InlineData("23:55", "23:55")]
    [InlineData("11:59,PM", "23:59")]   // profile XML
    [InlineData("12:05,AM", "00:05")]
    [InlineData("11:55 PM", "23:55")]   // IBC
    [InlineData("7:05 am", "07:05")]
    [InlineData("12:00 PM", "12:00")]
    [InlineData("06:30:15", "06:30:15")]
    public void Every_stores_clock_format_reads_as_one_time_of_day(string text, string normalized)
    {
        Assert.Equal(TimeSpan.Parse(normalized, System.Globalization.CultureInfo.InvariantCulture), StoreTime.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24:00")]
    [InlineData("13:00 PM")]
    [InlineData("0:30 AM")]
    [InlineData("11:60")]
    [InlineData("noon")]
    [InlineData("Friday 23:00")]
    public void Text_that_is_no_clock_time_reads_as_none(string text)
    {
        Assert.Null(StoreTime.Parse(text));
    }

    [Fact]
    public void Times_are_written_in_each_stores_own_form()
    {
        var time = new TimeSpan(23, 55, 0);
        Assert.Equal("11:55,PM", StoreTime.ToProfile(time));
        Assert.Equal("11:55 PM", StoreTime.ToIbc(time));
        Assert.Equal("12:05 AM", StoreTime.ToIbc(new TimeSpan(0, 5, 0)));
        Assert.Equal("12:00,PM", StoreTime.ToProfile(new TimeSpan(12, 0, 0)));
    }
}
