using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Management.Automation;
using IbConfig.PowerShell.Arguments;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Changes API settings in every store that decides them (or the -Target stores): jts.ini (every key of each setting, both
/// layouts), the profile XML, IBC's config.ini; each guarded and backed up, one result per store.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IbApiSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbStoreWriteResult), typeof(IbApiSettings))]
public sealed class SetIbApiSettingCommand : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)] public int? SocketPort { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? ApiEnabled { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? ReadOnlyApi { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public int? MasterClientId { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public int? SocketPortSecurityLevel { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? DownloadOpenOrders { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? AllowAccountRequests { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? ExposeTradingSchedule { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? NegativeAutoOrderIds { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public bool? BypassOrderPrecautions { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public int? MarketDataLines { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true), TimeOfDayTransformation] public string? AutoRestartTime { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true), TimeOfDayTransformation] public string? AutoLogoffTime { get; set; }

    /// <summary>Which stores to change: JtsIni, ProfileXml, Ibc or All; default: every store that exists and decides the setting.</summary>
    [Parameter]
    [ValidateSet("JtsIni", "ProfileXml", "Ibc", "All")]
    public string? Target { get; set; }

    [Parameter] public SwitchParameter AllowLivePort { get; set; }
    [Parameter] public override SwitchParameter Force { get; set; }
    [Parameter] public SwitchParameter PassThru { get; set; }
    [Parameter, ValidateRange(1, 10000)] public override int KeepBackups { get; set; } = Core.Files.ConfigBackup.DefaultKeep;

    protected override void ProcessRecord()
    {
        var stores = OpenStores(Path, Profile, IbcConfigPath);
        if (stores is null) return;
        var plan = new StoreEditPlanner(stores).PlanSettings(Requests(), StoreTargets.Parse(Target), AllowLivePort);
        if (plan.SelectsLivePort && !ConfirmLivePort(plan)) return;
        if (Approve(plan) is not { } approved) return;
        WriteOutcome(Machine.Applier().Apply(approved, Force, KeepBackups), emit: !PassThru);
        if (!PassThru) return;
        SerializationDepth.Ensure(this, typeof(IbApiSettings), 3); // as Get-IbApiSetting
        WriteObject(OpenStores(Path, Profile, IbcConfigPath)?.Effective());
    }

    private List<SettingRequest> Requests()
    {
        var requests = new List<SettingRequest>();
        void Add(SettingDefinition setting, string? text) { if (text is not null) requests.Add(new SettingRequest(setting, text)); }
        static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);
        static string? Bool(bool? value) => value is { } flag ? SettingValueParser.FormatBool(flag) : null;
        Add(SettingDefinition.SocketPort, Int(SocketPort));
        Add(SettingDefinition.ApiEnabled, Bool(ApiEnabled));
        Add(SettingDefinition.ReadOnlyApi, Bool(ReadOnlyApi));
        Add(SettingDefinition.MasterClientId, Int(MasterClientId));
        Add(SettingDefinition.SocketPortSecurityLevel, Int(SocketPortSecurityLevel));
        Add(SettingDefinition.DownloadOpenOrders, Bool(DownloadOpenOrders));
        Add(SettingDefinition.AllowAccountRequests, Bool(AllowAccountRequests));
        Add(SettingDefinition.ExposeTradingSchedule, Bool(ExposeTradingSchedule));
        Add(SettingDefinition.NegativeAutoOrderIds, Bool(NegativeAutoOrderIds));
        Add(SettingDefinition.BypassOrderPrecautions, Bool(BypassOrderPrecautions));
        Add(SettingDefinition.MarketDataLines, Int(MarketDataLines));
        Add(SettingDefinition.AutoRestartTime, AutoRestartTime);
        Add(SettingDefinition.AutoLogoffTime, AutoLogoffTime);
        return requests;
    }

    /// <summary>
    /// ConfirmImpact is fixed per cmdlet, but selecting a live port is a High-impact change: ask as PowerShell asks for a
    /// High-impact cmdlet, unless -Force, -Confirm:$false, -WhatIf (ShouldProcess reports it) or $ConfirmPreference = None.
    /// </summary>
    private bool ConfirmLivePort(StoreEditPlan plan)
    {
        var bound = MyInvocation.BoundParameters;
        if (Force || bound.ContainsKey("WhatIf") || bound.ContainsKey("Confirm")) return true;
        if (LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"))) return true;
        if (LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact preference) && preference == ConfirmImpact.None) return true;
        return ShouldContinue($"Set the API socket port in {string.Join(", ", plan.Changes.Select(e => "'" + e.Path + "'"))} to the live-trading port {SocketPort}? A bot connected to it can place real trades.", "Select a live-trading port");
    }
}
