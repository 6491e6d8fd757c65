using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>Removes addresses from the trusted IP list (127.0.0.1 only with -Force).</summary>
[Cmdlet(VerbsCommon.Remove, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbStoreWriteResult), typeof(IbTrustedIp))]
public sealed class RemoveIbTrustedIpCommand : IbTrustedIpCmdlet
{
    public RemoveIbTrustedIpCommand()
        : base(TrustedIpOperation.Remove)
    {
    }
}
