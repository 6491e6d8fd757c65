using System;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;

namespace IbConfig.PowerShell.Commands;

/// <summary>Prints the ready-to-paste scheduled health check for Task Scheduler, cron, systemd or a Docker HEALTHCHECK.</summary>
[Cmdlet(VerbsCommon.Get, "IbHealthCheckCommand")]
[OutputType(typeof(IbHealthCheckCommand))]
public sealed class GetIbHealthCheckCommandCommand : HealthCheckSchedulingCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public HealthCheckCommandKind[] Kind { get; set; } = (HealthCheckCommandKind[])Enum.GetValues(typeof(HealthCheckCommandKind));

    /// <summary>What the scheduled run imports: the module name (portable), or a manifest path.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Module { get; set; } = "IbConfig";

    protected override void ProcessRecord()
    {
        var invocation = Invocation(Module);
        WriteVerbose($"Scheduled command: {invocation.Script()}");
        foreach (var kind in Kind)
        {
            try
            {
                WriteObject(HealthCheckCommandLine.For(kind, invocation, Every, PowerShellPath));
            }
            catch (IbConfigException ex)
            {
                WriteIbError(ex);
            }
        }
    }
}
