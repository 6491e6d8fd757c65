using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// One account the simulator manages: its id (e.g. DU123456), base currency, and the account-summary values that differ
/// from a fresh paper account's (<see cref="AccountSummaryTag"/>).
/// </summary>
public sealed class SimulatedAccount
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public SimulatedAccount(string id, string currency = "USD")
    {
        Id = ValidateId(id);
        Currency = string.IsNullOrWhiteSpace(currency) ? "USD" : currency.Trim().ToUpperInvariant();
    }

    public string Id { get; }

    public string Currency { get; }

    /// <summary>The values set explicitly, by canonical tag.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Sets a standard tag's value; an unknown tag is an error because IB would never report it.</summary>
    public SimulatedAccount SetValue(string tag, string value)
    {
        var canonical = AccountSummaryTag.Canonical(tag) ?? throw SimulatorFailure.UnknownSummaryTag(tag, AccountSummaryTag.All);
        if (value.IndexOf('\0') >= 0) throw SimulatorFailure.InvalidSummaryValue(canonical, value);
        _values[canonical] = value.Trim();
        return this;
    }

    /// <summary>The value reported for a standard tag: the one set, else a fresh paper account's.</summary>
    public string GetValue(string canonicalTag) => _values.TryGetValue(canonicalTag, out var value) ? value : AccountSummaryTag.DefaultValue(canonicalTag);

    /// <summary>The currency reported with a standard tag: the account's for money amounts, empty for plain figures.</summary>
    public string GetCurrency(string canonicalTag) => AccountSummaryTag.IsMoney(canonicalTag) ? Currency : "";

    /// <summary>IB account ids are letters and digits (DU123456, U1234567, DF123456); the list travels comma-separated.</summary>
    public static string ValidateId(string id)
    {
        var trimmed = (id ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > 32 || !trimmed.All(char.IsLetterOrDigit) || trimmed.Any(c => c > 127))
            throw SimulatorFailure.InvalidAccount(id);
        return trimmed;
    }

    public override string ToString() => Id;
}
