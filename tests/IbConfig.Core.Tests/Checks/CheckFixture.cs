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
