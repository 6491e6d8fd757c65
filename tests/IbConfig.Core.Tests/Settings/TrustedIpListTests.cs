using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class TrustedIpListTests
{
    [Fact]
    public void A_comma_list_keeps_order_and_folds_duplicates_by_normalised_form()
    {
        var list = TrustedIpList.Parse("127.0.0.1, 10.0.0.5,,127.000.0.1,::1,0:0:0:0:0:0:0:1");
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5", "::1" }, list.Addresses.Select(a => a.Address));
        Assert.Equal(new[] { "127.000.0.1", "0:0:0:0:0:0:0:1" }, list.FoldedDuplicates);
        Assert.Empty(list.Rejected);
    }

    [Fact]
    public void Bad_entries_are_kept_aside_with_their_reason()
    {
        var list = TrustedIpList.Parse("127.0.0.1,10.0.0.0/8,host.example");
        Assert.Equal(new[] { "127.0.0.1" }, list.Select(a => a.Address));
        Assert.Equal(new[] { "10.0.0.0/8", "host.example" }, list.Rejected.Select(r => r.Text));
        Assert.Contains("CIDR", list.Rejected[0].Reason);
    }

    [Fact]
    public void Writing_back_keeps_existing_spelling_and_entries_it_does_not_understand()
    {
        var list = TrustedIpList.Parse("127.0.0.1, 10.0.0.0/8 ,192.168.001.010");
        var added = list.Add(new[] { TrustedIpAddress.Parse("10.0.0.7"), TrustedIpAddress.Parse("192.168.1.10") });
        Assert.Equal("127.0.0.1,10.0.0.0/8,192.168.001.010,10.0.0.7", added.ToString());
        Assert.Equal("10.0.0.0/8,192.168.001.010", list.Remove(new[] { TrustedIpAddress.Loopback }).ToString());
        Assert.Equal("127.0.0.1,192.168.001.010", list.RemoveRejected("10.0.0.0/8").ToString());
    }

    [Fact]
    public void Lists_compare_by_address_not_spelling_or_order()
    {
        Assert.True(TrustedIpList.Parse("10.0.0.5,127.0.0.1").SameAddressesAs(TrustedIpList.Parse("127.000.0.1, 10.0.0.5")));
        Assert.False(TrustedIpList.Parse("127.0.0.1").SameAddressesAs(TrustedIpList.Parse("127.0.0.1,10.0.0.5")));
    }

    [Fact]
    public void An_empty_or_missing_list_has_no_addresses()
    {
        Assert.Empty(TrustedIpList.Parse(null));
        Assert.Empty(TrustedIpList.Parse(" , "));
        Assert.Equal("", TrustedIpList.Empty.ToString());
    }
}
