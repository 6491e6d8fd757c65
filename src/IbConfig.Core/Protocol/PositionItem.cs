namespace IbConfig.Core.Protocol;

/// <summary>
/// One POSITION_DATA (61) row. Layout by message version (as IB's clients read it): <c>61, v, account, conId, symbol,
/// secType, lastTradeDate, strike, right, multiplier, exchange, currency, localSymbol, [tradingClass if v ≥ 2], position,
/// [avgCost if v ≥ 3]</c>.
/// </summary>
public sealed class PositionItem
{
    public PositionItem(string account, long contractId, string symbol, string securityType, string currency, string position, double? averageCost)
    {
        Account = account;
        ContractId = contractId;
        Symbol = symbol;
        SecurityType = securityType;
        Currency = currency;
        Position = position;
        AverageCost = averageCost;
    }

    public string Account { get; }

    public long ContractId { get; }

    public string Symbol { get; }

    public string SecurityType { get; }

    public string Currency { get; }

    /// <summary>Decimal text as sent (fractional shares exist), not rounded through a double.</summary>
    public string Position { get; }

    public double? AverageCost { get; }

    public static PositionItem Decode(TwsMessage message)
    {
        ReplyDecoder.Expect(message, ServerMessageId.PositionData);
        var version = message.GetInt(1);
        var positionIndex = version >= 2 ? 14 : 13;
        var averageCost = version >= 3 ? message.GetOptionalDouble(positionIndex + 1) : null;
        return new PositionItem(message.GetString(2), message.GetLong(3), message.GetString(4), message.GetString(5),
            message.GetString(11), message.GetString(positionIndex), averageCost);
    }

    public override string ToString() => $"{Account} {Symbol} {SecurityType} {Position}";
}
