using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Lists the trusted API client addresses, one object per address with every store and key that holds it: the list that
/// counts (IBC's, else the profile's, else jts.ini's), or one store's own with -Source.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IbTrustedIp")]
[OutputType(typeof(IbTrustedIp))]
public sealed class GetIbTrustedIpCommand : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>Which list: the one that counts (default), or one store's own.</summary>
    [Parameter]
    public SettingsView Source { get; set; } = SettingsView.Effective;

    protected override void ProcessRecord()
    {
        var set = OpenStores();
        if (set is null) return;
        var store = Source.StoreOf();
        var warnings = store is { } one ? set.View(one).Warnings : set.Effective().Warnings;
        foreach (var warning in warnings)
        {
            if (warning.Setting == SettingDefinition.TrustedIps.Name) WriteWarning(warning.Message);
        }
        var addresses = set.TrustedIps(store);
        if (addresses.Count == 0) WriteVerbose($"The {Source} settings trust no address: every API client gets a prompt (TWS) or is dropped (IB Gateway).");
        WriteObject(addresses, enumerateCollection: true);
    }
}
