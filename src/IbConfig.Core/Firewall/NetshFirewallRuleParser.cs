using System;
using System.Collections.Generic;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Firewall;

/// <summary>
/// Parses <c>netsh advfirewall firewall show rule name=all dir=in verbose</c>: blocks that start with <c>Rule Name:</c>,
/// one <c>Label: value</c> per line (values may hold colons, e.g. program paths). netsh localises its labels, so output
/// without the English labels is refused with a clear error rather than read as "no rules".
/// </summary>
public static class NetshFirewallRuleParser
{
    public static IReadOnlyList<FirewallRule> Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var rules = new List<FirewallRule>();
        Dictionary<string, string>? fields = null;
        var sawSeparator = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("---", StringComparison.Ordinal)) { sawSeparator = true; continue; }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var label = line.Substring(0, colon).Trim();
            var value = line.Substring(colon + 1).Trim();
            if (label.Equals("Rule Name", StringComparison.OrdinalIgnoreCase))
            {
                if (fields is not null) rules.Add(ToRule(fields));
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }
            if (fields is not null) fields[label] = value;
        }
        if (fields is not null) rules.Add(ToRule(fields));
        if (rules.Count == 0 && sawSeparator)
            throw new IbConfigException("FirewallOutputUnrecognized", IbErrorKind.InvalidData,
                "netsh listed firewall rules without the English labels IbConfig reads (Windows display language other than English?). " +
                "Check the rules with: Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq <port> | Get-NetFirewallRule", "netsh");
        return rules;
    }

    private static FirewallRule ToRule(Dictionary<string, string> fields)
    {
        string Get(string label, string fallback) => fields.TryGetValue(label, out var v) && v.Length > 0 ? v : fallback;
        return new FirewallRule
        {
            Name = Get("Rule Name", string.Empty),
            Enabled = Get("Enabled", "No").Equals("Yes", StringComparison.OrdinalIgnoreCase),
            Direction = Get("Direction", string.Empty),
            Action = Get("Action", string.Empty),
            Protocol = Get("Protocol", "Any"),
            LocalPort = Get("LocalPort", "Any"),
            RemoteIP = Get("RemoteIP", "Any"),
            Profiles = Get("Profiles", string.Empty),
            Program = Get("Program", "Any"),
        };
    }
}
