using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IbConfig.Core.Checks;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell;

/// <summary>
/// The parameters and the run shared by Test-IbApiConfiguration, Invoke-IbHealthCheck and Repair-IbApiConfiguration: what
/// to check (the stores, with the same -Profile and -IbcConfigPath as every store cmdlet) and the expectations to hold it
/// to; Core's CheckContextLoader gathers the facts and the checklist judges them.
/// </summary>
public abstract class IbChecklistCmdlet : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = "127.0.0.1";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int ClientId { get; set; } = CheckRequest.DefaultHealthClientId;

    [Parameter]
    public TradingMode? TradingMode { get; set; }

    [Parameter]
    public bool? ReadOnlyApi { get; set; }

    [Parameter]
    public SwitchParameter Offline { get; set; }

    /// <summary>A baseline file (Export-IbApiBaseline): adds the Drift check.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BaselinePath")]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    protected CheckRequest Request() => new()
    {
        ComputerName = ComputerName,
        SettingsPath = Path is null ? null : ResolveFileSystemPath(Path),
        ProfilePath = string.IsNullOrEmpty(Profile) ? null : ResolveFileSystemPath(Profile!),
        IbcConfigPath = string.IsNullOrEmpty(IbcConfigPath) ? null : ResolveFileSystemPath(IbcConfigPath!),
        Port = Port,
        ClientId = ClientId,
        TradingMode = TradingMode,
        ReadOnly = ReadOnlyApi,
        Offline = Offline.IsPresent,
        BaselinePath = Baseline is null ? null : ResolveFileSystemPath(Baseline),
    };

    /// <summary>Gathers the facts and runs every check; Core errors (nothing to check) propagate as IbConfigException.</summary>
    protected (CheckContext Context, IReadOnlyList<IbCheckResult> Results) RunChecklist()
    {
        var request = Request();
        WriteVerbose($"Checking {request.ComputerName}{(request.Port is { } p ? ":" + p : string.Empty)}{(request.Offline ? " offline" : string.Empty)}.");
        var loader = Machine.CheckLoader();
        var context = loader.Load(request, new FileAccessInspector(ReadWindowsAcl));
        if (context.Settings is not null)
            WriteVerbose($"Settings: '{context.SettingsPath}'{(context.ProfilePath is null ? string.Empty : $", profile: '{context.ProfilePath}'")}{(context.IbcConfigPath is null ? string.Empty : $", IBC: '{context.IbcConfigPath}'")}.");
        if (!request.Offline && context.Port is { } port) WriteVerbose($"Checking the API on {request.ComputerName}:{port} with client id {request.ClientId}.");
        RunSync(ct => loader.ProbeAsync(context, ct));
        foreach (var line in context.Connection?.DescribeStages() ?? Array.Empty<string>()) WriteVerbose(line);
        var results = CheckRunner.Run(Checklist.All, context);
        return (context, results);
    }

    /// <summary>Windows ACLs through Get-Acl (netstandard2.0 cannot read them); null when Get-Acl fails.</summary>
    private IReadOnlyList<FileAccessRule>? ReadWindowsAcl(string path)
    {
        try
        {
            var rules = InvokeCommand.InvokeScript("param($p) (Get-Acl -LiteralPath $p).Access", true, PipelineResultTypes.Output, null, path);
            return rules.Select(rule => new FileAccessRule(
                rule.Properties["IdentityReference"]?.Value?.ToString() ?? string.Empty,
                rule.Properties["FileSystemRights"]?.Value?.ToString() ?? string.Empty,
                string.Equals(rule.Properties["AccessControlType"]?.Value?.ToString(), "Allow", StringComparison.OrdinalIgnoreCase))).ToList();
        }
        catch (RuntimeException ex)
        {
            WriteVerbose($"Get-Acl '{path}' failed: {ex.Message}");
            return null;
        }
    }
}
