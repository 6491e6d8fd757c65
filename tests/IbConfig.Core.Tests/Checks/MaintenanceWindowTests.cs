using IbConfig.Core.Checks;

namespace IbConfig.Core.Tests.Checks;

public class MaintenanceWindowTests
{
    [Theory]
    [InlineData("Friday 22:00", DayOfWeek.Friday, 22, 0)]
    [InlineData("sun 7:05", DayOfWeek.Sunday, 7, 5)]
    [InlineData("  Saturday   06:30 ", DayOfWeek.Saturday, 6, 30)]
    public void Closedown_at_reads_a_day_and_a_time(string text, DayOfWeek day, int hours, int minutes)
    {
        Assert.True(MaintenanceWindow.TryParseDayAndTime(text, out var parsedDay, out var time));
        Assert.Equal(day, parsedDay);
        Assert.Equal(new TimeSpan(hours, minutes, 0), time);
    }

    [Fact]
    public void Closedown_at_without_a_day_means_every_day()
    {
        Assert.True(MaintenanceWindow.TryParseDayAndTime("23:00", out var day, out var time));
        Assert.Null(day);
        Assert.Equal(new TimeSpan(23, 0, 0), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Funday 22:00")]
    [InlineData("Friday 25:00")]
    [InlineData("Friday 10 PM")]
    [InlineData("Friday Saturday 10:00")]
    public void Closedown_at_refuses_what_ibc_would_not_read(string text) =>
        Assert.False(MaintenanceWindow.TryParseDayAndTime(text, out _, out _));

    [Fact]
    public void A_window_that_crosses_midnight_prints_its_end_on_the_next_day() =>
        Assert.Equal("daily 23:55-00:10 (auto-restart)", new MaintenanceWindow(null, new TimeSpan(23, 55, 0), TimeSpan.FromMinutes(15), "auto-restart").ToString());

    [Fact]
    public void The_next_daily_window_is_today_or_tomorrow()
    {
        var window = new MaintenanceWindow(null, new TimeSpan(23, 55, 0), TimeSpan.FromMinutes(15), "auto-restart");
        Assert.Equal(new DateTime(2025, 11, 15, 23, 55, 0), window.NextStart(new DateTime(2025, 11, 15, 20, 0, 0)));
        Assert.Equal(new DateTime(2025, 11, 15, 23, 55, 0), window.NextStart(new DateTime(2025, 11, 16, 0, 5, 0))); // still inside it
        Assert.Equal(new DateTime(2025, 11, 16, 23, 55, 0), window.NextStart(new DateTime(2025, 11, 16, 0, 11, 0)));
    }

    [Fact]
    public void The_next_weekly_window_falls_on_its_day()
    {
        var window = new MaintenanceWindow(DayOfWeek.Sunday, new TimeSpan(7, 5, 0), TimeSpan.FromMinutes(15), "IBC cold restart");
        var next = window.NextStart(new DateTime(2025, 11, 15, 20, 0, 0)); // a Saturday
        Assert.Equal(new DateTime(2025, 11, 16, 7, 5, 0), next);
        Assert.Equal("Sunday 07:05-07:20 (IBC cold restart)", window.ToString());
    }
}
