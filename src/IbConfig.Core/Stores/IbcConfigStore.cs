using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// IBC's config.ini as a settings store. IBC drives the GUI at every start, so its non-blank values are what the gateway
/// runs with; a blank key leaves the gateway's own value and so governs nothing. Credential keys are not settings and
/// never appear here (<see cref="IbcConfig"/> keeps them out of every view).
/// </summary>
public sealed class IbcConfigStore : MappedSettingsStore
{
    // The API settings IBC shares with the other stores, then IBC's own (shown in its view and in the effective one).
    private static readonly StoreKey[] SettingKeys = new[]
    {
        new StoreKey(SettingDefinition.SocketPort.Name, null, IbcKeys.OverrideTwsApiPort, StoreValueKind.Port),
        new StoreKey(SettingDefinition.ReadOnlyApi.Name, null, IbcKeys.ReadOnlyApi, StoreValueKind.YesNo),
        new StoreKey(SettingDefinition.MasterClientId.Name, null, IbcKeys.OverrideTwsMasterClientID, StoreValueKind.MasterClientId),
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

    private static readonly StoreKey TrustedKey = new(SettingDefinition.TrustedIps.Name, null, IbcKeys.TrustedTwsApiClientIPs, StoreValueKind.AddressList);

    public IbcConfigStore(IbcConfig config) => Config = config;

    public IbcConfig Config { get; }

    public override SettingStore Kind => SettingStore.Ibc;

    public override string Path => Config.Path;

    public override bool IsReadable => true;

    public override string? Problem => null;

    internal override IReadOnlyList<StoreKey> Keys => SettingKeys;

    internal override StoreKey TrustedIpsKey => TrustedKey;

    /// <summary>True when IBC's config.ini has a key for the setting.</summary>
    public static bool HoldsSetting(string setting) => SettingKeys.Append(TrustedKey).Any(k => string.Equals(k.Setting, setting, StringComparison.OrdinalIgnoreCase));

    public static IbcConfigStore Load(string path) => new(IbcConfig.Load(path));

    /// <summary>IBC decides a setting only when its key holds a value: blank leaves the gateway's own.</summary>
    public override bool Governs(string setting) => Read().Any(v => string.Equals(v.Name, setting, StringComparison.OrdinalIgnoreCase) && v.Text.Length > 0);

    public override byte[] ToBytes() => Config.ToBytes();

    public override byte[] ContentRead => Config.ContentRead;

    public override ISettingsStore Reread(byte[] content) => new IbcConfigStore(IbcConfig.Parse(content, Path));

    /// <summary>IBC's keys have no sections: any unreadable line may hide one of them.</summary>
    public override void RefuseUnreadableLines(SettingPlan plan)
    {
        if (plan.Changes.Count > 0 && Config.UnreadableLines is { Count: > 0 } lines) throw Files.ConfigContentFailure.UnreadableLines(Path, string.Empty, lines);
    }

    internal override (string Text, int Line)? ReadPlace(StoreKey key) => Config.Get(key.Key) is { } found ? (found.Value, found.Line) : null;

    internal override void WritePlace(StoreKey key, string text) => Config.Set(key.Key, text);

    internal override SettingValue ToValue(StoreKey key, string text, SettingSource source)
    {
        if (text.Length == 0) return new SettingValue(key.Setting, string.Empty, null, source);
        var value = base.ToValue(key, text, source);
        // IBC rewrites a Gateway's jts.ini list to 127.0.0.1 plus its own addresses at every start (docs/settings-sources.md, TrustedIps).
        if (key == TrustedKey && value.Value is string[] list)
            return new SettingValue(key.Setting, text, new[] { "127.0.0.1" }.Concat(list).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), source, value.Problem);
        return value;
    }

    // IBC's config.ini says to leave 127.0.0.1 out: IBC puts it first itself (docs/trusted-ips.md).
    internal override TrustedIpList StoredTrustedList(TrustedIpList list) => list.Remove(new[] { TrustedIpAddress.Loopback });

    protected override void EnsureWritable()
    {
    }

    protected override string Describe() => $"IBC's config.ini '{Path}'";
}
