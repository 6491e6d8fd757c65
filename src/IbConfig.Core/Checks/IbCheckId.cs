namespace IbConfig.Core.Checks;

/// <summary>The stable ids of the checklist's checks: monitoring and scripts key on these, so they never change meaning.</summary>
public static class IbCheckId
{
    public const string ApiEnabled = "ApiEnabled";
    public const string SocketPort = "SocketPort";
    public const string PortAgreesAcrossStores = "PortAgreesAcrossStores";
    public const string LocalhostTrusted = "LocalhostTrusted";
    public const string NoOpenTrustedIps = "NoOpenTrustedIps";
    public const string MasterClientId = "MasterClientId";
    public const string DownloadOpenOrders = "DownloadOpenOrders";
    public const string AccountRequests = "AccountRequests";
    public const string ReadOnlyApi = "ReadOnlyApi";
    public const string AutoRestart = "AutoRestart";
    public const string LogoffBeforeRestart = "LogoffBeforeRestart";
    public const string WeeklyRelogin = "WeeklyRelogin";
    public const string MaintenanceWindow = "MaintenanceWindow";
    public const string GuideKeysAgree = "GuideKeysAgree";
    public const string IbcCredentialsProtected = "IbcCredentialsProtected";
    public const string SettingsWritable = "SettingsWritable";
    public const string InstancesDistinct = "InstancesDistinct";
    public const string GatewayRunning = "GatewayRunning";
    public const string PortListening = "PortListening";
    public const string PortLoopbackOnly = "PortLoopbackOnly";
    public const string ApiHandshake = "ApiHandshake";
    public const string ServerTime = "ServerTime";
    public const string AccountsTradingMode = "AccountsTradingMode";
    public const string HealthClientIdFree = "HealthClientIdFree";
    public const string DataFarms = "DataFarms";
    public const string Drift = "Drift";
}
