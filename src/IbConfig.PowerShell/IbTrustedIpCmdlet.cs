using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell;

/// <summary>
/// Shared by Add-, Remove- and Set-IbTrustedIp: collects the piped addresses per set of stores, then validates them as one
/// edit (one error per bad entry; the rest still apply), writes the list of every target store (every trusted-IP key of
/// jts.ini, the profile XML's addresses, IBC's TrustedTwsApiClientIPs) through the guarded write, one result per store,
/// and with -PassThru emits the resulting list instead.
/// </summary>
public abstract class IbTrustedIpCmdlet : IbSettingsStoreCmdlet
{
    private readonly Dictionary<(string? Path, string? Profile, string? Ibc), List<string>> _byStores = new();

    /// <summary>The addresses: exact IPv4 or IPv6 addresses, several per argument if comma-separated.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IP", "Address")]
    [ArgumentCompleter(typeof(TrustedIpCompleter))]
    [AllowEmptyString]
    public string[] IPAddress { get; set; } = new string[0];

    [Parameter]
    public override SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Which stores to change; default: every store that exists and decides the trusted list.</summary>
    [Parameter]
    public StoreTarget Target { get; set; } = StoreTarget.Governing;

    protected abstract TrustedIpOperation Operation { get; }

    protected override void ProcessRecord()
    {
        var key = (Path, Profile, IbcConfigPath);
        if (!_byStores.TryGetValue(key, out var entries)) _byStores[key] = entries = new List<string>();
        entries.AddRange(IPAddress);
    }

    protected override void EndProcessing()
    {
        foreach (var pair in _byStores)
        {
            (Path, Profile, IbcConfigPath) = pair.Key;
            Edit(pair.Value);
        }
    }

    private void Edit(List<string> entries)
    {
        var set = OpenStores();
        if (set is null) return;
        var edit = TrustedIpEdit.Create(Operation, set.CurrentTrustedList(), entries, Force);
        var targets = TargetsOf(set, Target, new[] { SettingDefinition.TrustedIps.Name });
        if (targets.Count == 0 && set.JtsIni is null) WriteVerbose("No store holds a trusted IP list to change.");
        WriteStores(targets, store => store.PlanTrustedIps(edit), emitResults: !PassThru);
        if (PassThru) WriteObject(OpenStores()?.TrustedIps(), enumerateCollection: true);
    }
}
