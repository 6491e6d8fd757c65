using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>Starts simulators for tests: loopback, OS-chosen port, a fixed clock.</summary>
internal static class SimulatorTesting
{
    public static readonly DateTimeOffset Now = new(2025, 11, 15, 20, 30, 45, TimeSpan.Zero);

    public static GatewaySimulator Start(Action<GatewaySimulatorOptions>? configure = null)
    {
        var options = new GatewaySimulatorOptions { Port = 0, Clock = () => Now };
        configure?.Invoke(options);
        var simulator = new GatewaySimulator(options);
        simulator.Start();
        return simulator;
    }

    public static CancellationToken Guard => new CancellationTokenSource(RawTwsClient.Guard).Token;

    public static Task<SimulatorEvent> WaitFor(this GatewaySimulator simulator, SimulatorEventKind kind, long sessionId = 0) =>
        simulator.WaitForEventAsync(e => e.KindValue == kind && (sessionId == 0 || e.SessionId == sessionId), Guard);
}
