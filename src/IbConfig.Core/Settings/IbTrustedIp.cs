using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// One trusted address as Get-IbTrustedIp shows it: what it is, when it is trusted, and every store and key that grants
/// it. It carries the paths of the stores it was read from, so piping it into Remove-IbTrustedIp edits those same stores.
/// </summary>
public sealed class IbTrustedIp
{
    public IbTrustedIp(string ipAddress, TrustedIpKind kind, TrustedIpState state, IEnumerable<SettingStore> stores, IEnumerable<string> sources,
        string? path, string? profilePath, string? ibcConfigPath)
    {
        IPAddress = ipAddress;
        KindValue = kind;
        StateValue = state;
        StoresValue = stores.Distinct().ToArray();
        Sources = sources.ToArray();
        Path = path;
        ProfilePath = profilePath;
        IbcConfigPath = ibcConfigPath;
    }

    /// <summary>The normalised address; pipes into Add/Remove/Set-IbTrustedIp -IPAddress by property name.</summary>
    public string IPAddress { get; }

    public string Kind => KindValue.ToString();

    internal TrustedIpKind KindValue { get; }

    /// <summary>Trusted now, only until IBC's next start, or only from it.</summary>
    public string State => StateValue.ToString();

    internal TrustedIpState StateValue { get; }

    /// <summary>Every store that grants it.</summary>
    public string[] Stores => System.Array.ConvertAll(StoresValue, s => s.ToString());

    internal SettingStore[] StoresValue { get; }

    /// <summary>Every key granting it, e.g. "jts.ini [IBGateway] TrustedIPs (line 4)".</summary>
    public string[] Sources { get; }

    /// <summary>The jts.ini read (binds to -Path).</summary>
    public string? Path { get; }

    /// <summary>The profile XML read (binds to -Profile).</summary>
    public string? ProfilePath { get; }

    /// <summary>IBC's config.ini read (binds to -IbcConfigPath).</summary>
    public string? IbcConfigPath { get; }

    public override string ToString() => IPAddress;
}
