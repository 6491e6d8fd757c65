using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Baseline;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>
/// The settings still match the baseline they were exported to (-Baseline): one failure per drift, with the file and line
/// of the value that drifted. Without -Baseline the check reports nothing at all, so the checklist is unchanged.
/// </summary>
public sealed class DriftCheck : IbCheck
{
    public override string Id => IbCheckId.Drift;

    public override string Name => "Settings match the baseline";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        if (context.Baseline is not { } baseline) return Array.Empty<IbCheckResult>();
        var expected = $"the settings of {baseline.BaselinePath}";
        if (context.Settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var drifts = BaselineComparer.Compare(baseline, context.Settings);
        if (drifts.Count == 0) return new[] { Pass(expected, $"no drift ({baseline})", context.SettingsPath ?? string.Empty) };
        return drifts.Select(d => Fail($"{d.Setting} = '{d.Expected}'", $"{d.Setting} = '{d.Actual}' ({d.Kind})",
            d.File + (d.Line is { } line ? ":" + line : string.Empty), Remedy(d, context))).ToArray();
    }

    private static string Remedy(IbApiDrift drift, CheckContext context)
    {
        if (IbApiBaseline.IsTrustedIps(drift.Setting))
            return drift.Kind == IbApiDriftKind.Added
                ? $"Remove-IbTrustedIp{PathArgument(context)} {CommandLineQuote.PowerShell(drift.Actual)}"
                : $"Add-IbTrustedIp{PathArgument(context)} {CommandLineQuote.PowerShell(drift.Expected)}";
        var writable = Settings.SettingDefinition.All.Any(d => d.IsWritable && string.Equals(d.Name, drift.Setting, StringComparison.OrdinalIgnoreCase));
        return writable && drift.Expected.Length > 0
            ? SetSetting(context, $"-{drift.Setting} {ParameterValue(drift.Expected)}")
            : $"Compare-IbApiConfiguration{PathArgument(context)} -Baseline {CommandLineQuote.PowerShell(context.Baseline!.BaselinePath ?? string.Empty)}";
    }

    // Set-IbApiSetting takes [bool] switches as $true/$false and everything else as text.
    private static string ParameterValue(string value) => value.ToLowerInvariant() switch
    {
        "true" => "$true",
        "false" => "$false",
        _ => CommandLineQuote.PowerShell(value),
    };
}
