using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IbConfig.Core.Protocol;

/// <summary>
/// One ERR_MSG (4) from the server: an error for a request id, or a notice with id -1 such as the farm-status codes
/// (docs/tws-protocol.md, "Replies IbConfig reads" and "Error codes worth telling apart"). Flat, so it serialises cleanly into results.
/// </summary>
public sealed class TwsNotice
{
    /// <summary>IB's "no request" id: the message concerns the connection, not a request.</summary>
    public const int NoRequestId = -1;

    /// <summary>Error 326: "Unable to connect as the client id is already in use."</summary>
    public const int ClientIdInUseCode = 326;

    /// <summary>From this version ERR_MSG carries a trailing advancedOrderRejectJson field.</summary>
    public const int AdvancedOrderRejectVersion = 166;

    /// <summary>From this version the server escapes non-ASCII text as \uXXXX (ENCODE_MSG_ASCII7 in IB's clients).</summary>
    public const int AsciiEscapedTextVersion = 153;

    public TwsNotice(int requestId, int code, string message, string advancedOrderRejectJson = "")
    {
        RequestId = requestId;
        Code = code;
        Message = message;
        AdvancedOrderRejectJson = advancedOrderRejectJson;
    }

    public int RequestId { get; }

    public int Code { get; }

    public string Message { get; }

    /// <summary>Only servers from version 166 send it; usually empty.</summary>
    public string AdvancedOrderRejectJson { get; }

    /// <summary>Farm connection OK (2104, 2106, 2158, 2107, 2119) or broken (2103, 2105, 2157, 2108): information about IB's data farms, not a failure of the API connection.</summary>
    public bool IsFarmStatus => Code is 2103 or 2104 or 2105 or 2106 or 2107 or 2108 or 2119 or 2157 or 2158;

    /// <summary>A farm connection is down (2103, 2105, 2157): the gateway is still usable for configuration checks.</summary>
    public bool IsFarmBroken => Code is 2103 or 2105 or 2157;

    /// <summary>The farm a farm-status notice names after its last colon ("...is OK:usfarm" is usfarm); empty for other notices.</summary>
    public string Farm
    {
        get
        {
            if (!IsFarmStatus) return string.Empty;
            var colon = Message.LastIndexOf(':');
            return colon >= 0 ? Message.Substring(colon + 1).Trim() : string.Empty;
        }
    }

    /// <summary>The last farm-status notice of each farm, in first-seen order: "broken" followed by "OK" is a farm that reconnected.</summary>
    public static IReadOnlyList<TwsNotice> LatestFarmStatus(IEnumerable<TwsNotice> notices) =>
        notices.Where(n => n.IsFarmStatus)
            .GroupBy(n => n.Farm.Length > 0 ? n.Farm : n.Message, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .ToList();

    /// <summary>IB's 2100–2199 range is warnings and information, never a refusal.</summary>
    public bool IsInformational => Code is >= 2100 and < 2200;

    /// <summary>Decodes ERR_MSG with the layout of <paramref name="serverVersion"/>: <c>4, 2, id, code, text[, json]</c>.</summary>
    public static TwsNotice Decode(TwsMessage message, int serverVersion)
    {
        if (message.Id != (int)ServerMessageId.Error)
            throw new ArgumentException($"Message {message.Fields[0]} is not ERR_MSG.", nameof(message));
        var version = message.GetInt(1);
        if (version < 2) return new TwsNotice(NoRequestId, 0, message.GetString(2));
        var text = message.GetString(4);
        if (serverVersion >= AsciiEscapedTextVersion) text = Unescape(text);
        var json = serverVersion >= AdvancedOrderRejectVersion && message.Count > 5 ? message.GetString(5) : "";
        return new TwsNotice(message.GetInt(2), message.GetInt(3), text, json);
    }

    public override string ToString() => $"{Code} {Message}";

    /// <summary>Undoes IB's \uXXXX escapes; anything that is not a complete escape stays as it is.</summary>
    internal static string Unescape(string text)
    {
        if (text.IndexOf("\\u", StringComparison.Ordinal) < 0) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u' &&
                int.TryParse(text.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 5;
            }
            else
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }
}
