using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>A box the guide recommends ticking for a trading bot: off (or unknown) is a warning, not a failure.</summary>
public sealed class RecommendedFlagCheck : IbCheck
{
    private readonly string _setting;
    private readonly string _consequence;

    private RecommendedFlagCheck(string id, string name, string setting, string consequence)
    {
        Id = id;
        Name = name;
        _setting = setting;
        _consequence = consequence;
    }

    /// <summary>"Download open orders on connection": the bot sees its working orders at once.</summary>
    public static RecommendedFlagCheck DownloadOpenOrders { get; } = new(IbCheckId.DownloadOpenOrders, "Download open orders on connection",
        "DownloadOpenOrders", "the bot does not see its working orders when it connects");

    /// <summary>"Allow API account and financial information requests": account summary, positions, P&amp;L.</summary>
    public static RecommendedFlagCheck AccountRequests { get; } = new(IbCheckId.AccountRequests, "Allow API account requests",
        "AllowAccountRequests", "account summary, positions and P&L requests are refused");

    public override string Id { get; }

    public override string Name { get; }

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "true";
        var value = context.Settings?.Get(_setting);
        var fix = SettingsFix.Set(SettingDefinition.Find(_setting)!, true);
        return new[]
        {
            (value?.TypedValue as bool?) switch
            {
                true => Pass(expected, "true", SourceOf(value, context)),
                false => Warn(expected, "false: " + _consequence, SourceOf(value, context), fix, context),
                null => NotSet(context, expected, _setting, fix),
            },
        };
    }
}
