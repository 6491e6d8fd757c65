using IbConfig.Core.Checks;
using IbConfig.Core.Ini;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Checks;

/// <summary>Builds check contexts from jts.ini text and fixed facts: no file system, processes or sockets.</summary>
internal static class CheckFixture
{
    public const string SettingsPath = "/home/trader/Jts/jts.ini";

    public static readonly DateTimeOffset Now = new(2025, 11, 15, 20, 30, 0, TimeSpan.Zero);

    /// <summary>The seed guide's paper set-up, every box as the guide recommends.</summary>
    public const string Guide = """
        [IBGateway]
        s.SocketPort=7497
        s.ApiEnabled=true
        s.ReadOnlyApi=false
        s.TrustedIPs=127.0.0.1
        s.MasterClientId=0
        s.DownloadOpenOrders=true
        s.AllowAccountRequests=true

        [Startup]
        s.AutoRestartTime=23:55:00
        s.AutoLogoffTime=23:50:00
        """;

    public static IbApiSettings Settings(string ini) =>
        new JtsIniSettings(IniDocument.Parse(System.Text.Encoding.UTF8.GetBytes(ini.Replace("\r\n", "\n")), SettingsPath)).Read();

    public const string IbcPath = "/home/trader/ibc/config.ini";

    /// <summary>A value as a store would read it (IBC's keys, the profile XML's flags), for settings the jts.ini text cannot hold.</summary>
    public static SettingValue Value(string name, string text, object? value, SettingStore store = SettingStore.Ibc, int line = 7) =>
        new(name, text, value, new SettingSource(store, store == SettingStore.Ibc ? IbcPath : "/home/trader/Jts/darykqabcdef/ibg.xml", null, name, line));

    /// <summary>The settings plus more values (replacing any of the same name).</summary>
    public static IbApiSettings With(IbApiSettings settings, params SettingValue[] values) =>
        new(settings.Path, settings.LayoutValue, settings.Values.Where(v => values.All(n => n.Name != v.Name)).Concat(values), settings.ProfileDirectories, settings.Warnings)
        {
            IbcConfigPath = values.Any(v => v.Source.StoreValue == SettingStore.Ibc) ? IbcPath : settings.IbcConfigPath,
        };

    public static CheckContext Context(string? ini = Guide, CheckRequest? request = null) =>
        new(request ?? new CheckRequest(), Now)
        {
            Settings = ini is null ? null : Settings(ini),
            SettingsPath = ini is null ? null : SettingsPath,
        };

    /// <summary>The guide's file with one line replaced (or removed, when <paramref name="newLine"/> is empty).</summary>
    public static string GuideWith(string key, string newLine) =>
        string.Join("\n", Guide.Replace("\r\n", "\n").Split('\n').Select(l => l.StartsWith(key + "=", StringComparison.Ordinal) ? newLine : l).Where(l => l is not null));

    public static IbCheckResult Evaluate(IbCheck check, CheckContext context) => Assert.Single(check.Evaluate(context));

    public static GatewayProcessInfo Gateway(int id, string? settingsDirectory) =>
        GatewayProcessFinder.Recognise(new ProcessSnapshot(id, "ibgateway", "/opt/ibgateway/ibgateway",
            settingsDirectory is null ? "/opt/ibgateway/ibgateway" : $"/opt/ibgateway/ibgateway -DjtsConfigDir={settingsDirectory}", null))!;
}
