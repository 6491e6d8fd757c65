using System.Management.Automation;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Lists the trusted API client addresses in a jts.ini, one object per address with the keys that hold it.</summary>
[Cmdlet(VerbsCommon.Get, "IbTrustedIp")]
[OutputType(typeof(IbTrustedIp))]
public sealed class GetIbTrustedIpCommand : IbConfigFileCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var bytes = ReadFile(path);
        if (bytes is null) return;
        var jts = new JtsIniSettings(IniDocument.Parse(bytes, path));
        foreach (var warning in jts.Read().Warnings)
        {
            if (warning.Setting == SettingDefinition.TrustedIps.Name) WriteWarning($"{path}: {warning.Message}");
        }
        var addresses = jts.ReadTrustedIps();
        if (addresses.Count == 0) WriteVerbose($"'{path}' trusts no address: every API client gets a prompt (TWS) or is dropped (IB Gateway).");
        WriteObject(addresses, enumerateCollection: true);
    }
}
