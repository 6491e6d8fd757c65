using System;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Network;

namespace IbConfig.Core.Checks;

/// <summary>
/// Gathers the facts the checklist needs, once, through seams: the settings stores, the process list, the listening-socket
/// table and the live API handshake. <see cref="Default"/> reads the real machine; tests construct their own.
/// </summary>
public sealed class CheckContextLoader
{
    public CheckContextLoader(PortListenerLookup listeners, Func<DateTimeOffset> clock)
    {
        Listeners = listeners ?? throw new ArgumentNullException(nameof(listeners));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The loader the cmdlets use. A documented test seam: Pester may replace it and must restore it.</summary>
    public static CheckContextLoader Default { get; set; } = new(new PortListenerLookup(), () => DateTimeOffset.Now);

    public PortListenerLookup Listeners { get; }

    public Func<DateTimeOffset> Clock { get; }

    public Task<CheckContext> LoadAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        cancellationToken.ThrowIfCancellationRequested();
        var port = request.Port;
        var context = new CheckContext(request, Clock())
        {
            Port = port,
            PortSource = port is null ? string.Empty : "-Port",
            Listeners = port is { } p && !request.Offline && CheckContext.IsLocal(request.ComputerName) ? Listeners.Find(p) : null,
        };
        return Task.FromResult(context);
    }
}
