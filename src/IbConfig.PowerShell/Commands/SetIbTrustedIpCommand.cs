using System.Management.Automation;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Replaces the trusted IP list with exactly the given addresses.</summary>
[Cmdlet(VerbsCommon.Set, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbTrustedIp))]
public sealed class SetIbTrustedIpCommand : IbTrustedIpCmdlet
{
    protected override TrustedIpOperation Operation => TrustedIpOperation.Replace;
}
