using System;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Test-IbConnection: the guide's verification script as one staged TWS API check, many hosts at once, results in input order.</summary>
[Cmdlet(VerbsDiagnostic.Test, "IbConnection", DefaultParameterSetName = MillisecondsSet)]
[OutputType(typeof(IbConnectionResult), typeof(bool))]
public sealed class TestIbConnectionCommand : IbCmdlet
{
    private const string MillisecondsSet = "TimeoutMs";
    private const string SecondsSet = "TimeoutSec";

    /// <summary>Checks that run at once: each holds a socket and a gateway session for up to the time-out.</summary>
    private const int ThrottleLimit = 8;
    private ConnectionVerifier? _verifier;
    private OrderedRunner<IbConnectionResult>? _runner;
    private int _defaultClientId;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CN", "Host", "HostName", "IPAddress")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = { "127.0.0.1" };

    /// <summary>One port, or several tried in turn (the next only when one refuses), as Test-IbPort takes them.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("SocketPort")]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? ClientId { get; set; }

    [Parameter(ParameterSetName = MillisecondsSet)]
    [ValidateRange(1, 600_000)]
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>The earlier name, in seconds: its own parameter set, because an alias of -TimeoutMs could not convert the unit.</summary>
    [Parameter(ParameterSetName = SecondsSet)]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; }

    [Parameter]
    public SwitchParameter SkipAccountData { get; set; }

    [Parameter]
    public TradingMode ExpectTradingMode { get; set; }

    [Parameter]
    public SwitchParameter FindFreeClientId { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            // An explicit -ClientId wins; only the default comes from the environment, and a bad value there stops the call.
            if (ClientId is null) _defaultClientId = IbConnectionRequest.DefaultClientIdFrom(Environment.GetEnvironmentVariable(IbConnectionRequest.ClientIdVariable));
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
        if (ClientId == 1) WriteWarning("Client id 1 is the id bots conventionally use: while this check holds it, a bot connecting with it is refused (error 326).");
        _runner = new OrderedRunner<IbConnectionResult>(ThrottleLimit, StopToken);
    }

    /// <summary>Null unless -ExpectTradingMode was given (a plain enum parameter gives PowerShell's clear "one of Paper, Live" error).</summary>
    private TradingMode? ExpectedMode => MyInvocation.BoundParameters.ContainsKey(nameof(ExpectTradingMode)) ? ExpectTradingMode : null;

    protected override void ProcessRecord()
    {
        var timeout = ParameterSetName == SecondsSet ? TimeSpan.FromSeconds(TimeoutSec) : TimeSpan.FromMilliseconds(TimeoutMs);
        var ports = Port is null ? Machine.DefaultPorts.GetDefaultPorts(null, ExpectedMode ?? TradingMode.Paper) : null;
        if (ports is not null) WriteVerbose($"No -Port given: trying {string.Join(", ", ports.Ports)} in turn ({ports.Origin}); the next only when one refuses.");
        foreach (var computerName in ComputerName)
        {
            var request = new IbConnectionRequest
            {
                ComputerName = computerName, Port = Port is { Length: 1 } ? Port[0] : null, PortsToTry = Port is { Length: > 1 } ? Port : ports?.Ports, ClientId = ClientId ?? _defaultClientId,
                Timeout = timeout, SkipAccountData = SkipAccountData, ExpectTradingMode = ExpectedMode,
                FindFreeClientId = FindFreeClientId,
            };
            WriteVerbose($"{computerName}: checking with client id {request.ClientId}, time-out {timeout.TotalMilliseconds} ms.");
            var verifier = _verifier ??= Machine.Verifier();
            _runner!.Add(ct => verifier.VerifyAsync(request, ct));
        }
        WriteFinished(wait: false);
    }

    protected override void EndProcessing() => WriteFinished(wait: true);

    /// <summary>Writes every finished result in input order from the pipeline thread; with <paramref name="wait"/>, waits for the rest.</summary>
    private void WriteFinished(bool wait)
    {
        var runner = _runner!;
        while (runner.HasPending)
        {
            IbConnectionResult result;
            try
            {
                if (!runner.TryTakeNext(out result))
                {
                    if (!wait) return;
                    RunSync(ct => runner.WaitForNextAsync(ct));
                    continue;
                }
            }
            catch (IbConfigException ex)
            {
                WriteIbError(ex);
                continue;
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            foreach (var line in result.DescribeStages()) WriteVerbose(line);
            if (result.StatusValue == IbConnectionStatus.TradingModeMismatch) WriteWarning($"{result.Diagnosis} {result.Remedy}");
            WriteObject(Quiet ? result.Success : result);
        }
    }
}
