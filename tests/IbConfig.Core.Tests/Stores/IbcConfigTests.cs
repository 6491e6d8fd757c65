using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class IbcConfigTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Reads_the_api_keys_with_their_lines_and_blank_as_leave_alone()
    {
        var config = IbcConfig.Load(_fixture.IbcConfig);

        var port = config.Get(IbcKeys.OverrideTwsApiPort)!;
        Assert.Equal("4002", port.Value);
        Assert.Equal(32, port.Line);
        Assert.False(port.IsBlank);
        Assert.True(config.Get(IbcKeys.OverrideTwsMasterClientID)!.IsBlank);
        Assert.Equal("no", config.Get(IbcKeys.ReadOnlyApi)!.Value);
        Assert.Equal("10.0.0.5,10.0.0.7", config.Get(IbcKeys.TrustedTwsApiClientIPs)!.Value);
        Assert.Equal("7462", config.Get(IbcKeys.CommandServerPort)!.Value);
        Assert.Equal("11:55 PM", config.Get("autorestarttime")!.Value); // IbConfig, like the ini reader, ignores key case
        Assert.Null(config.Get("NoSuchKey"));
        Assert.Empty(config.Diagnostics);
    }

    [Fact]
    public void Credentials_are_hidden_in_every_public_view()
    {
        var config = IbcConfig.Load(_fixture.IbcConfig);

        var password = config.Get("IbPassword")!;
        Assert.True(password.IsCredential);
        Assert.Equal(IbcValue.Redacted, password.Value);
        Assert.True(config.Get("FIXPassword")!.IsBlank);
        string everything = string.Join("\n", config.Entries.Select(e => $"{e} {e.Value} {e.Key}")) + config + password;
        foreach (string secret in StoreFixture.Secrets) Assert.DoesNotContain(secret, everything);
        Assert.Contains("IbLoginId=(hidden)", everything);
        Assert.Contains("PaperTradingIbPassword=(hidden)", everything);
        Assert.Equal("no", config.Get(IbcKeys.DismissPasswordExpiryWarning)!.Value); // names a password, holds none
    }

    [Fact]
    public void A_mistyped_credential_line_is_reported_without_quoting_it()
    {
        var config = IbcConfig.Parse(Encoding.UTF8.GetBytes("TradingMode=paper\nIbPassword s3cr3t-Pa55word!\n"), "config.ini");

        var diagnostic = Assert.Single(config.Diagnostics);
        Assert.Equal(2, diagnostic.Line);
        Assert.DoesNotContain("s3cr3t", diagnostic.Message + diagnostic);
    }

    [Theory]
    [InlineData("IbPassword")]
    [InlineData("IbLoginId")]
    [InlineData("FIXPassword")]
    [InlineData("fixloginid")]
    [InlineData("PaperTradingIbPassword")]
    public void Credential_keys_cannot_be_written_and_the_refusal_shows_no_value(string key)
    {
        var config = IbcConfig.Load(_fixture.IbcConfig);

        var ex = Assert.Throws<IbConfigException>(() => config.Set(key, "n3w-Pa55word!"));

        Assert.Equal("IbcCredentialKeyRefused", ex.ErrorId);
        Assert.DoesNotContain("n3w-Pa55word!", ex.Message);
        foreach (string secret in StoreFixture.Secrets) Assert.DoesNotContain(secret, ex.Message);
        Assert.False(config.IsModified);
    }

    [Fact]
    public void An_unchanged_config_gives_back_every_byte()
    {
        Assert.Equal(File.ReadAllBytes(_fixture.IbcConfig), IbcConfig.Load(_fixture.IbcConfig).ToBytes());
    }

    [Fact]
    public void Setting_a_value_changes_only_its_bytes_and_keeps_the_credentials_exactly()
    {
        byte[] before = File.ReadAllBytes(_fixture.IbcConfig);
        var config = IbcConfig.Parse(before, _fixture.IbcConfig);

        var change = config.Set(IbcKeys.OverrideTwsApiPort, "4012")!;
        config.Set(IbcKeys.OverrideTwsMasterClientID, "7");

        Assert.Equal("OverrideTwsApiPort: '4002' -> '4012'", change.ToString());
        Assert.Equal(32, change.Line);
        string expected = Encoding.UTF8.GetString(before)
            .Replace("OverrideTwsApiPort=4002\n", "OverrideTwsApiPort=4012\n")
            .Replace("OverrideTwsMasterClientID=\n", "OverrideTwsMasterClientID=7\n");
        Assert.Equal(expected, Encoding.UTF8.GetString(config.ToBytes()));
    }

    [Fact]
    public void A_blank_value_hands_the_setting_back_to_the_gateway()
    {
        var config = IbcConfig.Load(_fixture.IbcConfig);

        var change = config.Set(IbcKeys.ReadOnlyApi, string.Empty)!;

        Assert.Equal("ReadOnlyApi: 'no' -> (blank)", change.ToString());
        Assert.True(config.Get(IbcKeys.ReadOnlyApi)!.IsBlank);
        Assert.Contains("\nReadOnlyApi=\n", Encoding.UTF8.GetString(config.ToBytes()));
    }

    [Fact]
    public void Blanking_an_absent_key_or_setting_the_same_value_changes_nothing()
    {
        var config = IbcConfig.Load(_fixture.IbcConfig);

        Assert.Null(config.Set("SendTwsApiMessagesToLog", string.Empty));
        Assert.Null(config.Set(IbcKeys.OverrideTwsApiPort, "4002"));
        Assert.False(config.IsModified);
    }

    [Fact]
    public void A_missing_key_is_added_in_the_files_line_ending()
    {
        byte[] crlf = Encoding.UTF8.GetBytes("IbLoginId=edemo4821\r\nIbPassword=s3cr3t-Pa55word!\r\nTradingMode=paper\r\n");
        var config = IbcConfig.Parse(crlf, "config.ini");

        var change = config.Set(IbcKeys.OverrideTwsApiPort, "4002")!;

        Assert.Null(change.OldValue);
        Assert.Equal("IbLoginId=edemo4821\r\nIbPassword=s3cr3t-Pa55word!\r\nTradingMode=paper\r\nOverrideTwsApiPort=4002\r\n", Encoding.UTF8.GetString(config.ToBytes()));
    }

    [Fact]
    public void Candidate_paths_follow_the_os_unless_IBC_INI_names_the_file()
    {
        string? Env(string name) => name switch { "USERPROFILE" => "C:/Users/bot", "HOME" => "/home/bot", _ => null };
        string? WithIbcIni(string name) => name == "IBC_INI" ? "/opt/ibc/config.ini" : Env(name);

        Assert.Equal(new[] { Path.Combine("C:/Users/bot", "Documents", "IBC", "config.ini"), @"C:\IBC\config.ini" }, IbcConfig.CandidatePaths(Env, isWindows: true));
        Assert.Equal(new[] { Path.Combine("/home/bot", "ibc", "config.ini") }, IbcConfig.CandidatePaths(Env, isWindows: false));
        Assert.Equal(new[] { "/opt/ibc/config.ini" }, IbcConfig.CandidatePaths(WithIbcIni, isWindows: true));
    }
}

public sealed class IbcConfigBackupTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static IbConfig.Core.Files.ConfigFileWriter Writer() =>
        new(new IbConfig.Core.Processes.GatewayProcessFinder(new IbConfig.Core.Processes.StaticProcessSource(Array.Empty<IbConfig.Core.Processes.ProcessSnapshot>())), () => new DateTimeOffset(2026, 11, 26, 3, 15, 0, TimeSpan.Zero));

    [Fact]
    public void A_backup_of_ibc_config_leaves_out_every_credential_value_and_nothing_else()
    {
        string before = File.ReadAllText(_fixture.IbcConfig);

        var backup = new IbConfig.Core.Files.ConfigBackup(() => DateTimeOffset.Now).Create(_fixture.IbcConfig);

        string saved = File.ReadAllText(backup.BackupPath);
        foreach (string secret in StoreFixture.Secrets) Assert.DoesNotContain(secret, saved + backup.BackupPath);
        string expected = before.Replace("IbLoginId=edemo4821", "IbLoginId=").Replace("IbPassword=s3cr3t-Pa55word!", "IbPassword=").Replace("PaperTradingIbPassword=pap3r-Pa55word!", "PaperTradingIbPassword=");
        Assert.Equal(expected, saved);
    }

    [Fact]
    public void A_backup_of_a_file_without_credentials_is_an_exact_copy()
    {
        foreach (string path in new[] { _fixture.JtsIni, _fixture.GatewayProfileXml, _fixture.EncryptedProfileXml })
        {
            var backup = new IbConfig.Core.Files.ConfigBackup(() => DateTimeOffset.Now).Create(path);
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(backup.BackupPath));
        }
    }

    [Fact]
    public void Restoring_an_ibc_backup_keeps_the_current_credentials()
    {
        var writer = Writer();
        var config = IbcConfig.Load(_fixture.IbcConfig);
        config.Set(IbcKeys.OverrideTwsApiPort, "4012");
        var written = writer.Write(_fixture.IbcConfig, config.ToBytes(), force: false);
        // The user changes the password by hand after the backup was taken.
        File.WriteAllText(_fixture.IbcConfig, File.ReadAllText(_fixture.IbcConfig).Replace("s3cr3t-Pa55word!", "n3w-Pa55word!"));

        writer.Restore(written.BackupPath!, _fixture.IbcConfig, force: false);

        string restored = File.ReadAllText(_fixture.IbcConfig);
        Assert.Contains("\nOverrideTwsApiPort=4002\n", restored);
        Assert.Contains("\nIbPassword=n3w-Pa55word!\n", restored);
        Assert.Contains("\nIbLoginId=edemo4821\n", restored);
        Assert.Equal(File.ReadAllText(Path.Combine(StoreFixture.SourceRoot, "IBC", "config.ini")).Replace("s3cr3t-Pa55word!", "n3w-Pa55word!"), restored);
    }

    [Fact]
    public void Credential_helpers_leave_content_without_credential_keys_alone()
    {
        byte[] xml = File.ReadAllBytes(_fixture.GatewayProfileXml);
        byte[] withPasswordAttribute = System.Text.Encoding.UTF8.GetBytes("<W>\n<Login password=\"x\"/>\n</W>\n");

        Assert.Same(xml, IbcConfig.WithoutCredentials(xml));
        Assert.Same(withPasswordAttribute, IbcConfig.WithoutCredentials(withPasswordAttribute));
        Assert.Same(xml, IbcConfig.WithCredentialsFrom(xml, File.ReadAllBytes(_fixture.IbcConfig)));
    }
}
