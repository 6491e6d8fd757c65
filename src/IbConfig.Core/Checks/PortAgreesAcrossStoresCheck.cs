using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// jts.ini, the profile XML and IBC's config.ini agree on the API port. They disagree in real life (IBC's
/// OverrideTwsApiPort wins at every start), and a bot configured from the file it can see connects to the wrong port.
/// </summary>
public sealed class PortAgreesAcrossStoresCheck : IbCheck
{
    public override string Id => IbCheckId.PortAgreesAcrossStores;

    public override string Name => "Port agrees across the settings stores";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "one port in every store that sets it";
        var settings = context.Settings;
        if (settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var conflict = settings.Conflicts.FirstOrDefault(c => c.Setting == SettingDefinition.SocketPort.Name);
        var value = settings.Get(SettingDefinition.SocketPort.Name);
        if (conflict is null)
        {
            var stores = 1 + (value?.Overridden.Length ?? 0);
            return new[]
            {
                value is null ? Skip(expected, "No store sets the port.") : Pass(expected, $"{value.DisplayValue} ({stores} place(s))", SourceOf(value, context)),
            };
        }
        return new[]
        {
            Fail(expected, $"{string.Join(", ", conflict.Values.Select(v => $"{v.Store} {v.Value}"))}: {conflict.EffectiveStore} counts ({conflict.Reason})",
                // Every store that disagrees holds a value, so it decides the port: the default target reaches them all.
                SourceOf(conflict.Effective, context), SettingsFix.Set(new SettingRequest(SettingDefinition.SocketPort, conflict.EffectiveValue)), context),
        };
    }
}
