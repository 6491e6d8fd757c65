using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// IB's comma-separated trusted IP list (<c>TrustedIPs=127.0.0.1,10.0.0.5</c>): the valid addresses in order with duplicates
/// folded (by normalised form), and the entries that are not addresses. Writing it back keeps each existing entry's own
/// text and keeps entries IbConfig does not understand, so an edit changes only what was asked. Immutable.
/// </summary>
public sealed class TrustedIpList : IReadOnlyList<TrustedIpAddress>
{
    private readonly IReadOnlyList<Entry> _items;

    private TrustedIpList(IReadOnlyList<Entry> items, IReadOnlyList<string> folded)
    {
        _items = items;
        FoldedDuplicates = folded;
        Addresses = items.Where(i => i.Address is not null).Select(i => i.Address!).ToArray();
        Rejected = items.Where(i => i.Rejected is not null).Select(i => i.Rejected!).ToArray();
    }

    public static TrustedIpList Empty { get; } = new(Array.Empty<Entry>(), Array.Empty<string>());

    /// <summary>The valid addresses, in file order, each once.</summary>
    public IReadOnlyList<TrustedIpAddress> Addresses { get; }

    /// <summary>Entries that are not exact IP addresses (IB ignores or refuses them).</summary>
    public IReadOnlyList<RejectedTrustedIp> Rejected { get; }

    /// <summary>Entries dropped because an earlier entry is the same address.</summary>
    public IReadOnlyList<string> FoldedDuplicates { get; }

    public int Count => Addresses.Count;

    public TrustedIpAddress this[int index] => Addresses[index];

    /// <summary>Parses a comma-separated list; empty entries (",,") are ignored. Never fails: bad entries go to <see cref="Rejected"/>.</summary>
    public static TrustedIpList Parse(string? text)
    {
        var items = new List<Entry>();
        var folded = new List<string>();
        foreach (var raw in (text ?? "").Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0) continue;
            if (!TrustedIpAddress.TryParse(entry, out var address, out var error))
            {
                items.Add(new Entry(entry, null, new RejectedTrustedIp(entry, error)));
            }
            else if (items.Any(i => address!.Equals(i.Address)))
            {
                folded.Add(entry);
            }
            else
            {
                items.Add(new Entry(entry, address, null));
            }
        }
        return new TrustedIpList(items, folded);
    }

    /// <summary>A list of exactly these addresses (duplicates folded).</summary>
    public static TrustedIpList Of(IEnumerable<TrustedIpAddress> addresses) => Empty.Add(addresses);

    public bool Contains(TrustedIpAddress address) => Addresses.Contains(address);

    /// <summary>This list with the addresses it does not hold yet appended.</summary>
    public TrustedIpList Add(IEnumerable<TrustedIpAddress> addresses)
    {
        var items = _items.ToList();
        foreach (var address in addresses)
        {
            if (!items.Any(i => address.Equals(i.Address))) items.Add(new Entry(address.Address, address, null));
        }
        return new TrustedIpList(items, FoldedDuplicates);
    }

    /// <summary>This list without the given addresses.</summary>
    public TrustedIpList Remove(IEnumerable<TrustedIpAddress> addresses)
    {
        var set = new HashSet<TrustedIpAddress>(addresses);
        return new TrustedIpList(_items.Where(i => i.Address is null || !set.Contains(i.Address)).ToArray(), FoldedDuplicates);
    }

    /// <summary>This list without a rejected entry given by its exact text (so junk like "10.0.0.0/8" can be cleaned out).</summary>
    public TrustedIpList RemoveRejected(string text) =>
        new(_items.Where(i => i.Rejected is null || !string.Equals(i.Text, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray(), FoldedDuplicates);

    /// <summary>True when both lists trust the same addresses (order and spelling aside).</summary>
    public bool SameAddressesAs(TrustedIpList other) =>
        new HashSet<TrustedIpAddress>(Addresses).SetEquals(other.Addresses);

    /// <summary>The list as jts.ini holds it: existing entries in their own spelling, new ones normalised, comma-separated.</summary>
    public override string ToString() => string.Join(",", _items.Select(i => i.Text));

    public IEnumerator<TrustedIpAddress> GetEnumerator() => Addresses.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Entry
    {
        public Entry(string text, TrustedIpAddress? address, RejectedTrustedIp? rejected)
        {
            Text = text;
            Address = address;
            Rejected = rejected;
        }

        public string Text { get; }

        public TrustedIpAddress? Address { get; }

        public RejectedTrustedIp? Rejected { get; }
    }
}
