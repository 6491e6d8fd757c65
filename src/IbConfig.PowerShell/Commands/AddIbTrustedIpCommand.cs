using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>Adds addresses to the trusted IP list, keeping the entries already there.</summary>
[Cmdlet(VerbsCommon.Add, "IbTrustedIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbStoreWriteResult), typeof(IbTrustedIp))]
public sealed class AddIbTrustedIpCommand : IbTrustedIpCmdlet
{
    public AddIbTrustedIpCommand()
        : base(TrustedIpOperation.Add)
    {
    }
}
