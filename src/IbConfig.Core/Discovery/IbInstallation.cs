using IbConfig.Core.Settings;

namespace IbConfig.Core.Discovery;

/// <summary>
/// An installed IB Gateway or TWS version. The folder is <see cref="InstallFolder"/>, not <c>Path</c>, so that piping
/// Find-IbConfig into a settings cmdlet binds only the settings files to its -Path.
/// </summary>
public sealed class IbInstallation
{
    public IbInstallation(IbProduct product, string version, string installFolder, string? executable, string root)
    {
        ProductValue = product;
        Version = version;
        InstallFolder = installFolder;
        Executable = executable;
        Root = root;
    }

    public string Product => ProductValue.ToString();

    internal IbProduct ProductValue { get; }

    /// <summary>The version as IB names its folder (<c>1030</c> is 10.30).</summary>
    public string Version { get; }

    public string InstallFolder { get; }

    /// <summary>The launcher (<c>ibgateway.exe</c>/<c>tws.exe</c> on Windows, <c>ibgateway</c>/<c>tws</c> elsewhere), or null when only the jars are there.</summary>
    public string? Executable { get; }

    /// <summary>The settings root (the Jts folder) it was found under.</summary>
    public string Root { get; }

    public override string ToString() => InstallFolder;
}
