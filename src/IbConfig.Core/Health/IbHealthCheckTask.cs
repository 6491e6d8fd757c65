using System;
using System.IO;
using System.Text;
using System.Xml;

namespace IbConfig.Core.Health;

/// <summary>
/// A Windows scheduled task that runs the health check: what to run, how often, as whom. It renders the Task Scheduler
/// XML (schema 1.2) that <c>schtasks /Create /XML</c> registers: unlike /TR, the XML has no 261-character limit on the
/// command, sets "start when available", forbids overlapping runs and caps a run's time.
/// </summary>
public sealed class IbHealthCheckTask
{
    public const string DefaultTaskName = @"\IbConfig\HealthCheck";

    /// <summary>The well-known SID of LocalSystem: language-independent, unlike the name "SYSTEM".</summary>
    public const string SystemSid = "S-1-5-18";

    public IbHealthCheckTask(string taskName, string program, string arguments, TimeSpan every, DateTime startAt, string runAs)
    {
        if (string.IsNullOrWhiteSpace(taskName)) throw new ArgumentException("A task name is required.", nameof(taskName));
        if (every < TimeSpan.FromMinutes(1) || every > TimeSpan.FromDays(31))
            throw HealthCheckFailure.IntervalOutOfRange(every);
        TaskName = taskName.StartsWith("\\", StringComparison.Ordinal) ? taskName : "\\" + taskName;
        Program = program;
        Arguments = arguments;
        EveryValue = every;
        StartAt = startAt;
        RunAs = runAs;
    }

    /// <summary>The task's path in Task Scheduler's library, e.g. <c>\IbConfig\HealthCheck</c>.</summary>
    public string TaskName { get; }

    public string Program { get; }

    public string Arguments { get; }

    public string Every => EveryValue.ToString("c");

    internal TimeSpan EveryValue { get; }

    /// <summary>The first run; later runs follow every <see cref="Every"/> from it.</summary>
    public DateTime StartAt { get; }

    /// <summary><c>SYSTEM</c>, or the DOMAIN\user whose logon session runs it.</summary>
    public string RunAs { get; }

    public bool RunsAsSystem => string.Equals(RunAs, "SYSTEM", StringComparison.OrdinalIgnoreCase) || RunAs == SystemSid;

    /// <summary>The task definition for <c>schtasks /Create /XML</c>; save it as UTF-16 (its declared encoding).</summary>
    public string ToXml()
    {
        const string ns = "http://schemas.microsoft.com/windows/2004/02/mit/task";
        var text = new StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.Unicode }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Task", ns);
            xml.WriteAttributeString("version", "1.2");

            xml.WriteStartElement("RegistrationInfo", ns);
            xml.WriteElementString("Description", ns, "IbConfig health check of the IB Gateway / TWS API (Invoke-IbHealthCheck). Last Run Result: 0 pass, 1 warnings, 2 failure, 3 could not run.");
            xml.WriteElementString("URI", ns, TaskName);
            xml.WriteEndElement();

            xml.WriteStartElement("Triggers", ns);
            xml.WriteStartElement("TimeTrigger", ns);
            xml.WriteStartElement("Repetition", ns);
            xml.WriteElementString("Interval", ns, XmlConvert.ToString(EveryValue));
            xml.WriteElementString("StopAtDurationEnd", ns, "false");
            xml.WriteEndElement();
            xml.WriteElementString("StartBoundary", ns, StartAt.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteElementString("Enabled", ns, "true");
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Principals", ns);
            xml.WriteStartElement("Principal", ns);
            xml.WriteAttributeString("id", "Author");
            if (RunsAsSystem)
            {
                xml.WriteElementString("UserId", ns, SystemSid);
                xml.WriteElementString("RunLevel", ns, "HighestAvailable");
            }
            else
            {
                // Runs in the user's session while they are logged on: the session IB Gateway itself runs in, no stored password.
                xml.WriteElementString("UserId", ns, RunAs);
                xml.WriteElementString("LogonType", ns, "InteractiveToken");
                xml.WriteElementString("RunLevel", ns, "LeastPrivilege");
            }
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Settings", ns);
            xml.WriteElementString("MultipleInstancesPolicy", ns, "IgnoreNew");
            xml.WriteElementString("DisallowStartIfOnBatteries", ns, "false");
            xml.WriteElementString("StopIfGoingOnBatteries", ns, "false");
            xml.WriteElementString("StartWhenAvailable", ns, "true");
            xml.WriteElementString("ExecutionTimeLimit", ns, "PT10M");
            xml.WriteElementString("Enabled", ns, "true");
            xml.WriteEndElement();

            xml.WriteStartElement("Actions", ns);
            xml.WriteAttributeString("Context", "Author");
            xml.WriteStartElement("Exec", ns);
            xml.WriteElementString("Command", ns, Program);
            xml.WriteElementString("Arguments", ns, Arguments);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return text.ToString();
    }

    /// <summary>schtasks.exe arguments that create or replace (/F: idempotent) the task from the XML file.</summary>
    public string[] CreateArguments(string xmlPath) => new[] { "/Create", "/TN", TaskName, "/XML", xmlPath, "/F" };

    public static string[] QueryArguments(string taskName) => new[] { "/Query", "/TN", taskName };

    public static string[] DeleteArguments(string taskName) => new[] { "/Delete", "/TN", taskName, "/F" };
}
