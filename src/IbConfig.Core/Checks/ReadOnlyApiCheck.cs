using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>Read-Only API is as asked: off for a trading bot (the guide's recommendation), on when -ReadOnlyApi $true asks for it.</summary>
public sealed class ReadOnlyApiCheck : IbCheck
{
    public override string Id => IbCheckId.ReadOnlyApi;

    public override string Name => "Read-Only API as intended";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        var asked = context.Request.ReadOnly;
        var want = asked ?? false;
        var expected = want ? "true (read-only, as asked)" : "false (orders allowed)";
        var value = context.Settings?.Get("ReadOnlyApi");
        var fix = SettingsFix.Set(SettingDefinition.ReadOnlyApi, want);
        var actual = context.Settings?.ReadOnlyApi;
        if (actual is null) return new[] { NotSet(context, expected, "ReadOnlyApi", fix) };
        if (actual == want) return new[] { Pass(expected, actual.Value ? "true" : "false", SourceOf(value, context)) };
        var text = actual.Value ? "true: the API refuses orders (error 321)" : "false: API clients can place orders";
        // Asked explicitly: a mismatch fails. Not asked: read-only on a trading bot is only a warning.
        return new[] { asked is null ? Warn(expected, text, SourceOf(value, context), fix, context) : Fail(expected, text, SourceOf(value, context), fix, context) };
    }
}
