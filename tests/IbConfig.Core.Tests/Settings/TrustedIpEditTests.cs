using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Settings;

public class TrustedIpEditTests
{
    private static readonly TrustedIpList Current = TrustedIpList.Parse("127.0.0.1,10.0.0.5");

    [Fact]
    public void Each_bad_entry_is_its_own_error_and_the_rest_still_apply()
    {
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Add, Current, new[] { "10.0.0.7", "10.0.0.0/8", "host.example", "192.168.1.20" }, force: false);
        Assert.Equal(new[] { "10.0.0.7", "192.168.1.20" }, edit.Addresses.Select(a => a.Address));
        Assert.Equal(new[] { "10.0.0.0/8", "host.example" }, edit.Errors.Select(e => (string)e.Target!));
        Assert.All(edit.Errors, e => Assert.Equal("TrustedIpInvalid", e.ErrorId));
        Assert.Equal("127.0.0.1,10.0.0.5,10.0.0.7,192.168.1.20", edit.ApplyTo(Current).ToString());
    }

    [Fact]
    public void Duplicates_in_the_request_and_addresses_already_trusted_change_nothing()
    {
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Add, Current, new[] { "10.0.0.5", "10.0.0.005", "127.0.0.1" }, force: false);
        Assert.Empty(edit.Errors);
        Assert.Equal(2, edit.Addresses.Count);
        Assert.Equal(Current.ToString(), edit.ApplyTo(Current).ToString());
    }

    [Fact]
    public void A_comma_list_in_one_argument_is_split()
    {
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Add, Current, new[] { "10.0.0.8,10.0.0.9" }, force: false);
        Assert.Equal(new[] { "10.0.0.8", "10.0.0.9" }, edit.Addresses.Select(a => a.Address));
    }

    [Theory]
    [InlineData("0.0.0.0", "any address")]
    [InlineData("::", "any address")]
    [InlineData("203.0.113.7", "Only add IPs you control")]
    public void Unspecified_and_public_addresses_need_force_and_always_warn(string entry, string warning)
    {
        var refused = TrustedIpEdit.Create(TrustedIpOperation.Add, Current, new[] { entry }, force: false);
        Assert.Equal("TrustedIpNeedsForce", Assert.Single(refused.Errors).ErrorId);
        Assert.False(refused.CanApply);
        Assert.Contains(warning, Assert.Single(refused.Warnings));

        var forced = TrustedIpEdit.Create(TrustedIpOperation.Add, Current, new[] { entry }, force: true);
        Assert.Empty(forced.Errors);
        Assert.Contains(warning, Assert.Single(forced.Warnings));
        Assert.Contains(TrustedIpAddress.Parse(entry), forced.ApplyTo(Current));
    }

    [Fact]
    public void Loopback_is_not_removed_without_force()
    {
        var refused = TrustedIpEdit.Create(TrustedIpOperation.Remove, Current, new[] { "127.0.0.1", "10.0.0.5" }, force: false);
        Assert.Equal("LoopbackRemovalRefused", Assert.Single(refused.Errors).ErrorId);
        Assert.Equal("127.0.0.1", refused.ApplyTo(Current).ToString());

        var forced = TrustedIpEdit.Create(TrustedIpOperation.Remove, Current, new[] { "127.0.0.1" }, force: true);
        Assert.Equal("10.0.0.5", forced.ApplyTo(Current).ToString());
    }

    [Fact]
    public void Removing_a_bad_entry_by_its_text_cleans_it_out()
    {
        var current = TrustedIpList.Parse("127.0.0.1,10.0.0.0/8");
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Remove, current, new[] { "10.0.0.0/8" }, force: false);
        Assert.Empty(edit.Errors);
        Assert.Equal("127.0.0.1", edit.ApplyTo(current).ToString());
    }

    [Fact]
    public void Replacing_the_list_must_keep_loopback_unless_forced()
    {
        var refused = TrustedIpEdit.Create(TrustedIpOperation.Replace, Current, new[] { "10.0.0.9" }, force: false);
        Assert.Equal("LoopbackRemovalRefused", Assert.Single(refused.Errors).ErrorId);
        Assert.False(refused.CanApply);

        var kept = TrustedIpEdit.Create(TrustedIpOperation.Replace, Current, new[] { "127.0.0.1", "10.0.0.9" }, force: false);
        Assert.Equal("127.0.0.1,10.0.0.9", kept.ApplyTo(TrustedIpList.Parse("127.0.0.1,10.0.0.5,10.0.0.0/8")).ToString());
    }
}
