using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>The master API client id is 0 (any client) or 1-9999, as the guide allows; unset means IB's default.</summary>
public sealed class MasterClientIdCheck : IbCheck
{
    public override string Id => IbCheckId.MasterClientId;

    public override string Name => "Master API client id valid";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "0 (any client) or 1-9999";
        var value = context.Settings?.Get("MasterClientId");
        if (context.Settings is null) return new[] { Skip(expected, "No settings file was read.") };
        if (value is null) return new[] { Pass(expected, "not set (IB's default: no master client)", context.SettingsPath ?? string.Empty) };
        if (!value.IsValid) return new[] { Fail(expected, $"'{value.Text}': {value.Problem}", SourceOf(value, context), SettingsFix.Set(SettingDefinition.MasterClientId, 0), context) };
        var actual = context.Settings.MasterClientId == context.Request.ClientId
            ? $"{value.DisplayValue} (the health check's own client id: it will see every order)"
            : value.DisplayValue;
        return new[] { Pass(expected, actual, SourceOf(value, context)) };
    }
}
