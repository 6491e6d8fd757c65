using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>The real <see cref="IHostNameResolver"/>: the system resolver, abandoned (not awaited) on cancellation.</summary>
public sealed class DnsHostNameResolver : IHostNameResolver
{
    // netstandard2.0's Dns has no cancellable lookup and getaddrinfo can block for many seconds: race it instead.
    public Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(hostName).OrCancelledAsync(cancellationToken);
}
