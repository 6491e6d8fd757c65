using System.Text;
using IbConfig.Core.Files;

namespace IbConfig.Core.Tests.Files;

/// <summary>What a backup holds and who may read it: the source's permissions, and never a credential.</summary>
public class BackupContentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("config.ini", UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData("jts.ini", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    public void A_backup_keeps_the_source_files_permissions(string name, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return; // the ACL is copied there; mode bits are the Unix half
        using var temp = new TempFolder();
        var path = temp.File(name, "[IBGateway]\nTradingMode=paper\n");
        File.SetUnixFileMode(path, mode);

        var backup = new ConfigBackup(() => Now).Create(path);

        Assert.Equal(mode, File.GetUnixFileMode(backup.BackupPath));
    }

    [Fact]
    public void An_IBC_backup_drops_every_line_that_could_hold_a_credential()
    {
        using var temp = new TempFolder();
        var lines = new[]
        {
            "# IBC settings",
            "IbLoginId=trader1",
            "IbPassword=secret-a",
            "ibpassword=secret-b",
            "IbPasword=secret-c",
            "IBPASSWORD = secret-d",
            "PaperTradingIbPassword=secret-e",
            "IbPassword secret-f",
            "IbPassword=\u0001secret-g",
            "IbPassword=" + new string('x', 70_000) + "secret-h",
            "#IbPassword=secret-i",
            "=secret-j",
            "DismissPasswordExpiryWarning=yes",
            "TradingMode=paper",
        };
        var path = temp.File("config.ini", string.Join("\n", lines) + "\n");

        var backup = new ConfigBackup(() => Now).Create(path);
        var text = File.ReadAllText(backup.BackupPath);

        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain("trader1", text);
        Assert.Contains("TradingMode=paper", text);
        Assert.Contains("DismissPasswordExpiryWarning=yes", text);
        Assert.Contains("IbPassword=\n", text);
        Assert.Contains("# IBC settings", text);
    }

    [Fact]
    public void An_IBC_config_under_another_name_is_recognised_by_its_credential_keys()
    {
        using var temp = new TempFolder();
        var path = temp.File("ibc-live.ini", "IbLoginId=trader1\nIbPassword=secret\nnot a setting secret\n");

        var backup = new ConfigBackup(() => Now).Create(path);

        Assert.Equal("IbLoginId=\nIbPassword=\n", File.ReadAllText(backup.BackupPath));
    }

    [Fact]
    public void A_jts_ini_backup_is_a_byte_exact_copy_even_with_unreadable_lines()
    {
        using var temp = new TempFolder();
        var content = Encoding.UTF8.GetBytes("[IBGateway]\ns.SocketPort=7497\0\0\0\nnot a setting\n");
        var path = Path.Combine(temp.Path, "jts.ini");
        File.WriteAllBytes(path, content);

        var backup = new ConfigBackup(() => Now).Create(path);

        Assert.Equal(content, File.ReadAllBytes(backup.BackupPath));
    }
}
