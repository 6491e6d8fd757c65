namespace IbConfig.Core.Settings;

/// <summary>When an address is trusted, given that IBC rewrites the gateway's list at every start (docs/trusted-ips.md).</summary>
public enum TrustedIpState
{
    /// <summary>Trusted now, and still trusted after IBC's next start (or IBC does not manage the list).</summary>
    Trusted,

    /// <summary>Trusted now, but IBC's next start drops it from jts.ini and no other store grants it.</summary>
    UntilIbcStart,

    /// <summary>Not trusted yet: IBC adds it to jts.ini at its next start.</summary>
    FromIbcStart,
}
