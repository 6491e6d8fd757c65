using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Simulator;

/// <summary>
/// How a <see cref="GatewaySimulator"/> behaves: the gateway settings it honours (port, API enabled, trusted IPs,
/// localhost only, master client id, read-only API), the accounts and positions it reports, and the limits that keep it
/// safe from hostile clients. Plain properties; <see cref="Validate"/> checks them when the simulator starts.
/// </summary>
public sealed class GatewaySimulatorOptions
{
    /// <summary>The highest server version the simulator speaks: every text layout it uses holds up to 193 (docs/tws-protocol.md).</summary>
    public const int HighestServerVersion = 193;

    /// <summary>The lowest: v100 framing is the only one served.</summary>
    public const int LowestServerVersion = 100;

    /// <summary>The address to listen on. Loopback by default; anything else must be chosen explicitly.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The API socket port; 0 lets the OS choose (the simulator reports the port it got).</summary>
    public int Port { get; set; }

    /// <summary>"Enable ActiveX and Socket Clients": when false nothing listens, exactly like such a gateway.</summary>
    public bool ApiEnabled { get; set; } = true;

    /// <summary>Exact addresses served without question (IB's trusted IPs: no ranges, no names).</summary>
    public IList<string> TrustedIps { get; set; } = new List<string> { "127.0.0.1" };

    /// <summary>"Allow connections from localhost only": every non-loopback peer is closed at once.</summary>
    public bool AllowLocalhostOnly { get; set; } = true;

    /// <summary>What happens to a peer that is not in <see cref="TrustedIps"/>.</summary>
    public UntrustedBehaviour UntrustedBehaviour { get; set; } = UntrustedBehaviour.Close;

    /// <summary>The master API client id, or null for none. It does not restrict who connects (the seed guide is wrong there):
    /// IB sends the master client the orders of every client; the simulator marks that session as the master.</summary>
    public int? MasterClientId { get; set; }

    /// <summary>"Read-Only API": order requests are rejected with error 321.</summary>
    public bool ReadOnlyApi { get; set; }

    /// <summary>Client ids held by clients that are not there: START_API with one gets error 326, as after an unclean exit.</summary>
    public ISet<int> OccupiedClientIds { get; set; } = new HashSet<int>();

    /// <summary>The managed accounts, in order. Empty means one fresh paper account, DU123456.</summary>
    public IList<SimulatedAccount> Accounts { get; set; } = new List<SimulatedAccount>();

    /// <summary>The positions reqPositions reports.</summary>
    public IList<SimulatedPosition> Positions { get; set; } = new List<SimulatedPosition>();

    /// <summary>The contracts reqContractDetails, reqMatchingSymbols and reqMktData know; others get error 200.</summary>
    public IList<SimulatedContract> Contracts { get; set; } = new List<SimulatedContract>();

    /// <summary>Bar series of contracts in <see cref="Contracts"/> (a data file's [Bars]): history comes from them, and with
    /// any series given the replay clock runs (docs/simulator.md, "Replay clock").</summary>
    public IList<BarSeries> Bars { get; set; } = new List<BarSeries>();

    /// <summary>The simulated time the replay starts at; null for the first bar of the series' last day (earlier days are history).</summary>
    public DateTimeOffset? ReplayStart { get; set; }

    /// <summary>Simulated seconds per real second (1 real time, 60 a minute a second); 0 moves the clock only when advanced.</summary>
    public double ReplaySpeed { get; set; } = 1;

    /// <summary>Chooses the replay's walk through each bar: the same data, seed and start always give the same quotes.</summary>
    public int ReplaySeed { get; set; }

    /// <summary>The highest replay speed: a day a second.</summary>
    public const double MaxReplaySpeed = 86_400;

    /// <summary>NEXT_VALID_ID's first order id; it moves above every order id a client places.</summary>
    public int NextValidOrderId { get; set; } = 1;

    /// <summary>How orders fill, per symbol (a data file's [FillRules]; symbol * for the rest). Symbols without a rule follow <see cref="DefaultFillRule"/>.</summary>
    public IList<SimulatedFillRule> FillRules { get; set; } = new List<SimulatedFillRule>();

    /// <summary>The fill rule of symbols without a rule of their own (docs/simulator.md, "Orders").</summary>
    public FillRule DefaultFillRule { get; set; } = FillRule.OnLimitCross;

    /// <summary>The market orders trade against; null for the contracts' fixed quotes (<see cref="FixedMarketQuotes"/>).</summary>
    internal IMarketQuotes? MarketQuotes { get; set; }

    /// <summary>The highest server version to answer (100..193): lower it to simulate an older gateway.</summary>
    public int MaxServerVersion { get; set; } = HighestServerVersion;

    /// <summary>The zone of the connection time text sent in the handshake.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The clock (a seam for tests): event and trace times come from it, and without a replay (<see cref="Bars"/>) also the
    /// connection time and CURRENT_TIME; with one those follow the replay clock (<see cref="GatewaySimulator.Clock"/>).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Time for a client to send "API\0", its version range and START_API; then it is closed.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a write may stay blocked by a client that does not read; then it is closed.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an untrusted peer is held before the simulator gives up on it (a human would have clicked by then).</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-client cap on one frame: an over-long length is refused before anything is allocated.</summary>
    public int MaxFrameLength { get; set; } = 64 * 1024;

    /// <summary>Connections open at once; a newcomer beyond it is closed.</summary>
    public int MaxConnections { get; set; } = 1024;

    /// <summary>A file to write the JSON-lines trace of every request and reply to (docs/simulator.md, "Trace"); null for none.</summary>
    public string? TracePath { get; set; }

    /// <summary>Faults to play once started, each at its time after the start (a scenario file's [Faults]).</summary>
    public IList<SimulatorFault> Faults { get; set; } = new List<SimulatorFault>();

    /// <summary>How many of the latest events the log keeps.</summary>
    public int EventLogCapacity { get; set; } = 1000;

    /// <summary>The accounts actually served: <see cref="Accounts"/>, or the default paper account.</summary>
    public IReadOnlyList<SimulatedAccount> EffectiveAccounts =>
        Accounts.Count > 0 ? Accounts.ToArray() : new[] { new SimulatedAccount(DefaultAccountId) };

    /// <summary>The account served when none is given: the seed guide's paper account.</summary>
    public const string DefaultAccountId = "DU123456";

    /// <summary>Serves exactly these accounts, keeping the values of those already known and the positions that belong to them.</summary>
    public GatewaySimulatorOptions UseAccounts(IEnumerable<string> accountIds)
    {
        var ids = accountIds.Select(SimulatedAccount.ValidateId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0) throw SimulatorFailure.NoAccount();
        var known = Accounts.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        Accounts = ids.Select(id => known.TryGetValue(id, out var account) ? account : new SimulatedAccount(id)).ToList();
        Positions = Positions.Where(p => ids.Contains(p.Account, StringComparer.OrdinalIgnoreCase)).ToList();
        return this;
    }

    /// <summary>
    /// A simulator that behaves like a gateway with these API settings (from jts.ini, the profile XML or IBC, as
    /// Get-IbApiSetting reads them): port, API enabled, read-only, trusted IPs, localhost only, master client id, and IBC's
    /// AcceptIncomingConnectionAction for untrusted peers (reject: close, manual: hold, accept: serve). A setting the stores
    /// leave unset keeps IB's default (API on, not read-only, 127.0.0.1 trusted, localhost only, no master, close).
    /// </summary>
    public static GatewaySimulatorOptions FromSettings(IbApiSettings settings)
    {
        var options = new GatewaySimulatorOptions();
        if (settings.SocketPort is int port) options.Port = port;
        options.ApiEnabled = settings.ApiEnabled ?? true;
        options.ReadOnlyApi = settings.ReadOnlyApi ?? false;
        // A trusted list that is present but empty trusts nobody; an absent one keeps the default.
        if (settings.Get(SettingDefinition.TrustedIps.Name) is not null) options.TrustedIps = settings.TrustedIps.ToList();
        options.AllowLocalhostOnly = settings.AllowOnlyLocalhost ?? true;
        // The profile XML writes masterClientID="-1" for none.
        options.MasterClientId = settings.MasterClientId is int master && master >= 0 ? master : null;
        options.UntrustedBehaviour = settings.Get(IbcKeys.AcceptIncomingConnectionAction)?.Text.Trim().ToLowerInvariant() switch
        {
            "manual" => UntrustedBehaviour.Hold,
            "accept" => UntrustedBehaviour.Accept,
            _ => UntrustedBehaviour.Close,
        };
        return options;
    }

    /// <summary>
    /// <see cref="FromSettings"/> on the effective settings of a jts.ini (or the folder holding it), the profile XML beside
    /// it and, when named, IBC's config.ini. Reports the files read and what was odd about them.
    /// </summary>
    public static GatewaySimulatorOptions FromSettingsFiles(string jtsIniOrFolder, string? ibcConfigPath, out IReadOnlyList<string> sources, out IReadOnlyList<string> warnings)
    {
        var jtsIni = System.IO.Directory.Exists(jtsIniOrFolder) ? System.IO.Path.Combine(jtsIniOrFolder, "jts.ini") : jtsIniOrFolder;
        // Only the named IBC file: the simulator must not depend on whatever IBC set-up this machine has.
        var stores = SettingsStoreSet.Open(jtsIni, null, ibcConfigPath, Array.Empty<string>());
        var settings = stores.Effective();
        sources = stores.Stores.Select(s => s.Path).ToArray();
        warnings = stores.Warnings.Concat(settings.Warnings).Select(w => $"{jtsIni}: {w.Message}").ToArray();
        return FromSettings(settings);
    }

    /// <summary>Takes the accounts and positions of a data file.</summary>
    public GatewaySimulatorOptions UseData(SimulatorData data)
    {
        Accounts = data.Accounts.ToList();
        Positions = data.Positions.ToList();
        Contracts = data.Contracts.ToList();
        FillRules = data.FillRules.ToList();
        Bars = data.Bars.ToList();
        return this;
    }

    /// <summary>Plays a scenario's faults once started.</summary>
    public GatewaySimulatorOptions UseScenario(SimulatorScenario scenario)
    {
        Faults = scenario.Faults.ToList();
        return this;
    }

    /// <summary>Checks every value and returns the trusted addresses parsed; throws <see cref="IbConfigException"/> with a fix.</summary>
    public IReadOnlyList<IPAddress> Validate()
    {
        if (Port is < 0 or > 65535) throw Invalid("SimulatorInvalidPort", $"Port {Port} is outside 0..65535 (0 lets the OS choose).", Port);
        if (MaxServerVersion is < LowestServerVersion or > HighestServerVersion)
            throw Invalid("SimulatorInvalidServerVersion", $"MaxServerVersion {MaxServerVersion} is outside {LowestServerVersion}..{HighestServerVersion}.", MaxServerVersion);
        if (MasterClientId is < 0) throw Invalid("SimulatorInvalidMasterClientId", $"Master client id {MasterClientId} is negative; leave it unset for none.", MasterClientId);
        if (NextValidOrderId < 0) throw Invalid("SimulatorInvalidOrderId", $"NextValidOrderId {NextValidOrderId} is negative.", NextValidOrderId);
        if (MaxFrameLength is < 256 or > FrameCap) throw Invalid("SimulatorInvalidFrameCap", $"MaxFrameLength {MaxFrameLength} is outside 256..{FrameCap}.", MaxFrameLength);
        if (MaxConnections < 1) throw Invalid("SimulatorInvalidConnectionLimit", "MaxConnections must be at least 1.", MaxConnections);
        if (EventLogCapacity < 1) throw Invalid("SimulatorInvalidEventLogCapacity", "EventLogCapacity must be at least 1.", EventLogCapacity);
        foreach (var (name, value) in new[] { ("HandshakeTimeout", HandshakeTimeout), ("WriteTimeout", WriteTimeout), ("HoldTimeout", HoldTimeout) })
            if (value <= TimeSpan.Zero) throw Invalid("SimulatorInvalidTimeout", $"{name} must be positive.", value);
        foreach (var fault in Faults) fault.Validate();
        if (double.IsNaN(ReplaySpeed) || ReplaySpeed is < 0 or > MaxReplaySpeed)
            throw SimulatorFailure.InvalidReplaySpeed(ReplaySpeed, MaxReplaySpeed);
        foreach (var series in Bars)
        {
            if (!Contracts.Any(c => c.ConId == series.ConId))
                throw SimulatorFailure.BarsWithoutContract(series.ConId);
            if (Bars.Count(b => b.ConId == series.ConId) > 1)
                throw SimulatorFailure.DuplicateBars(series.ConId);
        }
        var accounts = EffectiveAccounts.Select(a => a.Id).ToList();
        var orphan = Positions.FirstOrDefault(p => !accounts.Contains(p.Account, StringComparer.OrdinalIgnoreCase));
        if (orphan is not null)
            throw Invalid("SimulatorPositionWithoutAccount", $"Position {orphan} belongs to account {orphan.Account}, which the simulator does not manage ({string.Join(",", accounts)}).", orphan);
        var trusted = new List<IPAddress>();
        foreach (var text in TrustedIps)
        {
            if (!IPAddress.TryParse((text ?? "").Trim(), out var ip))
                throw Invalid("SimulatorInvalidTrustedIp", $"Trusted IP '{text}' is not an IP address; IB accepts exact addresses only (no ranges or host names).", text);
            trusted.Add(ip);
        }
        return trusted;
    }

    /// <summary>Where the replay starts: <see cref="ReplayStart"/>, or the first bar of the last day (UTC date) any series has.</summary>
    internal DateTimeOffset EffectiveReplayStart()
    {
        if (ReplayStart is DateTimeOffset start) return start;
        var lastDay = Bars.Max(s => s.Bars[s.Bars.Count - 1].Time.UtcDateTime.Date);
        return Bars.SelectMany(s => s.Bars).Where(b => b.Time.UtcDateTime.Date == lastDay).Min(b => b.Time);
    }

    /// <summary>Well below @stoqey/ib's 16 MiB: no request the simulator serves comes near it.</summary>
    private const int FrameCap = 4 * 1024 * 1024;

    private static IbConfigException Invalid(string id, string message, object? target) => new(id, IbErrorKind.InvalidArgument, message, target);
}
