using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
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

    /// <summary>Where the ports come from when -Port is not given. A documented seam: the settings model can plug in the configured port.</summary>
    public static IDefaultPortSource DefaultPortSource { get; set; } = new ConventionalPortSource();

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

    [Parameter]
    [ValidateSet("Gateway", "Tws", "Any")]
    public string Product { get; set; } = "Any";

    [Parameter]
    [ValidateSet("Paper", "Live", "Any")]
    public string TradingMode { get; set; } = "Paper";

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
        if (Listening)
        {
            foreach (var port in ports) WriteObject(new PortListenerLookup().Find(port), enumerateCollection: true);
            return;
        }
        _runner ??= new PortProbeRunner(new TcpProbe(new TcpConnector(), TimeSpan.FromMilliseconds(TimeoutMs)), ThrottleLimit, StopToken);
        foreach (var computerName in ComputerName)
        {
            foreach (var port in ports)
            {
                try
                {
                    _runner.Add(computerName, port);
                }
                catch (IbConfigException ex)
                {
                    WriteIbError(ex);
                }
            }
        }
        WriteFinished(wait: false);
    }

    protected override void EndProcessing()
    {
        if (_runner is not null) WriteFinished(wait: true);
    }

    /// <summary>Writes every result that is done, in input order; with <paramref name="wait"/>, waits for the rest.</summary>
    private void WriteFinished(bool wait)
    {
        var runner = _runner!;
        while (runner.HasPending)
        {
            if (runner.TryTakeNext(out var result))
            {
                WriteVerbose($"{result!.ComputerName} port {result.Port} is {result.Status} ({result.Failure ?? $"{result.LatencyMs} ms"}).");
                WriteObject(Quiet ? result.TcpTestSucceeded : result);
            }
            else if (wait)
            {
                RunSync(ct => runner.WaitForNextAsync(ProgressInterval, ct));
            }
            else
            {
                break;
            }
            ReportProgress(runner, done: false);
        }
        if (wait) ReportProgress(runner, done: true);
    }

    private void ReportProgress(PortProbeRunner runner, bool done)
    {
        if (runner.Count <= ProgressAbove || (!done && _sinceProgress.Elapsed < ProgressInterval)) return;
        _sinceProgress.Restart();
        WriteProgress(new ProgressRecord(1, "Test-IbPort", $"{runner.Completed} of {runner.Count} ports probed")
        {
            PercentComplete = runner.Completed * 100 / runner.Count,
            RecordType = done ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
    }

    private IReadOnlyList<int> DefaultPorts()
    {
        var defaults = DefaultPortSource.GetDefaultPorts(
            IsAny(Product) ? null : (IbProduct)Enum.Parse(typeof(IbProduct), Product, ignoreCase: true),
            IsAny(TradingMode) ? null : (TradingMode)Enum.Parse(typeof(TradingMode), TradingMode, ignoreCase: true));
        WriteVerbose($"No -Port given: using {string.Join(", ", defaults.Ports)} ({defaults.Origin}).");
        return defaults.Ports;
    }

    private static bool IsAny(string choice) => string.Equals(choice, "Any", StringComparison.OrdinalIgnoreCase);
}
