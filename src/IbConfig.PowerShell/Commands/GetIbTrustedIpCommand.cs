using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Lists the trusted API client addresses, one object per address: every address the gateway trusts now or will trust
/// after IBC's next start, with when (State) and every store and key granting it (docs/trusted-ips.md); or only what one
/// store grants with -Source.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IbTrustedIp")]
[OutputType(typeof(IbTrustedIp))]
public sealed class GetIbTrustedIpCommand : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>Effective (default: every store the gateway may read), or JtsIni, ProfileXml, Ibc for what one store grants.</summary>
    [Parameter]
    [ValidateSet(Effective, "JtsIni", "ProfileXml", "Ibc")]
    public string Source { get; set; } = Effective;

    protected override void ProcessRecord()
    {
        var set = OpenStores(Path, Profile, IbcConfigPath);
        if (set is null) return;
        var store = StoreOf(Source);
        var warnings = store is { } one ? set.View(one).Warnings : set.Effective().Warnings;
        foreach (var warning in warnings)
        {
            // Stores that disagree are what the objects show (State, Stores): no warning needed for that.
            if (warning.Setting == SettingDefinition.TrustedIps.Name && warning.Code != SettingsStoreSet.StoresDisagree) WriteWarning(warning.Message);
        }
        var addresses = set.TrustedIps(store);
        if (addresses.Count == 0) WriteVerbose($"The {Source} settings trust no address: every API client gets a prompt (TWS) or is dropped (IB Gateway).");
        WriteObject(addresses, enumerateCollection: true);
    }
}
