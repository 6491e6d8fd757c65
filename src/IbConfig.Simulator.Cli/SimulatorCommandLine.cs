using System.Globalization;
using System.Net;
using IbConfig.Core.Simulator;

namespace IbConfig.Simulator.Cli;

/// <summary>The console program's arguments, parsed into simulator options.</summary>
internal sealed class SimulatorCommandLine
{
    public const string Usage = """
        ibconfig-simulator: an IB Gateway stand-in speaking the TWS API on loopback (IbConfig's gateway simulator).

        Usage: ibconfig-simulator [options]     (from a clone: dotnet run --project src/IbConfig.Simulator.Cli -- [options])

          --port <n>                 API socket port (default 4002, IB Gateway paper; 0 = let the OS choose)
          --bind <address>           address to listen on (default 127.0.0.1; ::1 for IPv6 loopback)
          --account <id[,id...]>     managed accounts (repeatable; default DU123456, or the data file's)
          --data <path>              data file with accounts, positions, contracts and bar series (see samples/simulator)
          --replay-start <time>      with bar series: the simulated time to start at, ISO-8601 with offset
                                     (default: the first bar of the series' last day)
          --replay-speed <x>         simulated seconds per real second (default 1; 60 = a minute a second;
                                     0 = the clock moves only when an AdvanceClock fault moves it)
          --replay-seed <n>          chooses the walk through each bar (default 0): same data, seed, start = same quotes
          --trace <path>             write every request and reply to this file as JSON lines (for CI assertions)
          --scenario <path>          scenario file: faults to play at times after the start (see samples/simulator)
          --read-only                Read-Only API: order requests and open-order reads get error 321
          --fill-rule <rule>         how orders of symbols without a [FillRules] row fill: OnLimitCross (default),
                                     Immediate, AtMarket, Reject (error 201) or Never
          --trusted-ip <ip[,ip...]>  trusted addresses (repeatable; default 127.0.0.1)
          --allow-remote             untick "Allow connections from localhost only"
          --untrusted <close|hold>   untrusted peers are closed (Gateway) or held without a reply (TWS dialog)
          --master-client-id <n>     the master API client id
          --occupied-client-id <n>   a client id held by a stale client: START_API with it gets error 326 (repeatable)
          --max-server-version <n>   answer at most this server version (100..193, default 193)
          --api-disabled             nothing listens, like "Enable ActiveX and Socket Clients" unticked
          --port-file <path>         write the port actually listened on to this file (handy with --port 0)
          --log                      print every simulator event
          --help                     show this text

        It runs until Ctrl+C or SIGTERM.
        """;

    public GatewaySimulatorOptions Options { get; } = new() { Port = 4002 };

    public string? PortFile { get; private set; }

    public bool Log { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static SimulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new SimulatorCommandLine();
        var accounts = new List<string>();
        string? dataPath = null;
        string? scenarioPath = null;
        var trusted = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} needs a whole number.");
            switch (name)
            {
                case "--port": line.Options.Port = Number(); break;
                case "--bind": line.Options.BindAddress = IPAddress.TryParse(Value(), out var ip) ? ip : throw new ArgumentException($"{name} needs an IP address."); break;
                case "--account": accounts.AddRange(Split(Value())); break;
                case "--data": dataPath = Value(); break;
                case "--scenario": scenarioPath = Value(); break;
                case "--replay-start":
                    line.Options.ReplayStart = DateTimeOffset.TryParse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                        ? start : throw new ArgumentException($"{name} needs an ISO-8601 time, e.g. 2025-11-18T14:30:00Z.");
                    break;
                case "--replay-speed":
                    line.Options.ReplaySpeed = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed)
                        ? speed : throw new ArgumentException($"{name} needs a number, e.g. 1, 60 or 0.");
                    break;
                case "--replay-seed": line.Options.ReplaySeed = Number(); break;
                case "--trace": line.Options.TracePath = Path.GetFullPath(Value()); break;
                case "--read-only": line.Options.ReadOnlyApi = true; break;
                case "--fill-rule":
                    line.Options.DefaultFillRule = SimulatorDataFile.TryParseFillRule(Value(), out var rule) ? rule : throw new ArgumentException($"{name} is OnLimitCross, Immediate, AtMarket, Reject or Never.");
                    break;
                case "--trusted-ip": trusted.AddRange(Split(Value())); break;
                case "--allow-remote": line.Options.AllowLocalhostOnly = false; break;
                case "--untrusted":
                    line.Options.UntrustedBehaviour = Enum.TryParse<UntrustedBehaviour>(Value(), ignoreCase: true, out var b) ? b : throw new ArgumentException($"{name} is close or hold.");
                    break;
                case "--master-client-id": line.Options.MasterClientId = Number(); break;
                case "--occupied-client-id": line.Options.OccupiedClientIds.Add(Number()); break;
                case "--max-server-version": line.Options.MaxServerVersion = Number(); break;
                case "--api-disabled": line.Options.ApiEnabled = false; break;
                case "--port-file": line.PortFile = Value(); break;
                case "--log": line.Log = true; break;
                case "--help" or "-h" or "-?": line.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        if (dataPath is not null) line.Options.UseData(SimulatorDataFile.Read(dataPath));
        if (accounts.Count > 0) line.Options.UseAccounts(accounts);
        if (scenarioPath is not null) line.Options.UseScenario(SimulatorScenarioFile.Read(scenarioPath));
        if (trusted.Count > 0) line.Options.TrustedIps = trusted;
        return line;
    }

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
