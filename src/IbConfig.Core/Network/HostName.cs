using System;
using System.Net;

namespace IbConfig.Core.Network;

/// <summary>How IbConfig reads a -ComputerName: an address literal (IPv6 optionally in brackets) or a name to resolve.</summary>
public static class HostName
{
    /// <summary>
    /// An address literal, <c>127.0.0.1</c>, <c>::1</c> or <c>[::1]</c>. IPAddress.TryParse also reads "7497" as 0.0.29.73;
    /// only dotted or colon forms count as addresses here.
    /// </summary>
    public static bool TryParseAddress(string name, out IPAddress address)
    {
        var text = name.Trim();
        if (text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']') text = text.Substring(1, text.Length - 2);
        address = IPAddress.None;
        return (text.IndexOf('.') >= 0 || text.IndexOf(':') >= 0) && IPAddress.TryParse(text, out address!);
    }

    /// <summary>True for <c>localhost</c> and every loopback address (127.0.0.0/8, ::1) in any spelling.</summary>
    public static bool IsLoopback(string name) =>
        name.Trim().Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (TryParseAddress(name, out var address) && IPAddress.IsLoopback(address));
}
