using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class ProfileFileFinderTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Finds_every_profile_file_with_its_product_and_state()
    {
        var files = ProfileFileFinder.Find(_fixture.SettingsDir, new[] { "darykqabcdef" });

        Assert.Equal(new[] { "darykqabcdef", "qvzkdmwnrtsa", "xkcdpqrsmnbv" }, files.Select(f => f.Profile));
        Assert.Equal(new[] { IbProduct.Gateway, IbProduct.Tws, IbProduct.Gateway }, files.Select(f => f.Product));
        Assert.Equal(new[] { ProfileXmlState.Readable, ProfileXmlState.Readable, ProfileXmlState.Encrypted }, files.Select(f => f.State));
        Assert.Equal(new[] { true, false, false }, files.Select(f => f.NamedInJtsIni));
        Assert.Contains("encrypted", files[2].Problem);
        Assert.Equal(_fixture.GatewayProfileXml, files[0].Path);
    }

    [Fact]
    public void A_folder_without_profile_files_or_a_missing_settings_folder_yields_nothing()
    {
        Directory.CreateDirectory(Path.Combine(_fixture.SettingsDir, "ibgateway", "1030"));
        Assert.DoesNotContain(ProfileFileFinder.Find(_fixture.SettingsDir, Array.Empty<string>()), f => f.Profile == "ibgateway");
        Assert.Empty(ProfileFileFinder.Find(Path.Combine(_fixture.Root, "missing"), new[] { "darykqabcdef" }));
    }

    [Fact]
    public void A_profile_file_belongs_to_the_jts_ini_of_its_settings_folder()
    {
        Assert.Equal(_fixture.JtsIni, ProfileFileFinder.SettingsFileOf(_fixture.GatewayProfileXml));
    }

    [Fact]
    public void A_profile_file_without_a_jts_ini_above_it_belongs_to_none()
    {
        var lone = Path.Combine(_fixture.Root, "elsewhere", "abcdefgh", "ibg.xml");

        Assert.Null(ProfileFileFinder.SettingsFileOf(lone));
    }
}
