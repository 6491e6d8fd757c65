using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>Reads the API settings of every store (jts.ini, profile XML, IBC's config.ini), each with its source; or their conflicts.</summary>
[Cmdlet(VerbsCommon.Get, "IbApiSetting", DefaultParameterSetName = TypedSet)]
[OutputType(typeof(IbApiSettings), ParameterSetName = new[] { TypedSet })]
[OutputType(typeof(SettingValue), ParameterSetName = new[] { TypedSet })]
[OutputType(typeof(IniEntryRecord), ParameterSetName = new[] { RawSet })]
[OutputType(typeof(IbSettingConflict), ParameterSetName = new[] { ConflictsSet })]
public sealed class GetIbApiSettingCommand : IbSettingsStoreCmdlet
{
    private const string TypedSet = "Typed";
    private const string RawSet = "Raw";
    private const string ConflictsSet = "Conflicts";

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

    /// <summary>Which store's values: Effective, every store merged (default), or JtsIni, ProfileXml, Ibc for one store's own.</summary>
    [Parameter(ParameterSetName = TypedSet)]
    [ValidateSet(Effective, "JtsIni", "ProfileXml", "Ibc")]
    public string Source { get; set; } = Effective;

    /// <summary>List the settings on which the stores disagree instead.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConflictsSet)]
    public SwitchParameter Conflicts { get; set; }

    /// <summary>The set-ups already written: Find-IbConfig lists a gateway's jts.ini and its profile file, one set-up.</summary>
    private readonly HashSet<string> _written = new(System.StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        if (!Raw)
        {
            WriteStoreSettings();
            return;
        }

        var path = ResolveConfigPath();
        var bytes = ReadFile(path);
        if (bytes is null) return;
        var jts = new JtsIniSettings(IniDocument.Parse(bytes, path));
        WriteVerbose($"'{path}' uses the {jts.Layout} layout of jts.ini.");
        foreach (var diagnostic in jts.Document.Diagnostics) WriteWarning($"{path}: {diagnostic.Message}");
        foreach (var entry in jts.Document.Entries) WriteObject(new IniEntryRecord(path, entry));
    }

    private void WriteStoreSettings()
    {
        var set = OpenStores(Path, Profile, IbcConfigPath);
        if (set is null) return;
        if (!_written.Add(string.Join("|", set.Stores.Select(s => s.Path))))
        {
            WriteVerbose($"The stores {string.Join(", ", set.Stores.Select(s => s.Path))} were read already in this pipeline.");
            return;
        }
        var settings = StoreOf(Source) is { } store ? set.View(store) : set.Effective();
        foreach (var warning in settings.Warnings) WriteWarning(warning.Message);
        if (Conflicts)
        {
            WriteObject(settings.Conflicts, enumerateCollection: true);
            return;
        }

        if (Name is null)
        {
            SerializationDepth.Ensure(this, typeof(IbApiSettings), 3); // keeps each value's source an object in Export-Clixml
            WriteObject(settings);
            return;
        }

        var known = SettingNameCompleter.Names.Select(d => d.Name).Concat(settings.Values.Select(v => v.Name)).Distinct(System.StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var matches = known.Where(pattern.IsMatch).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteIbError(SettingFailure.NameUnknown(name, known));
            }
            foreach (var match in matches)
            {
                var value = settings.Get(match);
                if (value is null) WriteVerbose($"{match} is not set in the {Source} settings.");
                else WriteObject(value);
            }
        }
    }
}
