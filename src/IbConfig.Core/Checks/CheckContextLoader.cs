using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Baseline;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>
/// Gathers the facts the checklist needs, once, by reusing the rest of IbConfig: the settings stores and their resolver,
/// discovery, the process finder, the listener lookup and the staged connection check. Everything machine-specific comes
/// in through the constructor.
/// </summary>
public sealed class CheckContextLoader
{
    /// <summary>How long the live API check may take.</summary>
    public static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(10);

    private readonly ConfigLocator _locator;
    private readonly IReadOnlyList<string> _ibcCandidates;
    private readonly Func<GatewayProcessFinder> _processes;
    private readonly PortListenerLookup _listeners;
    private readonly ConnectionVerifier _verifier;
    private readonly Func<DateTimeOffset> _clock;

    public CheckContextLoader(ConfigLocator locator, IReadOnlyList<string> ibcCandidates, Func<GatewayProcessFinder> processes, PortListenerLookup listeners,
        ConnectionVerifier verifier, Func<DateTimeOffset> clock)
    {
        _locator = locator ?? throw new ArgumentNullException(nameof(locator));
        _ibcCandidates = ibcCandidates ?? throw new ArgumentNullException(nameof(ibcCandidates));
        _processes = processes ?? throw new ArgumentNullException(nameof(processes));
        _listeners = listeners ?? throw new ArgumentNullException(nameof(listeners));
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// The facts that need no API connection. Throws <see cref="IbConfigException"/> <c>ConfigNotFound</c> when there is
    /// nothing to check (no settings file and no port), and the stores' errors for a file they cannot read.
    /// </summary>
    public CheckContext Load(CheckRequest request, FileAccessInspector files)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (files is null) throw new ArgumentNullException(nameof(files));
        var context = new CheckContext(request, _clock());
        var local = context.TargetIsLocal;
        context.Processes = local ? _processes().Find() : null;

        // A remote gateway's settings are on its machine: read files only when -Path names them.
        if (!local && request.Port is null && request.SettingsPath is null && request.ProfilePath is null && request.IbcConfigPath is null)
        {
            throw NetworkFailure.PortRequiredForRemote(request.ComputerName);
        }
        var path = local || request.SettingsPath is not null ? SettingsFile(request, context.Processes) : null;
        if (path is not null || request.ProfilePath is not null || request.IbcConfigPath is not null)
        {
            var stores = SettingsStoreSet.Open(path, request.ProfilePath, request.IbcConfigPath, local ? _ibcCandidates : Array.Empty<string>());
            context.SettingsPath = path;
            context.Settings = stores.Effective();
            context.ProfilePath = stores.Profile?.Path;
            if (path is not null) context.SettingsFileAccess = files.Inspect(path);
            context.IbcConfigPath = stores.Ibc?.Path;
            if (stores.Ibc is not null) context.IbcFileAccess = files.Inspect(stores.Ibc.Path);
        }
        else if (local && request.Port is null)
        {
            throw StoreFailure.NothingToCheck(_locator.SearchedLocations);
        }

        if (request.BaselinePath is { } baseline) context.Baseline = IbApiBaseline.Load(baseline);
        context.Port = request.Port ?? context.Settings?.SocketPort;
        context.PortSource = request.Port is not null ? "-Port"
            : context.Settings?.Get(SettingDefinition.SocketPort.Name)?.Source is { } source ? $"{source.Path}:{source.LineNumber}" : string.Empty;
        if (local)
        {
            context.Instances = Instances(context);
            if (context.Port is { } port && !request.Offline) context.Listeners = _listeners.Find(port);
        }
        return context;
    }

    /// <summary>The live API check (skipped with -Offline or without a port): sets <see cref="CheckContext.Connection"/>.</summary>
    public async Task ProbeAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (context.Request.Offline || context.Port is not { } port) return;
        context.Connection = await _verifier.VerifyAsync(new IbConnectionRequest
        {
            ComputerName = context.Request.ComputerName,
            Port = port,
            ClientId = context.Request.ClientId,
            Timeout = ConnectionTimeout,
            SkipAccountData = true, // the checklist needs the handshake, accounts and clock, not positions
            ExpectTradingMode = context.Request.TradingMode,
        }, cancellationToken).ConfigureAwait(false);
    }

    // -Path (a file or its folder), else the folder a running gateway names on its command line, else the first jts.ini found.
    private string? SettingsFile(CheckRequest request, IReadOnlyList<GatewayProcessInfo>? processes)
    {
        if (request.SettingsPath is { } asked)
        {
            var file = Directory.Exists(asked) ? Path.Combine(asked, ConfigLocator.FileName) : asked;
            if (!File.Exists(file))
                throw StoreFailure.SettingsFileNotFound(file);
            return file;
        }
        var running = processes?
            .Where(p => p.SettingsDirectorySourceValue == SettingsDirectorySource.CommandLine && p.SettingsDirectory is not null)
            .Select(p => Path.Combine(p.SettingsDirectory!, ConfigLocator.FileName))
            .FirstOrDefault(File.Exists);
        return running ?? _locator.FindFirstExisting();
    }

    // One set-up per settings root (its own jts.ini, else the newest beside a gateway version: older version folders are
    // leftovers, not gateways), plus the one being checked with its IBC command server, each with its effective API port.
    private IReadOnlyList<GatewayInstance> Instances(CheckContext context)
    {
        var instances = new List<GatewayInstance>();
        if (context.SettingsPath is { } checkedFile)
        {
            var commandServer = context.Settings?.Get(IbcKeys.CommandServerPort)?.TypedValue as int?;
            instances.Add(new GatewayInstance(Path.GetDirectoryName(checkedFile) ?? checkedFile, context.Settings?.SocketPort, commandServer, checkedFile));
        }
        foreach (var file in _locator.FindConfigs().GroupBy(c => c.Root).Select(g => g.First().Path))
        {
            if (context.SettingsPath is not null && Files.FileSystemPath.AreSame(file, context.SettingsPath)) continue;
            int? port;
            try
            {
                port = SettingsStoreSet.Open(file, null, null, Array.Empty<string>()).Effective().SocketPort;
            }
            catch (IbConfigException)
            {
                port = null; // unreadable: still a set-up whose folder counts
            }
            instances.Add(new GatewayInstance(Path.GetDirectoryName(file) ?? file, port, null, file));
        }
        return instances;
    }
}
