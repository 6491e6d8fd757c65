using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Network;
using IbConfig.Core.Watch;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Watches gateways live, each over its own API session (Core's GatewayWatcher on the thread pool), and writes one
/// IbGatewayEvent per event as it happens, from the pipeline thread, until -Duration, -Count or Ctrl+C.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "IbGateway")]
[OutputType(typeof(IbGatewayEvent))]
public sealed class WatchIbGatewayCommand : IbCmdlet
{
    /// <summary>Events not yet written: a pipeline that stalls must not grow memory without bound.</summary>
    private const int QueueCapacity = 10_000;

    /// <summary>How often a waiting watch looks at its watchers (one that failed is reported, not waited on).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the watchers may take to wind down once the watch ends.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    private readonly BlockingCollection<IbGatewayEvent> _events = new(QueueCapacity);
    private readonly List<Task> _watchers = new();
    private readonly Stopwatch _elapsed = new();
    private CancellationTokenSource? _watching;
    private int _written;
    private int _dropped;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CN", "Host", "HostName", "IPAddress")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = { "127.0.0.1" };

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("SocketPort")]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int ClientId { get; set; } = GatewayWatcher.DefaultClientId;

    /// <summary>Stop after this long; default: until -Count or Ctrl+C.</summary>
    [Parameter]
    public TimeSpan? Duration { get; set; }

    /// <summary>Stop after this many events (across every gateway watched).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Count { get; set; }

    /// <summary>How long a connect (TCP, handshake, login) may take before it counts as failed.</summary>
    [Parameter]
    [ValidateRange(100, 600_000)]
    public int TimeoutMs { get; set; } = 10_000;

    protected override void BeginProcessing()
    {
        if (Duration is { } duration && duration <= TimeSpan.Zero)
            ThrowIbError(WatchFailure.DurationInvalid(duration));
        _watching = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        _elapsed.Start();
    }

    protected override void ProcessRecord()
    {
        var ports = Port ?? new[] { ConfiguredPort() };
        var timing = new GatewayWatchTiming { ConnectTimeout = TimeSpan.FromMilliseconds(TimeoutMs) };
        foreach (var computerName in ComputerName)
        foreach (var port in ports)
        {
            var watcher = new GatewayWatcher(computerName, port, ClientId, timing);
            WriteVerbose($"Watching {computerName}:{port} with client id {ClientId}.");
            var token = _watching!.Token;
            _watchers.Add(Task.Run(() => watcher.RunAsync(Enqueue, token)));
        }
        WriteEvents(wait: false);
    }

    protected override void EndProcessing()
    {
        try
        {
            WriteEvents(wait: true);
        }
        finally
        {
            StopWatchers();
        }
    }

    // Called on thread-pool threads: only queues, never writes.
    private void Enqueue(IbGatewayEvent gatewayEvent)
    {
        if (!_events.TryAdd(gatewayEvent)) Interlocked.Increment(ref _dropped);
    }

    /// <summary>Writes queued events from the pipeline thread; with <paramref name="wait"/>, until -Duration, -Count or Ctrl+C.</summary>
    private void WriteEvents(bool wait)
    {
        while (!Done())
        {
            var remaining = Duration is { } duration ? duration - _elapsed.Elapsed : Poll;
            if (remaining <= TimeSpan.Zero) return;
            IbGatewayEvent next;
            try
            {
                if (!_events.TryTake(out next!, wait ? (int)Math.Ceiling(Math.Min(remaining.TotalMilliseconds, Poll.TotalMilliseconds)) : 0, StopToken))
                {
                    if (!wait) return;
                    continue;
                }
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            WriteObject(next);
            _written++;
        }
    }

    private bool Done()
    {
        if (Count is { } count && _written >= count) return true;
        // A watcher only ends by itself when it fails: say so rather than wait on a gateway nobody watches.
        foreach (var failed in _watchers.Where(t => t.IsFaulted).ToList())
        {
            _watchers.Remove(failed);
            var why = failed.Exception!.GetBaseException();
            WriteIbError(WatchFailure.WatcherStopped(why));
        }
        return _watchers.Count == 0 && _events.Count == 0;
    }

    private void StopWatchers()
    {
        _watching?.Cancel();
        try
        {
            Task.WhenAll(_watchers).Wait(StopWait);
        }
        catch (AggregateException)
        {
            // Cancelled watchers end with OperationCanceledException: that is the normal end of a watch.
        }
        _watching?.Dispose();
        if (StopToken.IsCancellationRequested) return; // Ctrl+C: the pipeline is stopping and takes no more output
        if (_dropped > 0) WriteWarning($"{_dropped} event(s) were dropped: more than {QueueCapacity} waited to be written.");
        WriteVerbose($"Watched for {_elapsed.Elapsed.TotalSeconds:0.#} s; {_written} event(s) written.");
    }

    // No -Port: the API port this machine's settings give; a watch needs one port to hold a session on.
    private int ConfiguredPort()
    {
        var defaults = Machine.DefaultPorts.GetDefaultPorts(null, null);
        if (defaults.Ports.Count != 1)
            ThrowIbError(NetworkFailure.PortNotConfigured(defaults.Origin));
        WriteVerbose($"No -Port given: watching {defaults.Ports[0]} ({defaults.Origin}).");
        return defaults.Ports[0];
    }
}
