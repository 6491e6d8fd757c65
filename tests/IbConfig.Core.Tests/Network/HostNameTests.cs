using System.Net;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Network;

public class HostNameTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData(" ::1 ", "::1")]
    public void Address_literals_parse_with_or_without_brackets(string name, string expected)
    {
        Assert.True(HostName.TryParseAddress(name, out var address));
        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Theory]
    [InlineData("7497")]
    [InlineData("gw1.example")]
    [InlineData("[]")]
    public void Bare_numbers_and_names_are_not_address_literals(string name) => Assert.False(HostName.TryParseAddress(name, out _));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("[::1]", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("gw1", false)]
    public void Loopback_is_localhost_or_a_loopback_address(string name, bool loopback) => Assert.Equal(loopback, HostName.IsLoopback(name));
}
