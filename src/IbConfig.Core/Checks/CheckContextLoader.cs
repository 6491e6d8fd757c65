using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// Gathers the facts the checklist needs, once, by reusing the other parts of IbConfig: the settings model, discovery,
/// the process finder and the listener lookup. Everything machine-specific comes in through the constructor.
/// </summary>
public sealed class CheckContextLoader
{
    private readonly ConfigLocator _locator;
    private readonly Func<GatewayProcessFinder> _processes;
    private readonly PortListenerLookup _listeners;
    private readonly Func<DateTimeOffset> _clock;

    public CheckContextLoader(ConfigLocator locator, Func<GatewayProcessFinder> processes, PortListenerLookup listeners, Func<DateTimeOffset> clock)
    {
        _locator = locator ?? throw new ArgumentNullException(nameof(locator));
        _processes = processes ?? throw new ArgumentNullException(nameof(processes));
        _listeners = listeners ?? throw new ArgumentNullException(nameof(listeners));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>This machine: its settings roots, <see cref="GatewayProcessFinder.Default"/> (the documented process seam), its socket table, its clock.</summary>
    public static CheckContextLoader ForThisMachine() =>
        new(ConfigLocator.ForThisMachine(), () => GatewayProcessFinder.Default, new PortListenerLookup(), () => DateTimeOffset.Now);

    /// <summary>
    /// The facts that need no API connection. Throws <see cref="IbConfigException"/> <c>ConfigNotFound</c> when there is
    /// nothing to check (no settings file and no port), and the settings model's errors for a file it cannot read.
    /// </summary>
    public CheckContext Load(CheckRequest request, FileAccessInspector files)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (files is null) throw new ArgumentNullException(nameof(files));
        var context = new CheckContext(request, _clock());
        var local = context.TargetIsLocal;
        context.Processes = local ? _processes().Find() : null;

        var path = SettingsFile(request, context.Processes);
        if (path is not null)
        {
            context.SettingsPath = path;
            context.Settings = JtsIniSettings.Load(path).Read();
            context.SettingsFileAccess = files.Inspect(path);
        }
        else if (local && request.Port is null)
        {
            throw new IbConfigException("ConfigNotFound", IbErrorKind.ObjectNotFound,
                "No jts.ini was found and no -Port was given, so there is nothing to check. Looked in: " + string.Join(", ", _locator.SearchedLocations) +
                ". Pass -Path (the settings folder or jts.ini) or -Port.", null);
        }

        context.Port = request.Port ?? context.Settings?.SocketPort;
        context.PortSource = request.Port is not null ? "-Port"
            : context.Settings?.Get(SettingDefinition.SocketPort.Name)?.Source is { } source ? $"{source.Path}:{source.LineNumber}" : string.Empty;
        if (local)
        {
            context.Instances = Instances(path);
            if (context.Port is { } port && !request.Offline) context.Listeners = _listeners.Find(port);
        }
        return context;
    }

    // -Path (a file or its folder), else the folder a running gateway names on its command line, else the first jts.ini found.
    private string? SettingsFile(CheckRequest request, IReadOnlyList<GatewayProcessInfo>? processes)
    {
        if (request.SettingsPath is { } asked)
        {
            var file = Directory.Exists(asked) ? Path.Combine(asked, ConfigLocator.FileName) : asked;
            if (!File.Exists(file))
                throw new IbConfigException("ConfigNotFound", IbErrorKind.ObjectNotFound, $"There is no settings file at '{file}'. Pass the settings folder or its jts.ini.", file);
            return file;
        }
        var running = processes?
            .Where(p => p.SettingsDirectorySource == SettingsDirectorySource.CommandLine && p.SettingsDirectory is not null)
            .Select(p => Path.Combine(p.SettingsDirectory!, ConfigLocator.FileName))
            .FirstOrDefault(File.Exists);
        return running ?? _locator.FindFirstExisting();
    }

    // One set-up per settings root (its own jts.ini, else the newest beside a gateway version: older version folders are
    // leftovers, not gateways), plus the one being checked, each with its API port where the file says it.
    private IReadOnlyList<GatewayInstance> Instances(string? checkedFile)
    {
        var files = _locator.FindConfigs().GroupBy(c => c.Root).Select(g => g.First().Path).ToList();
        if (checkedFile is not null && !files.Any(f => Files.FileSystemPath.AreSame(f, checkedFile))) files.Insert(0, checkedFile);
        var instances = new List<GatewayInstance>();
        foreach (var file in files)
        {
            int? port;
            try
            {
                port = JtsIniSettings.Load(file).Read().SocketPort;
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
