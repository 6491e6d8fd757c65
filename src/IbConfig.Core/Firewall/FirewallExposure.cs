namespace IbConfig.Core.Firewall;

/// <summary>What the inbound firewall rules do to the API port. Loopback traffic is never filtered by Windows Firewall.</summary>
public enum FirewallExposure
{
    /// <summary>No enabled inbound rule allows the port: only local clients reach it (the safe default).</summary>
    NoRule,

    /// <summary>Rules allow the port, but only from 127.0.0.0/8 or ::1.</summary>
    LoopbackOnly,

    /// <summary>A rule allows the port from addresses other than loopback (a LAN, or any address).</summary>
    Exposed,

    /// <summary>An enabled block rule covers the port for every remote address: remote clients cannot connect.</summary>
    Blocked,
}
