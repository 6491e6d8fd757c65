using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The simulators running in this process, by number, so they outlive the command that started them. PowerShell keeps
/// one session per process, so <see cref="Shared"/> is the session's registry (runspaces in one process share it).
/// </summary>
public sealed class SimulatorRegistry
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, (GatewaySimulator Simulator, string? Path)> _entries = new();
    private int _lastId;

    public static SimulatorRegistry Shared { get; } = new();

    /// <summary>Registers a started simulator and returns its description with the number it got.</summary>
    public IbGatewaySimulatorInfo Add(GatewaySimulator simulator, string? path)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            _entries[id] = (simulator, path);
            return new IbGatewaySimulatorInfo(id, simulator, path);
        }
    }

    public IReadOnlyList<IbGatewaySimulatorInfo> List()
    {
        lock (_gate) return _entries.Select(e => new IbGatewaySimulatorInfo(e.Key, e.Value.Simulator, e.Value.Path)).ToArray();
    }

    public IReadOnlyList<int> Ids
    {
        get { lock (_gate) return _entries.Keys.ToArray(); }
    }

    public GatewaySimulator? Find(int id)
    {
        lock (_gate) return _entries.TryGetValue(id, out var entry) ? entry.Simulator : null;
    }

    public IbGatewaySimulatorInfo? Describe(int id)
    {
        lock (_gate) return _entries.TryGetValue(id, out var entry) ? new IbGatewaySimulatorInfo(id, entry.Simulator, entry.Path) : null;
    }

    /// <summary>Stops a simulator, unregisters it and returns its final description, or null when there is no such number.</summary>
    public async Task<IbGatewaySimulatorInfo?> StopAsync(int id)
    {
        (GatewaySimulator Simulator, string? Path) entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out entry)) return null;
            _entries.Remove(id);
        }
        await entry.Simulator.StopAsync().ConfigureAwait(false);
        return new IbGatewaySimulatorInfo(id, entry.Simulator, entry.Path);
    }
}
