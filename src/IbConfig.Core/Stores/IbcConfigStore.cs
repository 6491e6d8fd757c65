using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// IBC's config.ini as a settings store. IBC drives the GUI at every start, so its non-blank values are what the gateway
/// runs with; a blank key leaves the gateway's own value. Credential keys are not settings and never appear here.
/// </summary>
public sealed class IbcConfigStore : ISettingsStore
{
    // The API settings IBC shares with the other stores, then IBC's own (shown in its view and in the effective one).
    internal static IReadOnlyList<StoreKey> Keys { get; } = new[]
    {
        new StoreKey(SettingDefinition.SocketPort.Name, null, IbcKeys.OverrideTwsApiPort, StoreValueKind.Port),
        new StoreKey(SettingDefinition.ReadOnlyApi.Name, null, IbcKeys.ReadOnlyApi, StoreValueKind.YesNo),
        new StoreKey(SettingDefinition.MasterClientId.Name, null, IbcKeys.OverrideTwsMasterClientID, StoreValueKind.MasterClientId),
        new StoreKey(ProfileXmlStore.TrustedIpsSetting, null, IbcKeys.TrustedTwsApiClientIPs, StoreValueKind.AddressList),
        new StoreKey(SettingDefinition.AutoRestartTime.Name, null, IbcKeys.AutoRestartTime, StoreValueKind.IbcTime),
        new StoreKey(SettingDefinition.AutoLogoffTime.Name, null, IbcKeys.AutoLogoffTime, StoreValueKind.IbcTime),
        new StoreKey(SettingDefinition.TradingMode.Name, null, IbcKeys.TradingMode, StoreValueKind.TradingMode),
        new StoreKey(SettingDefinition.BypassOrderPrecautions.Name, null, IbcKeys.BypassOrderPrecautions, StoreValueKind.YesNo),
        new StoreKey(IbcKeys.AcceptIncomingConnectionAction, null, IbcKeys.AcceptIncomingConnectionAction, StoreValueKind.Text),
        new StoreKey(IbcKeys.ColdRestartTime, null, IbcKeys.ColdRestartTime, StoreValueKind.ClockTime),
        new StoreKey(IbcKeys.ClosedownAt, null, IbcKeys.ClosedownAt, StoreValueKind.Text),
        new StoreKey(IbcKeys.AllowBlindTrading, null, IbcKeys.AllowBlindTrading, StoreValueKind.YesNo),
        new StoreKey(IbcKeys.ExistingSessionDetectedAction, null, IbcKeys.ExistingSessionDetectedAction, StoreValueKind.Text),
        new StoreKey(IbcKeys.CommandServerPort, null, IbcKeys.CommandServerPort, StoreValueKind.Count),
        new StoreKey(IbcKeys.ControlFrom, null, IbcKeys.ControlFrom, StoreValueKind.Text),
    }.Concat(IbcKeys.OtherBypassKeys.Select(k => new StoreKey(k, null, k, StoreValueKind.YesNo))).ToArray();

    public IbcConfigStore(IbcConfig config) => Config = config;

    public IbcConfig Config { get; }

    public SettingStore Kind => SettingStore.IbcConfig;

    public string Path => Config.Path;

    public bool IsReadable => true;

    public string? Problem => null;

    public bool IsModified => Config.IsModified;

    public static IbcConfigStore Load(string path) => new(IbcConfig.Load(path));

    public IReadOnlyList<SettingValue> Read()
    {
        var values = new List<SettingValue>();
        foreach (var key in Keys)
        {
            var found = Config.Get(key.Key);
            if (found is null) continue;
            var source = new SettingSource(SettingStore.IbcConfig, Path, null, key.Key, found.Line);
            if (found.IsBlank)
            {
                values.Add(new SettingValue(key.Setting, string.Empty, null, source));
                continue;
            }

            var (value, problem) = StoreValueCodec.Parse(key.Kind, found.Value);
            // IBC rewrites the gateway's list to 127.0.0.1 plus its own addresses at every start (ib-settings.md, section 1).
            if (key.Kind == StoreValueKind.AddressList && value is string[] list) value = new[] { "127.0.0.1" }.Concat(list).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            values.Add(new SettingValue(key.Setting, found.Value, value, source, problem));
        }

        return values;
    }

    public bool Governs(string setting) => Keys.Any(k => string.Equals(k.Setting, setting, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<StoreChange> Set(string setting, object value)
    {
        var key = Keys.FirstOrDefault(k => string.Equals(k.Setting, setting, StringComparison.OrdinalIgnoreCase));
        if (key is null) return Array.Empty<StoreChange>();
        var change = Config.Set(key.Key, StoreValueCodec.Format(key.Kind, key.Setting, value));
        return change is null
            ? Array.Empty<StoreChange>()
            : new[] { new StoreChange(Kind, Path, key.Setting, key.Key, change.OldValue, change.NewValue, change.Line) };
    }

    public byte[] ToBytes() => Config.ToBytes();

    public override string ToString() => Path;
}
