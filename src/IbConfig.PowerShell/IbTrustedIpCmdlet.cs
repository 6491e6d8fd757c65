using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell;

/// <summary>
/// Shared by Add-, Remove- and Set-IbTrustedIp: collects the piped addresses per file, then validates them as one edit
/// (one error per bad entry; the rest still apply), writes every trusted-IP key the file has through the guarded write,
/// and with -PassThru emits the resulting list.
/// </summary>
public abstract class IbTrustedIpCmdlet : IbConfigFileCmdlet
{
    private readonly Dictionary<string, List<string>> _byPath = new(System.StringComparer.Ordinal);

    /// <summary>The addresses: exact IPv4 or IPv6 addresses, several per argument if comma-separated.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IP", "Address")]
    [AllowEmptyString]
    public string[] IPAddress { get; set; } = new string[0];

    [Parameter]
    public override SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract TrustedIpOperation Operation { get; }

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        if (!_byPath.TryGetValue(path, out var entries)) _byPath[path] = entries = new List<string>();
        entries.AddRange(IPAddress);
    }

    protected override void EndProcessing()
    {
        foreach (var pair in _byPath) Edit(pair.Key, pair.Value);
    }

    private void Edit(string path, List<string> entries)
    {
        var bytes = ReadFile(path);
        if (bytes is null) return;
        var jts = new JtsIniSettings(IniDocument.Parse(bytes, path));
        var plan = jts.PlanTrustedIps(TrustedIpEdit.Create(Operation, jts.TrustedIps, entries, Force));
        foreach (var note in plan.Notes) WriteWarning(note);
        foreach (var error in plan.Errors) WriteIbError(error);

        if (!plan.HasChanges)
        {
            WriteVerbose($"The trusted IPs in '{path}' need no change.");
        }
        else
        {
            jts.Apply(plan);
            WriteVerbose($"Changing '{path}': {plan.Describe()}");
            if (SaveFile(path, jts.Document.ToBytes(), plan.Describe()) is null) return;
        }
        if (PassThru) WriteObject(jts.ReadTrustedIps(), enumerateCollection: true);
    }
}
