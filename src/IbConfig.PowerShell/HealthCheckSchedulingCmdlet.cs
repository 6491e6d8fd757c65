using System;
using System.Management.Automation;
using IbConfig.Core.Health;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell;

/// <summary>
/// The parameters shared by the cmdlets that schedule Invoke-IbHealthCheck (Get-IbHealthCheckCommand, Register-IbHealthCheckTask):
/// how often, and the arguments the scheduled run passes on.
/// </summary>
public abstract class HealthCheckSchedulingCmdlet : IbCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public TimeSpan Every { get; set; } = HealthCheckCommandLine.DefaultInterval;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The profile folder (or its ibg.xml / tws.xml) the scheduled check reads, as Get-IbApiSetting takes it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfilePath")]
    [AllowNull, AllowEmptyString]
    public string? Profile { get; set; }

    /// <summary>IBC's config.ini the scheduled check reads, as Get-IbApiSetting takes it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? IbcConfigPath { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ComputerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? ClientId { get; set; }

    [Parameter]
    public TradingMode? TradingMode { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogPath { get; set; }

    [Parameter]
    public HealthCheckLogFormat? Format { get; set; }

    [Parameter]
    public SwitchParameter Repair { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MetricsPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PowerShellPath { get; set; }

    /// <summary>The scheduled run's arguments; paths are made absolute, since a scheduler starts in another folder.</summary>
    protected HealthCheckInvocation Invocation(string module, string? defaultLogPath = null) => new()
    {
        Module = module,
        Path = Path is null ? null : GetUnresolvedProviderPathFromPSPath(Path),
        Profile = string.IsNullOrEmpty(Profile) ? null : GetUnresolvedProviderPathFromPSPath(Profile),
        IbcConfigPath = string.IsNullOrEmpty(IbcConfigPath) ? null : GetUnresolvedProviderPathFromPSPath(IbcConfigPath),
        ComputerName = ComputerName,
        Port = Port,
        ClientId = ClientId,
        TradingMode = TradingMode,
        LogPath = LogPath is null ? defaultLogPath : GetUnresolvedProviderPathFromPSPath(LogPath),
        Format = Format,
        Repair = Repair.IsPresent,
        MetricsPath = MetricsPath is null ? null : GetUnresolvedProviderPathFromPSPath(MetricsPath),
        Baseline = Baseline is null ? null : GetUnresolvedProviderPathFromPSPath(Baseline),
    };
}
