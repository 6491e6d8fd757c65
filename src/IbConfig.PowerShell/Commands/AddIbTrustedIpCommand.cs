using System.Management.Automation;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Adds addresses to the trusted IP list, keeping the entries already there.</summary>
[Cmdlet(VerbsCommon.Add, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbTrustedIp))]
public sealed class AddIbTrustedIpCommand : IbTrustedIpCmdlet
{
    protected override TrustedIpOperation Operation => TrustedIpOperation.Add;
}
