using System.Collections.Generic;
using System.Management.Automation;
using IbConfig.Core.Checks;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell;

/// <summary>
/// The parameters and the run shared by Test-IbApiConfiguration and Invoke-IbHealthCheck: what to check and the
/// expectations to hold it to; the facts are gathered by Core's CheckContextLoader and judged by the checklist.
/// </summary>
public abstract class IbChecklistCmdlet : IbCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

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

    protected CheckRequest Request() => new()
    {
        ComputerName = ComputerName,
        Port = Port,
        ClientId = ClientId,
        TradingMode = TradingMode,
        ReadOnly = ReadOnlyApi,
        Offline = Offline.IsPresent,
    };

    /// <summary>Gathers the facts and runs every check; Core errors (nothing to check) propagate as IbConfigException.</summary>
    protected (CheckContext Context, IReadOnlyList<IbCheckResult> Results) RunChecklist()
    {
        var request = Request();
        WriteVerbose($"Checking {request.ComputerName}{(request.Port is { } p ? ":" + p : string.Empty)}{(request.Offline ? " offline" : string.Empty)}.");
        var context = RunSync(ct => CheckContextLoader.Default.LoadAsync(request, ct));
        var results = CheckRunner.Run(Checklist.All, context);
        return (context, results);
    }
}
