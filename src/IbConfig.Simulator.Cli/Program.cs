using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;
using IbConfig.Simulator.Cli;

// The gateway simulator outside PowerShell: start, print where it listens, run until Ctrl+C or SIGTERM.
SimulatorCommandLine line;
try
{
    line = SimulatorCommandLine.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or IbConfigException)
{
    Console.Error.WriteLine($"ibconfig-simulator: {ex.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 64;
}
if (line.Help)
{
    Console.WriteLine(SimulatorCommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

GatewaySimulator simulator;
try
{
    simulator = new GatewaySimulator(line.Options);
    simulator.Start();
}
catch (IbConfigException ex)
{
    Console.Error.WriteLine($"ibconfig-simulator: {ex.Message}");
    return 2;
}

// The port file is complete before the banner: a script that waits for either must never read it half-written.
if (line.PortFile is not null)
{
    var temporary = line.PortFile + ".tmp";
    File.WriteAllText(temporary, simulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    if (File.Exists(line.PortFile)) File.Delete(line.PortFile);
    File.Move(temporary, line.PortFile);
}

var accounts = string.Join(",", simulator.Accounts.Select(a => a.Id));
if (simulator.Status == SimulatorStatus.ApiDisabled)
    Console.WriteLine($"IbGatewaySimulator API disabled: nothing listens on port {simulator.Port} (accounts {accounts}). Ctrl+C to stop.");
else
    Console.WriteLine($"IbGatewaySimulator listening on {simulator.LocalEndPoint} (accounts {accounts}{(line.Options.ReadOnlyApi ? ", read-only API" : "")}). Ctrl+C to stop.");

long printed = 0;
try
{
    while (!stop.IsCancellationRequested)
    {
        // Waiting on the event log also waits for Ctrl+C: the token ends the loop.
        var next = await simulator.WaitForEventAsync(e => e.Sequence > printed, stop.Token);
        foreach (var e in simulator.Events.Snapshot().Where(e => e.Sequence > printed))
        {
            if (line.Log) Console.WriteLine(e);
            printed = e.Sequence;
        }
        printed = Math.Max(printed, next.Sequence);
    }
}
catch (OperationCanceledException)
{
}
await simulator.StopAsync();
Console.WriteLine($"IbGatewaySimulator stopped after {simulator.ConnectionCount} connection(s).");
return 0;
