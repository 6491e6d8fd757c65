using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Decides from a peer's address alone whether the simulator serves it, closes it or holds it, as IB does with
/// "Allow connections from localhost only" and the trusted IP list. A pure function, so every address can be tested
/// although tests only ever connect over loopback.
/// </summary>
public static class PeerAdmission
{
    public static PeerVerdict Decide(IPAddress peer, IEnumerable<IPAddress> trustedIps, bool allowLocalhostOnly, UntrustedBehaviour untrusted)
    {
        var address = Normalize(peer);
        // "Localhost only" refuses every remote client outright, whatever the trusted list says.
        if (allowLocalhostOnly && !IPAddress.IsLoopback(address)) return PeerVerdict.Close;
        // IB matches exact addresses (no ranges, no host names): ::1 is not 127.0.0.1.
        if (trustedIps.Any(ip => Normalize(ip).Equals(address))) return PeerVerdict.Admit;
        return untrusted switch
        {
            UntrustedBehaviour.Hold => PeerVerdict.Hold,
            UntrustedBehaviour.Accept => PeerVerdict.Admit,
            _ => PeerVerdict.Close,
        };
    }

    /// <summary>A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; compare them as the IPv4 address they are.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
