using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class TrustedIpAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", TrustedIpKind.Loopback)]
    [InlineData(" 127.0.0.1 ", "127.0.0.1", TrustedIpKind.Loopback)]
    [InlineData("127.000.000.001", "127.0.0.1", TrustedIpKind.Loopback)]
    [InlineData("::1", "::1", TrustedIpKind.Loopback)]
    [InlineData("10.0.0.5", "10.0.0.5", TrustedIpKind.Private)]
    [InlineData("172.16.4.2", "172.16.4.2", TrustedIpKind.Private)]
    [InlineData("172.32.0.1", "172.32.0.1", TrustedIpKind.Public)]
    [InlineData("192.168.1.100", "192.168.1.100", TrustedIpKind.Private)]
    [InlineData("169.254.10.1", "169.254.10.1", TrustedIpKind.Private)]
    [InlineData("100.64.0.1", "100.64.0.1", TrustedIpKind.Private)]
    [InlineData("FE80::1", "fe80::1", TrustedIpKind.Private)]
    [InlineData("fd00:0:0::12", "fd00::12", TrustedIpKind.Private)]
    [InlineData("203.0.113.7", "203.0.113.7", TrustedIpKind.Public)]
    [InlineData("2001:db8::1", "2001:db8::1", TrustedIpKind.Public)]
    [InlineData("0.0.0.0", "0.0.0.0", TrustedIpKind.Unspecified)]
    [InlineData("::", "::", TrustedIpKind.Unspecified)]
    [InlineData("::ffff:192.168.1.5", "::ffff:192.168.1.5", TrustedIpKind.Private)]
    public void Addresses_are_normalised_and_classified(string text, string normalised, TrustedIpKind kind)
    {
        var address = TrustedIpAddress.Parse(text);
        Assert.Equal(normalised, address.Address);
        Assert.Equal(kind, address.Kind);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "CIDR")]
    [InlineData("10.0.0.1-10.0.0.9", "ranges")]
    [InlineData("192.168.1.*", "wildcards")]
    [InlineData("host.example", "host names")]
    [InlineData("localhost", "host names")]
    [InlineData("10.1", "IPv4")]
    [InlineData("010.0.0.1.5", "IPv4")]
    [InlineData("256.1.1.1", "IPv4")]
    [InlineData("127.0.0.1:7497", "port")]
    [InlineData("fe80::1%eth0", "zone")]
    [InlineData("gggg::1", "IPv6")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("", "empty")]
    [InlineData("10.0.0.1 10.0.0.2", "spaces")]
    public void Anything_but_an_exact_address_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(TrustedIpAddress.TryParse(text, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        var ex = Assert.Throws<IbConfigException>(() => TrustedIpAddress.Parse(text));
        Assert.Equal("TrustedIpInvalid", ex.ErrorId);
    }

    [Fact]
    public void Only_public_and_unspecified_addresses_need_force()
    {
        Assert.True(TrustedIpAddress.Parse("0.0.0.0").NeedsForce);
        Assert.True(TrustedIpAddress.Parse("8.8.8.8").NeedsForce);
        Assert.False(TrustedIpAddress.Parse("127.0.0.1").NeedsForce);
        Assert.False(TrustedIpAddress.Parse("192.168.0.10").NeedsForce);
    }
}
