using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>The profile XML as a settings store: the GUI's API page (<c>ApiSettings</c>) and auto-logoff time.</summary>
public sealed class ProfileXmlStore : ISettingsStore
{
    public static string TrustedIpsSetting => SettingDefinition.TrustedIps.Name;

    private const string Api = ProfileXmlDocument.ApiSettingsElement;

    // Attribute names exactly as IB writes them, including its misspelt autoOpenOrdDonwload (ib-settings.md, section 2).
    internal static IReadOnlyList<StoreKey> Keys { get; } = new[]
    {
        new StoreKey(SettingDefinition.ApiEnabled.Name, Api, "socketClient", StoreValueKind.Bool),
        new StoreKey(SettingDefinition.SocketPort.Name, Api, "port", StoreValueKind.Port),
        new StoreKey(SettingDefinition.ReadOnlyApi.Name, Api, "readOnlyApi", StoreValueKind.Bool),
        new StoreKey("AllowOnlyLocalhost", Api, "allowOnlyLocalhost", StoreValueKind.Bool),
        new StoreKey(SettingDefinition.MasterClientId.Name, Api, "masterClientID", StoreValueKind.MasterClientId),
        new StoreKey(SettingDefinition.DownloadOpenOrders.Name, Api, "autoOpenOrdDonwload", StoreValueKind.Bool),
        new StoreKey(SettingDefinition.BypassOrderPrecautions.Name, Api, "overridePrecautionaryConstraints", StoreValueKind.Bool),
        new StoreKey(SettingDefinition.AutoLogoffTime.Name, ProfileXmlDocument.SystemSettingsElement, "autoLogoffTime", StoreValueKind.ProfileTime),
    };

    public ProfileXmlStore(ProfileXmlDocument document) => Document = document;

    public ProfileXmlDocument Document { get; }

    public SettingStore Kind => SettingStore.ProfileXml;

    public string Path => Document.Path;

    public bool IsReadable => Document.IsReadable;

    public string? Problem => Document.Problem;

    public bool IsModified => Document.IsModified;

    public IbProduct? Product => Document.Product;

    public static ProfileXmlStore Load(string path) => new(ProfileXmlDocument.Load(path));

    public IReadOnlyList<SettingValue> Read()
    {
        var values = new List<SettingValue>();
        if (!Document.IsReadable) return values;
        foreach (var key in Keys)
        {
            var found = Document.GetAttribute(key.Section!, key.Key);
            if (found is null) continue;
            var (value, problem) = StoreValueCodec.Parse(key.Kind, found.Value);
            values.Add(new SettingValue(key.Setting, found.Value, value, Source(key.Section!, key.Key, found.Line), problem));
        }

        // An ApiSettings element without <String> children is a real, empty list: the GUI shows no trusted address.
        if (Document.ElementLine(Api) is { } apiLine)
        {
            var addresses = Document.TrustedAddresses;
            string text = string.Join(",", addresses.Select(a => a.Value));
            var (value, problem) = StoreValueCodec.Parse(StoreValueKind.AddressList, text);
            values.Add(new SettingValue(TrustedIpsSetting, text, value, Source(Api, ProfileXmlDocument.TrustedAddressElement, addresses.Count > 0 ? addresses[0].Line : apiLine), problem));
        }

        return values;
    }

    public bool Governs(string setting) =>
        string.Equals(setting, TrustedIpsSetting, StringComparison.OrdinalIgnoreCase) || Keys.Any(k => string.Equals(k.Setting, setting, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<StoreChange> Set(string setting, object value)
    {
        if (string.Equals(setting, TrustedIpsSetting, StringComparison.OrdinalIgnoreCase))
        {
            var list = value as string[] ?? throw new ArgumentException("TrustedIPs takes a string[] of addresses.", nameof(value));
            string before = string.Join(",", Document.TrustedAddresses.Select(a => a.Value));
            if (!Document.SetTrustedAddresses(list)) return Array.Empty<StoreChange>();
            var after = Document.TrustedAddresses;
            return new[] { new StoreChange(Kind, Path, TrustedIpsSetting, Api + "/" + ProfileXmlDocument.TrustedAddressElement, before, string.Join(",", after.Select(a => a.Value)), after.FirstOrDefault()?.Line) };
        }

        var key = Keys.FirstOrDefault(k => string.Equals(k.Setting, setting, StringComparison.OrdinalIgnoreCase));
        if (key is null) return Array.Empty<StoreChange>();
        string text = StoreValueCodec.Format(key.Kind, key.Setting, value);
        string? old = Document.GetAttribute(key.Section!, key.Key)?.Value;
        if (!Document.SetAttribute(key.Section!, key.Key, text)) return Array.Empty<StoreChange>();
        var now = Document.GetAttribute(key.Section!, key.Key);
        return new[] { new StoreChange(Kind, Path, key.Setting, key.Section + "/@" + key.Key, old, text, now?.Line) };
    }

    public byte[] ToBytes() => Document.ToBytes();

    public override string ToString() => Path;

    private SettingSource Source(string element, string attribute, int line) => new(SettingStore.ProfileXml, Path, element, attribute, line);
}
