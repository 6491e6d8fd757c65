namespace IbConfig.Core.Settings;

/// <summary>A trusted-IP entry that is not an exact address (a CIDR block, a range, a host name), with the reason.</summary>
public sealed class RejectedTrustedIp
{
    public RejectedTrustedIp(string text, string reason)
    {
        Text = text;
        Reason = reason;
    }

    public string Text { get; }

    public string Reason { get; }

    public override string ToString() => Reason;
}
