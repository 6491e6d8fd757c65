using System.Xml.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Windows;

namespace IbConfig.Core.Tests.Health;

public class IbHealthCheckTaskTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private static IbHealthCheckTask Task(string runAs = @"TRADER01\ops", int minutes = 5) =>
        new(@"\IbConfig\HealthCheck", @"C:\Program Files\PowerShell\7\pwsh.exe", "-NoProfile -Command \"x; exit $LASTEXITCODE\"",
            TimeSpan.FromMinutes(minutes), new DateTime(2025, 11, 15, 0, 0, 0), runAs);

    [Fact]
    public void The_xml_repeats_the_action_at_the_interval_from_the_start_time()
    {
        var xml = XDocument.Parse(Task().ToXml());
        var trigger = xml.Descendants(Ns + "TimeTrigger").Single();
        Assert.Equal("PT5M", trigger.Element(Ns + "Repetition")!.Element(Ns + "Interval")!.Value);
        Assert.Equal("2025-11-15T00:00:00", trigger.Element(Ns + "StartBoundary")!.Value);
        var exec = xml.Descendants(Ns + "Exec").Single();
        Assert.Equal(@"C:\Program Files\PowerShell\7\pwsh.exe", exec.Element(Ns + "Command")!.Value);
        Assert.Equal("-NoProfile -Command \"x; exit $LASTEXITCODE\"", exec.Element(Ns + "Arguments")!.Value);
        Assert.Equal(@"\IbConfig\HealthCheck", xml.Descendants(Ns + "URI").Single().Value);
    }

    [Fact]
    public void Runs_never_overlap_start_when_missed_and_are_capped()
    {
        var settings = XDocument.Parse(Task().ToXml()).Descendants(Ns + "Settings").Single();
        Assert.Equal("IgnoreNew", settings.Element(Ns + "MultipleInstancesPolicy")!.Value);
        Assert.Equal("true", settings.Element(Ns + "StartWhenAvailable")!.Value);
        Assert.Equal("PT10M", settings.Element(Ns + "ExecutionTimeLimit")!.Value);
    }

    [Fact]
    public void A_user_task_runs_in_the_users_session_and_a_system_task_as_local_system()
    {
        var user = XDocument.Parse(Task().ToXml()).Descendants(Ns + "Principal").Single();
        Assert.Equal(@"TRADER01\ops", user.Element(Ns + "UserId")!.Value);
        Assert.Equal("InteractiveToken", user.Element(Ns + "LogonType")!.Value);
        var system = XDocument.Parse(Task("SYSTEM").ToXml()).Descendants(Ns + "Principal").Single();
        Assert.Equal("S-1-5-18", system.Element(Ns + "UserId")!.Value);
        Assert.Null(system.Element(Ns + "LogonType"));
        Assert.True(Task("SYSTEM").RunsAsSystem);
    }

    [Fact]
    public void The_xml_declares_utf16_as_schtasks_expects() =>
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>", Task().ToXml());

    [Theory]
    [InlineData(0)]
    [InlineData(60 * 24 * 32)]
    public void An_interval_task_scheduler_cannot_repeat_is_refused(int minutes)
    {
        var ex = Assert.Throws<IbConfigException>(() => Task(minutes: minutes));
        Assert.Equal("HealthCheckIntervalOutOfRange", ex.ErrorId);
    }

    [Fact]
    public void A_task_name_gets_its_leading_backslash() =>
        Assert.Equal(@"\IbHealth", new IbHealthCheckTask("IbHealth", "pwsh.exe", "", TimeSpan.FromMinutes(5), DateTime.Today, "SYSTEM").TaskName);

    [Fact]
    public void Registering_writes_the_xml_and_replaces_with_force()
    {
        var runner = new FakeSchtasks { Exists = true };
        var replaced = new ScheduledTaskRegistrar(runner).Register(Task());
        Assert.True(replaced);
        var create = runner.Calls.Last();
        Assert.Equal(new[] { "/Create", "/TN", @"\IbConfig\HealthCheck", "/XML" }, create.Take(4));
        Assert.Equal("/F", create.Last());
        Assert.Contains("<Interval>PT5M</Interval>", runner.XmlSeen);
        Assert.False(File.Exists(create[4]));
    }

    [Fact]
    public void Unregistering_a_missing_task_does_nothing()
    {
        var runner = new FakeSchtasks { Exists = false };
        Assert.False(new ScheduledTaskRegistrar(runner).Unregister(@"\IbConfig\HealthCheck"));
        Assert.Single(runner.Calls);
        Assert.Equal("/Query", runner.Calls[0][0]);
    }

    [Fact]
    public void Unregistering_an_existing_task_deletes_it()
    {
        var runner = new FakeSchtasks { Exists = true };
        Assert.True(new ScheduledTaskRegistrar(runner).Unregister(@"\IbConfig\HealthCheck"));
        Assert.Equal(new[] { "/Delete", "/TN", @"\IbConfig\HealthCheck", "/F" }, runner.Calls.Last());
    }

    [Fact]
    public void Access_denied_from_schtasks_says_to_run_as_administrator()
    {
        var runner = new FakeSchtasks { Exists = false, CreateResult = new ProgramOutput(1, "", "ERROR: Access is denied.") };
        var ex = Assert.Throws<IbConfigException>(() => new ScheduledTaskRegistrar(runner).Register(Task("SYSTEM")));
        Assert.Equal("HealthCheckTaskAccessDenied", ex.ErrorId);
        Assert.Equal(IbErrorKind.PermissionDenied, ex.Kind);
        Assert.Contains("administrator", ex.Message);
    }

    private sealed class FakeSchtasks : IProgramRunner
    {
        public bool Exists { get; init; }

        public ProgramOutput CreateResult { get; init; } = new(0, "SUCCESS: The scheduled task was successfully created.", "");

        public List<string[]> Calls { get; } = new();

        public string XmlSeen { get; private set; } = "";

        public ProgramOutput Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
        {
            Assert.Equal("schtasks.exe", program);
            Calls.Add(arguments.ToArray());
            return arguments[0] switch
            {
                "/Query" => new ProgramOutput(Exists ? 0 : 1, "", Exists ? "" : "ERROR: The system cannot find the file specified."),
                "/Create" => Create(arguments[4]),
                _ => new ProgramOutput(0, "SUCCESS", ""),
            };
        }

        private ProgramOutput Create(string xmlPath)
        {
            XmlSeen = File.ReadAllText(xmlPath, System.Text.Encoding.Unicode);
            return CreateResult;
        }
    }
}
