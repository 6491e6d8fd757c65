namespace IbConfig.Core.Settings;

/// <summary>One trusted address as Get-IbTrustedIp shows it: what it is and which keys of which file hold it.</summary>
public sealed class IbTrustedIp
{
    public IbTrustedIp(string ipAddress, TrustedIpKind kind, string[] sources, string? path)
    {
        IPAddress = ipAddress;
        Kind = kind;
        Sources = sources;
        Path = path;
    }

    /// <summary>The normalised address; pipes into Add/Remove/Set-IbTrustedIp -IPAddress by property name.</summary>
    public string IPAddress { get; }

    public TrustedIpKind Kind { get; }

    /// <summary>The keys holding it, e.g. "[IBGateway] TrustedIPs (line 4)".</summary>
    public string[] Sources { get; }

    public string? Path { get; }

    public override string ToString() => IPAddress;
}
