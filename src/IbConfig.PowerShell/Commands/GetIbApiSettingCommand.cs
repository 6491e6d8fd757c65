using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Reads the API settings from a jts.ini of either layout, each with its source.</summary>
[Cmdlet(VerbsCommon.Get, "IbApiSetting", DefaultParameterSetName = TypedSet)]
[OutputType(typeof(IbApiSettings), ParameterSetName = new[] { TypedSet })]
[OutputType(typeof(SettingValue), ParameterSetName = new[] { TypedSet })]
[OutputType(typeof(IniEntryRecord), ParameterSetName = new[] { RawSet })]
public sealed class GetIbApiSettingCommand : IbConfigFileCmdlet
{
    private const string TypedSet = "Typed";
    private const string RawSet = "Raw";

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>Only these settings (wildcards allowed), one SettingValue each.</summary>
    [Parameter(ParameterSetName = TypedSet)]
    [ArgumentCompleter(typeof(SettingNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RawSet)]
    public SwitchParameter Raw { get; set; }

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var bytes = ReadFile(path);
        if (bytes is null) return;
        var jts = new JtsIniSettings(IniDocument.Parse(bytes, path));
        WriteVerbose($"'{path}' uses the {jts.Layout} layout of jts.ini.");

        if (Raw)
        {
            foreach (var diagnostic in jts.Document.Diagnostics) WriteWarning($"{path}: {diagnostic.Message}");
            foreach (var entry in jts.Document.Entries) WriteObject(new IniEntryRecord(path, entry));
            return;
        }

        var settings = jts.Read();
        foreach (var warning in settings.Warnings) WriteWarning($"{path}: {warning.Message}");
        if (Name is null)
        {
            WriteObject(settings);
            return;
        }

        foreach (var name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var matches = SettingDefinition.All.Where(d => pattern.IsMatch(d.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteIbError("SettingNameUnknown", ErrorCategory.InvalidArgument, name,
                    $"'{name}' is not a setting IbConfig knows. Use one of: {string.Join(", ", SettingDefinition.All.Select(d => d.Name))}.");
            }
            foreach (var match in matches)
            {
                var value = settings.Get(match.Name);
                if (value is null) WriteVerbose($"{match.Name} is not set in '{path}'.");
                else WriteObject(value);
            }
        }
    }
}
