namespace IbConfig.Core.Settings;

/// <summary>What kind of address a trusted IP is; anything but loopback and private needs care (the guide: "only add IPs you control").</summary>
public enum TrustedIpKind
{
    /// <summary>127.0.0.0/8 or ::1: this machine only.</summary>
    Loopback,

    /// <summary>A local-network address: 10/8, 172.16/12, 192.168/16, 100.64/10, link-local 169.254/16, fc00::/7, fe80::/10.</summary>
    Private,

    /// <summary>An Internet address: anyone there could place orders through the API.</summary>
    Public,

    /// <summary>0.0.0.0 or ::: "any address", which trusts every client that can reach the port.</summary>
    Unspecified,
}
