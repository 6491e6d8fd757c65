using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Settings;

/// <summary>
/// One trusted API client address, validated the way IB needs it: an exact IPv4 or IPv6 address (IB compares the client's
/// address with each entry; it takes no ranges, CIDR blocks, wildcards or host names), in normalised form.
/// </summary>
public sealed class TrustedIpAddress : IEquatable<TrustedIpAddress>
{
    private TrustedIpAddress(string address, TrustedIpKind kind, bool isIPv6)
    {
        Address = address;
        Kind = kind;
        IsIPv6 = isIPv6;
    }

    /// <summary>The normalised text: "10.0.0.5" (no leading zeros), "fe80::1" (compressed, lower case).</summary>
    public string Address { get; }

    public TrustedIpKind Kind { get; }

    public bool IsIPv6 { get; }

    /// <summary>True for the unspecified and public addresses that need -Force and always get a warning.</summary>
    public bool NeedsForce => Kind is TrustedIpKind.Public or TrustedIpKind.Unspecified;

    public static TrustedIpAddress Loopback { get; } = new("127.0.0.1", TrustedIpKind.Loopback, false);

    public static TrustedIpAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address! : throw SettingFailure.TrustedIpInvalid(text);

    public static bool TryParse(string text, out TrustedIpAddress? address, out string error)
    {
        address = null;
        error = "";
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            error = "An empty trusted IP entry: give an IPv4 or IPv6 address such as 127.0.0.1.";
            return false;
        }
        var reason = Reject(value);
        if (reason is null)
        {
            if (value.Contains(':'))
            {
                if (IPAddress.TryParse(value, out var ipv6) && ipv6.AddressFamily == AddressFamily.InterNetworkV6 && ipv6.IsIPv6Multicast)
                {
                    reason = "it is a multicast address, which no API client connects from";
                }
                else if (IPAddress.TryParse(value, out ipv6) && ipv6.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    address = new TrustedIpAddress(ipv6.ToString().ToLowerInvariant(), Classify(ipv6), true);
                    return true;
                }
                else
                {
                    reason = value.Count(c => c == ':') == 1 && value.Contains('.')
                        ? "a port does not belong in a trusted IP entry"
                        : "it is not a valid IPv6 address";
                }
            }
            else if (TryParseIPv4(value, out var ipv4))
            {
                if (ipv4.GetAddressBytes()[0] >= 224)
                {
                    reason = "it is a multicast or broadcast address, which no API client connects from";
                }
                else
                {
                    address = new TrustedIpAddress(ipv4.ToString(), Classify(ipv4), false);
                    return true;
                }
            }
            else
            {
                reason = "it is not an IPv4 address (four numbers 0-255 separated by dots)";
            }
        }
        error = $"'{value}' cannot be a trusted IP: {reason}. IB takes exact IPv4 or IPv6 addresses only, e.g. 127.0.0.1 or 192.168.1.100.";
        return false;
    }

    public bool Equals(TrustedIpAddress? other) => other is not null && string.Equals(Address, other.Address, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TrustedIpAddress other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Address);

    public override string ToString() => Address;

    private static string? Reject(string value)
    {
        if (value.Contains('/')) return "CIDR blocks are not supported";
        if (value.Contains('*')) return "wildcards are not supported";
        if (value.Contains('%')) return "IPv6 zone ids (%) are not supported";
        if (value.Contains('-')) return "address ranges are not supported";
        if (value.Any(char.IsWhiteSpace)) return "it contains spaces (separate several addresses with commas)";
        if (value.Any(char.IsLetter) && !value.Contains(':')) return "host names are not accepted: IB compares the client's IP address, so give the address";
        return null;
    }

    /// <summary>Strict dotted decimal: IPAddress.TryParse would take "10.1" or "010.0.0.1" (octal!) as some other address.</summary>
    private static bool TryParseIPv4(string value, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = value.Split('.');
        if (parts.Length != 4) return false;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3 || !parts[i].All(c => c is >= '0' and <= '9')) return false;
            var number = int.Parse(parts[i], CultureInfo.InvariantCulture);
            if (number > 255) return false;
            bytes[i] = (byte)number;
        }
        address = new IPAddress(bytes);
        return true;
    }

    private static TrustedIpKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return Classify(address.MapToIPv4());
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (b.All(x => x == 0)) return TrustedIpKind.Unspecified;
            if (b[0] == 127) return TrustedIpKind.Loopback;
            if (b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127))
            {
                return TrustedIpKind.Private;
            }
            return TrustedIpKind.Public;
        }
        if (address.Equals(IPAddress.IPv6Any)) return TrustedIpKind.Unspecified;
        if (address.Equals(IPAddress.IPv6Loopback)) return TrustedIpKind.Loopback;
        if ((b[0] & 0xFE) == 0xFC || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return TrustedIpKind.Private;
        return TrustedIpKind.Public;
    }
}
