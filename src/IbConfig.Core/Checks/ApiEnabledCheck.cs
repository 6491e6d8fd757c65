using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>The guide's first box: "Enable ActiveX and Socket Clients" — without it every API connection fails.</summary>
public sealed class ApiEnabledCheck : IbCheck
{
    public override string Id => IbCheckId.ApiEnabled;

    public override string Name => "API enabled (ActiveX and Socket Clients)";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "true";
        var value = context.Settings?.Get("ApiEnabled");
        var fix = SettingsFix.Set(SettingDefinition.ApiEnabled, true);
        return new[]
        {
            context.Settings?.ApiEnabled switch
            {
                true => Pass(expected, "true", SourceOf(value, context)),
                false => Fail(expected, "false: every API connection fails", SourceOf(value, context), fix, context),
                // The stores do not say, but a gateway that completed the API handshake has the API enabled.
                null when context.Connection?.ServerVersion is not null => Pass(expected, "true (the API handshake succeeded)", "live"),
                null => NotSet(context, expected, "ApiEnabled", fix),
            },
        };
    }
}
