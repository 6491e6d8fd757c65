using System;
using System.Linq;

namespace IbConfig.Core.Protocol;

/// <summary>
/// Decodes the one-value replies (docs/tws-protocol.md, "Replies IbConfig reads"): each checks the message id and reads its field by the
/// documented layout, so a wrong or truncated message is a <see cref="TwsProtocolException"/>, never a silent zero.
/// </summary>
public static class ReplyDecoder
{
    /// <summary>NEXT_VALID_ID: <c>9, 1, orderId</c>.</summary>
    public static long NextValidId(TwsMessage message) => Expect(message, ServerMessageId.NextValidId).GetLong(2);

    /// <summary>MANAGED_ACCTS: <c>15, 1, "DU1,DU2"</c> — the list split, trimmed, empties dropped.</summary>
    public static string[] ManagedAccounts(TwsMessage message) =>
        Expect(message, ServerMessageId.ManagedAccounts).GetString(2)
            .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Trim())
            .Where(a => a.Length > 0)
            .ToArray();

    /// <summary>CURRENT_TIME: <c>49, 1, unixSeconds</c>, as UTC.</summary>
    public static DateTimeOffset CurrentTime(TwsMessage message)
    {
        var seconds = Expect(message, ServerMessageId.CurrentTime).GetLong(2);
        // DateTimeOffset accepts years 1..9999; a value outside is garbage, not a time.
        if (seconds < -62135596800L || seconds > 253402300799L)
            throw new TwsProtocolException(ProtocolFailure.Malformed, $"The server's current time {seconds} is not a valid Unix time.");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>ACCOUNT_SUMMARY_END: <c>64, 1, reqId</c>.</summary>
    public static int AccountSummaryEndRequestId(TwsMessage message) => Expect(message, ServerMessageId.AccountSummaryEnd).GetInt(2);

    internal static TwsMessage Expect(TwsMessage message, ServerMessageId id) =>
        message.Id == (int)id ? message : throw new ArgumentException($"Message {message.Fields[0]} is not {id}.", nameof(message));
}
