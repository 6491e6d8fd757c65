using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using IbConfig.Core.Discovery;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Find-IbConfig: the settings files IB uses on this machine (and which exist) with the profile files beside each
/// (readable or encrypted), IBC's config.ini, and the installed gateway/TWS versions.
/// </summary>
[Cmdlet(VerbsCommon.Find, "IbConfig")]
[OutputType(typeof(IbConfigLocation), typeof(IbInstallation))]
public sealed class FindIbConfigCommand : IbCmdlet
{
    /// <summary>Settings roots (Jts folders) to search instead of this machine's usual ones.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Root { get; set; }

    [Parameter]
    public SwitchParameter IncludeMissing { get; set; }

    protected override void ProcessRecord()
    {
        var roots = Root is null ? null : ExistingRoots(Root);
        if (roots is { Length: 0 }) return;
        var locator = roots is null ? ConfigLocator.ForThisMachine() : new ConfigLocator(roots);
        WriteVerbose("Looking in: " + string.Join(", ", locator.SearchedLocations));

        foreach (var location in locator.FindConfigs(IncludeMissing))
        {
            if (location.Problem is not null) WriteWarning($"'{location.Path}' exists but could not be read: {location.Problem}");
            WriteObject(location);
            foreach (var profile in StoreLocations.Profiles(location))
            {
                if (profile.Problem is not null) WriteWarning(profile.Problem);
                WriteObject(profile);
            }
        }
        var ibcCandidates = IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows));
        foreach (var ibc in StoreLocations.IbcConfigs(ibcCandidates, IncludeMissing)) WriteObject(ibc);
        foreach (var installation in locator.FindInstallations()) WriteObject(installation);
    }

    /// <summary>The roots as file-system paths; a root that is not a folder is a non-terminating error (silence would read as "nothing there").</summary>
    private string[] ExistingRoots(string[] roots)
    {
        var resolved = new List<string>();
        foreach (var root in roots)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(root);
            if (Directory.Exists(path)) resolved.Add(path);
            else WriteIbError(ConfigLocator.RootNotFound(path));
        }
        return resolved.ToArray();
    }
}
