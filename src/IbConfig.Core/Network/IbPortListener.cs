using System.Net;

namespace IbConfig.Core.Network;

/// <summary>
/// Who listens on a local port (<c>Test-IbPort -Listening</c>): the bound address, what that means for who can connect,
/// and the owning process where the operating system tells it. Where it cannot be told, <see cref="Note"/> says so.
/// </summary>
public sealed class IbPortListener
{
    public IbPortListener(int port, IPAddress localAddress, int? processId, string? processName, string? note = null)
    {
        var address = localAddress.IsIPv4MappedToIPv6 ? localAddress.MapToIPv4() : localAddress;
        Port = port;
        LocalAddress = address.ToString();
        ScopeValue = ScopeOf(address);
        ProcessId = processId;
        ProcessName = processName;
        Note = note ?? (ScopeValue == ListenerScope.AllInterfaces
            ? "Listens on every interface: other machines can connect if the firewall allows it; IB's API is safest on 127.0.0.1 only."
            : null);
    }

    private IbPortListener(int port, ListenerScope scope, string note)
    {
        Port = port;
        ScopeValue = scope;
        Note = note;
    }

    public int Port { get; }

    /// <summary>The address the socket is bound to (0.0.0.0 and :: mean every interface); null when none or unknown.</summary>
    public string? LocalAddress { get; }

    public string Scope => ScopeValue.ToString();

    internal ListenerScope ScopeValue { get; }

    /// <summary>The owning process, when the operating system tells it to this user.</summary>
    public int? ProcessId { get; }

    public string? ProcessName { get; }

    public string? Note { get; }

    public static IbPortListener NotListening(int port) => new(port, ListenerScope.NotListening,
        $"Nothing listens on port {port}: IB Gateway/TWS is not running, the API is disabled, or it uses another port.");

    public static IbPortListener Unknown(int port, string reason) => new(port, ListenerScope.Unknown, reason);

    private static ListenerScope ScopeOf(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? ListenerScope.AllInterfaces
        : IPAddress.IsLoopback(address) ? ListenerScope.LoopbackOnly
        : ListenerScope.Specific;

    public override string ToString() => $"{LocalAddress ?? "?"}:{Port} {Scope} {ProcessName}";
}
