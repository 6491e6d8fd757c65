using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>Replaces the trusted IP list with exactly the given addresses.</summary>
[Cmdlet(VerbsCommon.Set, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbStoreWriteResult), typeof(IbTrustedIp))]
public sealed class SetIbTrustedIpCommand : IbTrustedIpCmdlet
{
    public SetIbTrustedIpCommand()
        : base(TrustedIpOperation.Replace)
    {
    }
}
