namespace IbConfig.Core.Tests.Stores;

/// <summary>
/// A private copy of tests/fixtures/stores (a settings folder with jts.ini and three profile folders, and an IBC
/// config.ini with credentials) in a temp folder, deleted on dispose, so tests can write to it.
/// </summary>
public sealed class StoreFixture : IDisposable
{
    public StoreFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ibconfig-stores-" + Guid.NewGuid().ToString("N"));
        Copy(SourceRoot, Root);
    }

    /// <summary>tests/fixtures/stores in the repository.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    public string Root { get; }

    public string SettingsDir => Path.Combine(Root, "Jts");

    public string JtsIni => Path.Combine(SettingsDir, "jts.ini");

    public string GatewayProfileXml => Path.Combine(SettingsDir, "darykqabcdef", "ibg.xml");

    public string TwsProfileXml => Path.Combine(SettingsDir, "qvzkdmwnrtsa", "tws.xml");

    public string EncryptedProfileXml => Path.Combine(SettingsDir, "xkcdpqrsmnbv", "ibg.xml");

    public string IbcConfig => Path.Combine(Root, "IBC", "config.ini");

    /// <summary>Every credential value in the IBC fixture: none may ever appear in output, messages or written files.</summary>
    public static IReadOnlyList<string> Secrets { get; } = new[] { "edemo4821", "s3cr3t-Pa55word!", "pap3r-Pa55word!" };

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private static string FindSourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "stores");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("tests/fixtures/stores not found above " + AppContext.BaseDirectory);
    }
}
