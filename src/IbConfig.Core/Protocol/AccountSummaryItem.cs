namespace IbConfig.Core.Protocol;

/// <summary>One ACCOUNT_SUMMARY (63) row: <c>63, 1, reqId, account, tag, value, currency</c>.</summary>
public sealed class AccountSummaryItem
{
    public AccountSummaryItem(int requestId, string account, string tag, string value, string currency)
    {
        RequestId = requestId;
        Account = account;
        Tag = tag;
        Value = value;
        Currency = currency;
    }

    public int RequestId { get; }

    public string Account { get; }

    public string Tag { get; }

    /// <summary>As sent: most tags are numbers, some (AccountType) are words.</summary>
    public string Value { get; }

    public string Currency { get; }

    public static AccountSummaryItem Decode(TwsMessage message)
    {
        ReplyDecoder.Expect(message, ServerMessageId.AccountSummary);
        return new AccountSummaryItem(message.GetInt(2), message.GetString(3), message.GetString(4), message.GetString(5), message.GetString(6));
    }

    public override string ToString() => $"{Account} {Tag}={Value} {Currency}".TrimEnd();
}
