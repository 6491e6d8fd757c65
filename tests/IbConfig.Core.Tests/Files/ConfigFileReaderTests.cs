using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Tests.Files;

public class ConfigFileReaderTests
{
    [Fact]
    public void Reads_every_byte_including_a_bom_and_crlf()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[', (byte)'a', (byte)']', 13, 10 };
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, ConfigFileReader.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(40_000, -1, 0, true)]       // the same bytes: the caller's own array, no second copy
    [InlineData(40_000, 39_999, 1, false)]  // one byte differs, in the last block
    [InlineData(40_000, 0, 1, false)]       // one byte differs, in the first block
    [InlineData(40_000, -1, 5, false)]      // longer than what was read
    [InlineData(0, -1, 0, true)]
    public void A_file_that_still_holds_what_was_read_is_compared_in_blocks_not_copied(int length, int change, int extra, bool same)
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini");
        var read = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var now = read.Concat(new byte[extra]).ToArray();
        if (change >= 0) now[change] ^= 0xFF;
        File.WriteAllBytes(path, now);

        var result = ConfigFileReader.ReadAllBytes(path, ConfigFileLimits.JtsIniBytes, read);

        Assert.Equal(same, ReferenceEquals(read, result));
        Assert.Equal(now, result);
    }

    [Fact]
    public void A_missing_file_is_ConfigFileNotFound()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => ConfigFileReader.ReadAllBytes(Path.Combine(temp.Path, "jts.ini")));

        Assert.Equal("ConfigFileNotFound", error.ErrorId);
        Assert.Equal(IbErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("Find-IbConfig", error.Message);
    }

    [Fact]
    public void A_folder_is_not_a_settings_file()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => ConfigFileReader.ReadAllBytes(temp.Path));

        Assert.Equal("ConfigPathIsFolder", error.ErrorId);
        Assert.Contains("jts.ini", error.Message);
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_reported_as_missing()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => ConfigFileReader.ReadAllBytes(Path.Combine(temp.Path, "gone", "jts.ini")));

        Assert.Equal("ConfigFolderNotFound", error.ErrorId);
    }
}
