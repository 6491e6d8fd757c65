using System;
using System.Linq;
using IbConfig.Core.Machine;
using IbConfig.Core.Processes;
using Xunit;

namespace IbConfig.Core.Tests.Machine;

public class IbMachineTests
{
    private static readonly StaticProcessSource OneTws = new(new[] { new ProcessSnapshot(9, "tws") });

    [Fact]
    public void A_fake_process_list_reaches_the_finder_and_the_write_guard_and_leaves_the_local_machine_alone()
    {
        var fake = IbMachine.Local.WithProcesses(OneTws);
        Assert.Equal(9, Assert.Single(fake.GatewayProcesses().Find()).Id);
        Assert.NotEmpty(fake.Writer().FindBlockingProcesses("/nowhere/Jts/jts.ini"));
        Assert.Same(SystemProcessSource.Instance, IbMachine.Local.Processes);
        Assert.NotSame(fake, IbMachine.Local);
    }

    [Fact]
    public void A_fixed_clock_reaches_the_checklist_and_the_verifier_through_one_root()
    {
        var noon = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        var fake = IbMachine.Local.WithClock(() => noon).WithProcesses(OneTws);
        Assert.Equal(noon, fake.Clock());
        Assert.Same(OneTws, fake.WithClock(() => noon).Processes);
        Assert.NotNull(fake.CheckLoader());
    }

    [Fact]
    public void The_machine_has_no_public_static_setter()
    {
        var setters = typeof(IbMachine).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(setters);
    }
}
