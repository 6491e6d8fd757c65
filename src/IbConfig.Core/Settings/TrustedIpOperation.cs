namespace IbConfig.Core.Settings;

/// <summary>What a trusted-IP edit does to each list it is applied to.</summary>
public enum TrustedIpOperation
{
    Add,
    Remove,
    Replace,
}
