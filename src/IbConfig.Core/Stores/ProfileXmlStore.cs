using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// The profile XML as a settings store: the GUI's API page (<c>ApiSettings</c>, trusted addresses as <c>&lt;String&gt;</c>
/// children) and the auto-logoff time (<c>SystemSettings</c>). An encrypted or damaged file reads as empty and refuses edits.
/// </summary>
public sealed class ProfileXmlStore : MappedSettingsStore
{
    /// <summary>The profile-only setting behind "Allow connections from localhost only".</summary>
    public const string AllowOnlyLocalhostSetting = "AllowOnlyLocalhost";

    private const string Api = ProfileXmlDocument.ApiSettingsElement;

    // Attribute names exactly as IB writes them, including its misspelt autoOpenOrdDonwload (docs/ib-settings.md, section 2).
    private static readonly StoreKey[] AttributeKeys =
    {
        new(SettingDefinition.ApiEnabled.Name, Api, "socketClient", StoreValueKind.Bool),
        new(SettingDefinition.SocketPort.Name, Api, "port", StoreValueKind.Port),
        new(SettingDefinition.ReadOnlyApi.Name, Api, "readOnlyApi", StoreValueKind.Bool),
        new(AllowOnlyLocalhostSetting, Api, "allowOnlyLocalhost", StoreValueKind.Bool),
        new(SettingDefinition.MasterClientId.Name, Api, "masterClientID", StoreValueKind.MasterClientId),
        new(SettingDefinition.DownloadOpenOrders.Name, Api, "autoOpenOrdDonwload", StoreValueKind.Bool),
        new(SettingDefinition.BypassOrderPrecautions.Name, Api, "overridePrecautionaryConstraints", StoreValueKind.Bool),
        new(SettingDefinition.AutoLogoffTime.Name, ProfileXmlDocument.SystemSettingsElement, "autoLogoffTime", StoreValueKind.ProfileTime),
    };

    private static readonly StoreKey TrustedKey = new(SettingDefinition.TrustedIps.Name, Api, ProfileXmlDocument.TrustedAddressElement, StoreValueKind.AddressList);

    public ProfileXmlStore(ProfileXmlDocument document) => Document = document;

    public ProfileXmlDocument Document { get; }

    public override SettingStore Kind => SettingStore.ProfileXml;

    public override string Path => Document.Path;

    public override bool IsReadable => Document.IsReadable;

    public override string? Problem => Document.Problem;

    public IbProduct? Product => Document.Product;

    internal override IReadOnlyList<StoreKey> Keys => AttributeKeys;

    internal override StoreKey TrustedIpsKey => TrustedKey;

    /// <summary>True when the profile XML has a place for the setting (IbConfig maps only attribute names seen in real files).</summary>
    public static bool HoldsSetting(string setting) => AttributeKeys.Append(TrustedKey).Any(k => string.Equals(k.Setting, setting, System.StringComparison.OrdinalIgnoreCase));

    public static ProfileXmlStore Load(string path) => new(ProfileXmlDocument.Load(path));

    public override byte[] ToBytes() => Document.ToBytes();

    public override byte[] ContentRead => Document.ContentRead;

    public override ISettingsStore Reread(byte[] content) => new ProfileXmlStore(ProfileXmlDocument.Parse(content, Path));

    internal override (string Text, int Line)? ReadPlace(StoreKey key)
    {
        if (!Document.IsReadable) return null;
        if (key == TrustedKey)
        {
            // An ApiSettings element without <String> children is a real, empty list: the GUI shows no trusted address.
            if (Document.ElementLine(Api) is not { } apiLine) return null;
            var addresses = Document.TrustedAddresses;
            return (string.Join(",", addresses.Select(a => a.Value)), addresses.Count > 0 ? addresses[0].Line : apiLine);
        }

        return Document.GetAttribute(key.Section!, key.Key) is { } found ? (found.Value, found.Line) : null;
    }

    internal override void WritePlace(StoreKey key, string text)
    {
        if (key == TrustedKey) Document.SetTrustedAddresses(text.Split(','));
        else Document.SetAttribute(key.Section!, key.Key, text);
    }

    protected override void EnsureWritable() => Document.EnsureWritable();

    protected override string Describe() => $"the profile XML '{Path}'";
}
