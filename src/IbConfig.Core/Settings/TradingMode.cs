namespace IbConfig.Core.Settings;

/// <summary>Paper or live trading. Credentials decide it; ports only suggest it by convention.</summary>
public enum TradingMode
{
    Paper,
    Live,
}
