namespace IbConfig.Core.Baseline;

/// <summary>How a gateway differs from its baseline in one setting or address.</summary>
public enum IbApiDriftKind
{
    /// <summary>Both have the setting, with different values.</summary>
    Changed,

    /// <summary>The baseline has it; the gateway does not.</summary>
    Missing,

    /// <summary>The gateway has it; the baseline does not.</summary>
    Added,
}
