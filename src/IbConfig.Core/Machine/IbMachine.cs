using System;
using System.Runtime.InteropServices;
using IbConfig.Core.Checks;
using IbConfig.Core.Discovery;
using IbConfig.Core.Files;
using IbConfig.Core.Ibc;
using IbConfig.Core.Network;
using IbConfig.Core.Processes;
using IbConfig.Core.Stores;
using IbConfig.Core.Windows;

namespace IbConfig.Core.Machine;

/// <summary>
/// The composition root: every seam between IbConfig and the machine it runs on (process list, socket dialer, name
/// resolver, listening-socket table, clock, program runner, where default ports come from), built once and handed to
/// Core. <see cref="Local"/> is this machine; tests build a fake one with the <c>With…</c> methods, each returning a copy.
/// </summary>
public sealed class IbMachine
{
    private IbMachine(IProcessSource processes, ISocketDialer dialer, IHostNameResolver resolver, IListeningSocketTable? listeners,
        Func<DateTimeOffset> clock, IProgramRunner programs, IDefaultPortSource? defaultPorts)
    {
        Processes = processes;
        Dialer = dialer;
        Resolver = resolver;
        Listeners = listeners;
        Clock = clock;
        Programs = programs;
        _defaultPorts = defaultPorts;
    }

    private readonly IDefaultPortSource? _defaultPorts;

    /// <summary>This machine: its processes, sockets, DNS, socket table, clock and programs.</summary>
    public static IbMachine Local { get; } = new(SystemProcessSource.Instance, new SocketDialer(), new DnsHostNameResolver(), PortListenerLookup.ForCurrentPlatform(),
        () => DateTimeOffset.Now, ProgramRunner.Instance, null);

    public IProcessSource Processes { get; }

    public ISocketDialer Dialer { get; }

    public IHostNameResolver Resolver { get; }

    /// <summary>The listening-socket table; null where the operating system offers none IbConfig can read.</summary>
    public IListeningSocketTable? Listeners { get; }

    /// <summary>The local clock.</summary>
    public Func<DateTimeOffset> Clock { get; }

    public IProgramRunner Programs { get; }

    /// <summary>Where ports come from when none is given: the configured port of this machine's stores, else IB's conventional ones.</summary>
    public IDefaultPortSource DefaultPorts => _defaultPorts ?? SettingsPortSource.ForThisMachine();

    public IbMachine WithProcesses(IProcessSource processes) => new(processes ?? throw new ArgumentNullException(nameof(processes)), Dialer, Resolver, Listeners, Clock, Programs, _defaultPorts);

    public IbMachine WithNetwork(ISocketDialer dialer, IHostNameResolver resolver) =>
        new(Processes, dialer ?? throw new ArgumentNullException(nameof(dialer)), resolver ?? throw new ArgumentNullException(nameof(resolver)), Listeners, Clock, Programs, _defaultPorts);

    public IbMachine WithListeners(IListeningSocketTable? listeners) => new(Processes, Dialer, Resolver, listeners, Clock, Programs, _defaultPorts);

    public IbMachine WithClock(Func<DateTimeOffset> clock) => new(Processes, Dialer, Resolver, Listeners, clock ?? throw new ArgumentNullException(nameof(clock)), Programs, _defaultPorts);

    public IbMachine WithPrograms(IProgramRunner programs) => new(Processes, Dialer, Resolver, Listeners, Clock, programs ?? throw new ArgumentNullException(nameof(programs)), _defaultPorts);

    public IbMachine WithDefaultPorts(IDefaultPortSource defaultPorts) => new(Processes, Dialer, Resolver, Listeners, Clock, Programs, defaultPorts ?? throw new ArgumentNullException(nameof(defaultPorts)));

    /// <summary>The running IB Gateway / TWS instances.</summary>
    public GatewayProcessFinder GatewayProcesses() => new(Processes);

    public TcpConnector Connector() => new(Dialer, Resolver);

    public PortListenerLookup ListenerLookup() => new(Listeners);

    public ConnectionVerifier Verifier() => new(Connector(), () => Clock().ToUniversalTime());

    public IbcCommandClient IbcClient() => new(Connector());

    /// <summary>The one guarded writer: the running-gateway guard asks this machine's processes, backups take its clock.</summary>
    public ConfigFileWriter Writer() => new(GatewayProcesses(), Clock);

    public StoreEditApplier Applier() => new(Writer());

    /// <summary>The checklist's facts from this machine: its settings roots and IBC's usual places, processes, socket table, connections, clock.</summary>
    public CheckContextLoader CheckLoader() =>
        new(ConfigLocator.ForThisMachine(), IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows)),
            GatewayProcesses, ListenerLookup(), Verifier(), Clock);
}
