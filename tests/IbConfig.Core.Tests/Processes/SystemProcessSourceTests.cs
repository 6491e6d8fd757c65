using System.Diagnostics;
using IbConfig.Core.Processes;

namespace IbConfig.Core.Tests.Processes;

public class SystemProcessSourceTests
{
    [Fact]
    public void The_test_process_itself_is_listed_with_its_start_time()
    {
        using var self = Process.GetCurrentProcess();

        var found = SystemProcessSource.Instance.GetProcesses(name => name == self.ProcessName);

        var me = Assert.Single(found, p => p.Id == Environment.ProcessId);
        Assert.Equal(self.ProcessName, me.Name);
        Assert.NotNull(me.StartTime);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Assert.NotNull(me.CommandLine);
            Assert.NotNull(me.Path);
        }
    }

    [Fact]
    public void Processes_whose_name_fails_the_filter_are_not_listed()
    {
        Assert.Empty(SystemProcessSource.Instance.GetProcesses(_ => false));
    }
}
