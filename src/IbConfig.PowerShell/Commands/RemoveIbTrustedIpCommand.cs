using System.Management.Automation;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Removes addresses from the trusted IP list (127.0.0.1 only with -Force).</summary>
[Cmdlet(VerbsCommon.Remove, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbTrustedIp))]
public sealed class RemoveIbTrustedIpCommand : IbTrustedIpCmdlet
{
    protected override TrustedIpOperation Operation => TrustedIpOperation.Remove;
}
