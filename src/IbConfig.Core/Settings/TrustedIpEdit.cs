using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Settings;

/// <summary>
/// A validated change to the trusted IP list: each bad entry becomes its own error and the rest still apply; unspecified
/// (0.0.0.0, ::) and public addresses need force and always warn (the guide: "only add IPs you control"); 127.0.0.1 is
/// not removed without force. <see cref="ApplyTo"/> applies it to each key's own list, keeping their other entries.
/// </summary>
public sealed class TrustedIpEdit
{
    private readonly List<TrustedIpAddress> _addresses = new();
    private readonly List<string> _rejectedToRemove = new();
    private readonly List<IbConfigException> _errors = new();
    private readonly List<string> _warnings = new();

    private TrustedIpEdit(TrustedIpOperation operation) => Operation = operation;

    public TrustedIpOperation Operation { get; }

    /// <summary>The valid, permitted addresses to add, remove or set (duplicates folded).</summary>
    public IReadOnlyList<TrustedIpAddress> Addresses => _addresses;

    /// <summary>One error per entry that is invalid or not permitted.</summary>
    public IReadOnlyList<IbConfigException> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>False when nothing is left to do (every entry failed).</summary>
    public bool CanApply => _addresses.Count > 0 || _rejectedToRemove.Count > 0;

    /// <param name="current">The list that counts now: used to check that 127.0.0.1 survives.</param>
    public static TrustedIpEdit Create(TrustedIpOperation operation, TrustedIpList current, IEnumerable<string> entries, bool force)
    {
        var edit = new TrustedIpEdit(operation);
        foreach (var entry in entries.SelectMany(e => (e ?? "").Split(',')).Select(e => e.Trim()))
        {
            if (!TrustedIpAddress.TryParse(entry, out var address, out var error))
            {
                if (operation == TrustedIpOperation.Remove && current.Rejected.Any(r => string.Equals(r.Text, entry, System.StringComparison.OrdinalIgnoreCase)))
                {
                    edit._rejectedToRemove.Add(entry);
                    continue;
                }
                edit._errors.Add(SettingFailure.TrustedIpInvalid(entry));
                continue;
            }
            if (edit._addresses.Contains(address!)) continue;
            if (operation != TrustedIpOperation.Remove && address!.NeedsForce)
            {
                edit._warnings.Add(Danger(address));
                if (!force)
                {
                    edit._errors.Add(SettingFailure.TrustedIpNeedsForce(address, Danger(address)));
                    continue;
                }
            }
            if (operation == TrustedIpOperation.Remove && address!.Equals(TrustedIpAddress.Loopback) && !force)
            {
                edit._errors.Add(SettingFailure.LoopbackRemovalRefused("Removing 127.0.0.1"));
                continue;
            }
            edit._addresses.Add(address!);
        }

        if (operation == TrustedIpOperation.Replace && edit._addresses.Count > 0
            && current.Contains(TrustedIpAddress.Loopback) && !edit._addresses.Contains(TrustedIpAddress.Loopback) && !force)
        {
            edit._errors.Add(SettingFailure.LoopbackRemovalRefused("This list leaves out 127.0.0.1, which"));
            edit._addresses.Clear();
        }
        return edit;
    }

    /// <summary>The list after this edit. Removing an address a list does not hold, or adding one it holds, changes nothing.</summary>
    public TrustedIpList ApplyTo(TrustedIpList list) => Operation switch
    {
        TrustedIpOperation.Add => list.Add(_addresses),
        TrustedIpOperation.Remove => _rejectedToRemove.Aggregate(list.Remove(_addresses), (l, text) => l.RemoveRejected(text)),
        _ => TrustedIpList.Of(_addresses),
    };

    private static string Danger(TrustedIpAddress address) => address.Kind == TrustedIpKind.Unspecified
        ? $"{address.Address} means any address: it would let every client that can reach the API port connect without a prompt."
        : $"{address.Address} is a public Internet address: whoever uses it could place orders through your API. Only add IPs you control.";
}
