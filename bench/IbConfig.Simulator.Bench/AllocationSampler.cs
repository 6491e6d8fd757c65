using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Samples what the process allocates (the runtime's AllocationTick event, about one per 100 KB) and names the types that
/// take the most: where a sequence's garbage comes from, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, int> _samples = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        _samples.AddOrUpdate(type, 1, (_, n) => n + 1);
    }

    public void Clear() => _samples.Clear();

    public string Top(int count)
    {
        var total = Math.Max(1, _samples.Values.Sum());
        return string.Join(Environment.NewLine, _samples.OrderByDescending(s => s.Value).Take(count).Select(s => $"    {100.0 * s.Value / total,5:0.0}%  {s.Key}"));
    }
}
