using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using IbConfig.PowerShell.Arguments;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Test-IbPort: probes API ports concurrently and streams the results in input order; -Listening tells who listens locally.</summary>
[Cmdlet(VerbsDiagnostic.Test, "IbPort", DefaultParameterSetName = ProbeSet)]
[OutputType(typeof(IbPortResult), typeof(bool), ParameterSetName = new[] { ProbeSet })]
[OutputType(typeof(IbPortListener), ParameterSetName = new[] { ListeningSet })]
public sealed class TestIbPortCommand : IbCmdlet
{
    private const string ProbeSet = "Probe";
    private const string ListeningSet = "Listening";
    private const int ProgressAbove = 5;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private PortProbeRunner? _runner;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ProbeSet)]
    [Alias("CN", "Host", "HostName", "IPAddress")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = { "127.0.0.1" };

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SocketPort")]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    [Parameter(ParameterSetName = ProbeSet)]
    [ValidateRange(1, 600000)]
    public int TimeoutMs { get; set; } = 1000;

    /// <summary>Whose default ports to probe without -Port; default every product ("Any" is accepted for all).</summary>
    [Parameter]
    [AnyMeansEveryValue(typeof(IbProduct))]
    [ValidateNotNullOrEmpty]
    public IbProduct[]? Product { get; set; }

    /// <summary>Which mode's default ports to probe without -Port; default Paper ("Any" is accepted for both).</summary>
    [Parameter]
    [AnyMeansEveryValue(typeof(TradingMode))]
    [ValidateNotNullOrEmpty]
    public TradingMode[] TradingMode { get; set; } = { Core.Settings.TradingMode.Paper };

    [Parameter(ParameterSetName = ProbeSet)]
    public SwitchParameter Quiet { get; set; }

    [Parameter(ParameterSetName = ProbeSet)]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 64;

    [Parameter(Mandatory = true, ParameterSetName = ListeningSet)]
    public SwitchParameter Listening { get; set; }

    protected override void ProcessRecord()
    {
        var ports = Port is { Length: > 0 } ? Port : DefaultPorts();
        _runner ??= Listening ? null : new PortProbeRunner(new TcpProbe(Machine.Connector(), TimeSpan.FromMilliseconds(TimeoutMs)), ThrottleLimit, StopToken);
        foreach (var computerName in ComputerName) // with -Listening, only this computer's default
        {
            foreach (var port in ports)
            {
                try
                {
                    if (_runner is null) WriteObject(Machine.ListenerLookup().Find(port), enumerateCollection: true);
                    else _runner.Add(computerName, port);
                }
                catch (IbConfigException ex)
                {
                    WriteIbError(ex);
                }
            }
        }
        if (_runner is not null) WriteResults(_runner.TakeFinished());
    }

    protected override void EndProcessing()
    {
        while (_runner is { HasPending: true })
        {
            RunSync(ct => _runner.WaitForNextAsync(ProgressInterval, ct));
            WriteResults(_runner.TakeFinished());
            if (_runner.Count > ProgressAbove && (_sinceProgress.Elapsed >= ProgressInterval || !_runner.HasPending))
            {
                _sinceProgress.Restart();
                WriteProgress(new ProgressRecord(1, "Test-IbPort", $"{_runner.Completed} of {_runner.Count} targets probed")
                {
                    PercentComplete = _runner.Completed * 100 / _runner.Count,
                    RecordType = _runner.HasPending ? ProgressRecordType.Processing : ProgressRecordType.Completed,
                });
            }
        }
    }

    private void WriteResults(IEnumerable<IbPortResult> results)
    {
        foreach (var result in results)
        {
            WriteVerbose($"{result.ComputerName} port {result.Port} is {result.Status} ({result.Failure ?? $"{result.LatencyMs} ms"}).");
            WriteObject(Quiet ? result.TcpTestSucceeded : result);
        }
    }

    private IReadOnlyList<int> DefaultPorts()
    {
        var defaults = Machine.DefaultPorts.GetDefaultPorts(OnlyOne(Product), OnlyOne(TradingMode));
        WriteVerbose($"No -Port given: using {string.Join(", ", defaults.Ports)} ({defaults.Origin}).");
        return defaults.Ports;
    }

    /// <summary>The one value asked for, or null (any) when none or several were.</summary>
    private static T? OnlyOne<T>(T[]? choices) where T : struct =>
        choices?.Distinct().ToArray() is { Length: 1 } one ? one[0] : null;
}
