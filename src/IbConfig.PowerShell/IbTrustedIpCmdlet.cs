using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell;

/// <summary>
/// Shared by Add-, Remove- and Set-IbTrustedIp: collects the piped addresses per set of stores, then plans them as one
/// edit in Core (one error per bad entry; the rest still apply), asks, applies, and emits one result per store, or with
/// -PassThru the trusted list afterwards. Which stores an edit reaches is Core's rule (docs/trusted-ips.md).
/// </summary>
public abstract class IbTrustedIpCmdlet : IbSettingsStoreCmdlet
{
    private readonly TrustedIpOperation _operation;
    private readonly Dictionary<(string? Path, string? Profile, string? Ibc), List<string>> _byStores = new();

    protected IbTrustedIpCmdlet(TrustedIpOperation operation) => _operation = operation;

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

    [Parameter]
    [ValidateRange(1, 10000)]
    public override int KeepBackups { get; set; } = Core.Files.ConfigBackup.DefaultKeep;

    /// <summary>Which stores to change: JtsIni, ProfileXml, Ibc or All; default: where the gateway reads (docs/trusted-ips.md).</summary>
    [Parameter]
    [ValidateSet("JtsIni", "ProfileXml", "Ibc", "All")]
    public string? Target { get; set; }

    protected override void ProcessRecord()
    {
        var key = (Path, Profile, IbcConfigPath);
        if (!_byStores.TryGetValue(key, out var entries)) _byStores[key] = entries = new List<string>();
        entries.AddRange(IPAddress);
    }

    protected override void EndProcessing()
    {
        foreach (var pair in _byStores) Edit(pair.Key.Path, pair.Key.Profile, pair.Key.Ibc, pair.Value);
    }

    private void Edit(string? path, string? profile, string? ibc, List<string> entries)
    {
        var stores = OpenStores(path, profile, ibc);
        if (stores is null) return;
        var plan = new StoreEditPlanner(stores).PlanTrustedIps(_operation, entries, StoreTargets.Parse(Target), Force);
        if (Approve(plan) is not { } approved) return;
        WriteOutcome(Machine.Applier().Apply(approved, Force, KeepBackups), emit: !PassThru);

        if (OpenStores(path, profile, ibc) is not { } after) return;
        if (_operation == TrustedIpOperation.Remove && approved.Declined == 0) WarnStillTrusted(after, entries, plan);
        if (PassThru) WriteObject(after.TrustedIps(), enumerateCollection: true);
    }

    // Removing must leave nothing granting the address; say which store still does (a narrowed -Target, an encrypted profile, IBC's 127.0.0.1).
    private void WarnStillTrusted(SettingsStoreSet after, List<string> entries, StoreEditPlan plan)
    {
        var refused = TrustedIpList.Parse(string.Join(",", plan.Errors.Select(e => e.Target).OfType<string>()));
        var removed = TrustedIpList.Parse(string.Join(",", entries)).Remove(refused);
        foreach (var ip in after.TrustedIps().Where(t => removed.Contains(TrustedIpAddress.Parse(t.IPAddress))))
            WriteWarning($"{ip.IPAddress} is still trusted ({ip.State}): {string.Join(", ", ip.Sources)} still grant{(ip.Sources.Length == 1 ? "s" : "")} it.");
    }
}
