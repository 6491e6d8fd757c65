using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Baseline;
using IbConfig.Core.Settings;
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
        return drifts.Select(d => Drifted(d, context)).ToArray();
    }

    // The fix puts the baseline's value back where the gateway reads it, so the repair and the remedy are one change.
    private IbCheckResult Drifted(IbApiDrift drift, CheckContext context)
    {
        string expected = $"{drift.Setting} = '{drift.Expected}'", actual = $"{drift.Setting} = '{drift.Actual}' ({drift.Kind})";
        var source = drift.File + (drift.Line is { } line ? ":" + line : string.Empty);
        if (IbApiBaseline.IsTrustedIps(drift.Setting))
            return Fail(expected, actual, source, drift.KindValue == IbApiDriftKind.Added
                ? SettingsFix.TrustedIps(TrustedIpOperation.Remove, new[] { drift.Actual })
                : SettingsFix.TrustedIps(TrustedIpOperation.Add, new[] { drift.Expected }), context);
        var definition = SettingDefinition.All.FirstOrDefault(d => d.IsWritable && string.Equals(d.Name, drift.Setting, StringComparison.OrdinalIgnoreCase));
        if (definition is not null && drift.Expected.Length > 0)
            return Fail(expected, actual, source, SettingsFix.Set(new SettingRequest(definition, drift.Expected)), context);
        var path = context.SettingsPath is { } settings ? " -Path " + CommandLineQuote.PowerShell(settings) : string.Empty;
        return Fail(expected, actual, source, $"Compare-IbApiConfiguration{path} -Baseline {CommandLineQuote.PowerShell(context.Baseline!.BaselinePath ?? string.Empty)}");
    }
}
