using System.Collections.Generic;

namespace IbConfig.Core.Checks;

/// <summary>The checklist in the order it is shown: the guide's "Essential Settings Checklist" first, then what the stores and the live gateway reveal.</summary>
public static class Checklist
{
    public static IReadOnlyList<IbCheck> All { get; } = new IbCheck[]
    {
        new ApiEnabledCheck(),
        new SocketPortCheck(),
        new PortAgreesAcrossStoresCheck(),
        new LocalhostTrustedCheck(),
        new NoOpenTrustedIpsCheck(),
        new MasterClientIdCheck(),
        RecommendedFlagCheck.DownloadOpenOrders,
        RecommendedFlagCheck.AccountRequests,
        new ReadOnlyApiCheck(),
        new GuideKeysAgreeCheck(),
        new AutoRestartCheck(),
        new LogoffBeforeRestartCheck(),
        new WeeklyReloginCheck(),
        new MaintenanceWindowCheck(),
        new IbcCredentialsProtectedCheck(),
        new SettingsWritableCheck(),
        new InstancesDistinctCheck(),
        new GatewayRunningCheck(),
        new PortListeningCheck(),
        new PortLoopbackOnlyCheck(),
        new ApiHandshakeCheck(),
        new ServerTimeCheck(),
        new AccountsTradingModeCheck(),
        new HealthClientIdFreeCheck(),
        new DataFarmsCheck(),
        new DriftCheck(),
    };
}
