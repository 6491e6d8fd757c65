namespace IbConfig.Core.Settings;

/// <summary>Which IB program serves the API.</summary>
public enum IbProduct
{
    Gateway,
    Tws,
}
