using System.Net;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class PeerAdmissionTests
{
    private static readonly IPAddress[] Trusted = { IPAddress.Parse("127.0.0.1"), IPAddress.Parse("10.0.0.5") };

    [Theory]
    [InlineData("127.0.0.1", false, UntrustedBehaviour.Close, PeerVerdict.Admit)]
    [InlineData("::ffff:127.0.0.1", true, UntrustedBehaviour.Close, PeerVerdict.Admit)]   // dual-stack socket, IPv4 peer
    [InlineData("10.0.0.5", false, UntrustedBehaviour.Close, PeerVerdict.Admit)]
    [InlineData("10.0.0.5", true, UntrustedBehaviour.Hold, PeerVerdict.Close)]            // localhost only beats the list
    [InlineData("10.0.0.6", false, UntrustedBehaviour.Close, PeerVerdict.Close)]
    [InlineData("10.0.0.6", false, UntrustedBehaviour.Hold, PeerVerdict.Hold)]
    [InlineData("::1", true, UntrustedBehaviour.Close, PeerVerdict.Close)]                // exact match: ::1 is not 127.0.0.1
    [InlineData("::1", true, UntrustedBehaviour.Hold, PeerVerdict.Hold)]
    [InlineData("127.0.0.2", true, UntrustedBehaviour.Hold, PeerVerdict.Hold)]
    [InlineData("127.0.0.2", true, UntrustedBehaviour.Accept, PeerVerdict.Admit)]          // IBC accepting the dialog
    [InlineData("10.0.0.6", true, UntrustedBehaviour.Accept, PeerVerdict.Close)]           // but never a remote peer when localhost only
    public void Decides_from_the_address_the_trusted_list_and_localhost_only(string peer, bool localhostOnly, UntrustedBehaviour untrusted, PeerVerdict expected)
    {
        Assert.Equal(expected, PeerAdmission.Decide(IPAddress.Parse(peer), Trusted, localhostOnly, untrusted));
    }

    [Fact]
    public void Trusts_nobody_with_an_empty_list()
    {
        Assert.Equal(PeerVerdict.Close, PeerAdmission.Decide(IPAddress.Loopback, Array.Empty<IPAddress>(), false, UntrustedBehaviour.Close));
    }
}
