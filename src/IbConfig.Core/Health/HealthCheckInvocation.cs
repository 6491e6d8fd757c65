using System.Collections.Generic;
using System.Globalization;
using IbConfig.Core.Settings;
using IbConfig.Core.Text;

namespace IbConfig.Core.Health;

/// <summary>
/// The arguments of one scheduled <c>Invoke-IbHealthCheck</c> run, rendered as the PowerShell text a scheduler executes.
/// It always runs the staged probe (the checklist and the API handshake), never a bare TCP check: a socat relay in front of a
/// logged-out gateway accepts TCP connections all the same.
/// </summary>
public sealed class HealthCheckInvocation
{
    /// <summary>What <c>Import-Module</c> loads: the module name, or a manifest path when the scheduler's account may not see the module.</summary>
    public string Module { get; init; } = "IbConfig";

    public string? ComputerName { get; init; }

    public int? Port { get; init; }

    public int? ClientId { get; init; }

    public TradingMode? TradingMode { get; init; }

    /// <summary>The settings folder or jts.ini to check.</summary>
    public string? Path { get; init; }

    /// <summary>The profile folder or file to check (<c>-Profile</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>IBC's config.ini to check (<c>-IbcConfigPath</c>).</summary>
    public string? IbcConfigPath { get; init; }

    public string? LogPath { get; init; }

    public HealthCheckLogFormat? Format { get; init; }

    public bool Repair { get; init; }

    /// <summary>The Prometheus textfile each run replaces (Invoke-IbHealthCheck -MetricsPath).</summary>
    public string? MetricsPath { get; init; }

    /// <summary>The baseline each run compares with (the Drift check).</summary>
    public string? Baseline { get; init; }

    /// <summary>The <c>Invoke-IbHealthCheck ... -Quiet</c> command with every argument quoted for PowerShell.</summary>
    public string HealthCheckCommand()
    {
        var parts = new List<string> { "Invoke-IbHealthCheck" };
        if (Path is not null) parts.Add("-Path " + CommandLineQuote.PowerShell(Path));
        if (Profile is not null) parts.Add("-Profile " + CommandLineQuote.PowerShell(Profile));
        if (IbcConfigPath is not null) parts.Add("-IbcConfigPath " + CommandLineQuote.PowerShell(IbcConfigPath));
        if (ComputerName is not null) parts.Add("-ComputerName " + CommandLineQuote.PowerShell(ComputerName));
        if (Port is { } port) parts.Add("-Port " + port.ToString(CultureInfo.InvariantCulture));
        if (ClientId is { } clientId) parts.Add("-ClientId " + clientId.ToString(CultureInfo.InvariantCulture));
        if (TradingMode is { } mode) parts.Add("-TradingMode " + mode);
        if (LogPath is not null) parts.Add("-LogPath " + CommandLineQuote.PowerShell(LogPath));
        if (Format is { } format) parts.Add("-Format " + format);
        if (Baseline is not null) parts.Add("-Baseline " + CommandLineQuote.PowerShell(Baseline));
        if (MetricsPath is not null) parts.Add("-MetricsPath " + CommandLineQuote.PowerShell(MetricsPath));
        if (Repair) parts.Add("-Repair");
        parts.Add("-Quiet");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// The whole script: import, run, and end the process with the check's exit code (0 pass, 1 warnings, 2 failure,
    /// 3 could not run). <paramref name="exitExpression"/> replaces <c>$LASTEXITCODE</c> where the runner needs another mapping.
    /// </summary>
    public string Script(string exitExpression = "$LASTEXITCODE") =>
        $"Import-Module {ModuleArgument()}; {HealthCheckCommand()}; exit {exitExpression}";

    private string ModuleArgument() => Module == "IbConfig" ? Module : CommandLineQuote.PowerShell(Module);
}
