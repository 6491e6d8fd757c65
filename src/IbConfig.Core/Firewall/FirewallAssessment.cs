using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Text;

namespace IbConfig.Core.Firewall;

/// <summary>
/// Decides what inbound firewall rules mean for an API port: which enabled rules cover it (TCP or any protocol, the port
/// in their list or range or "Any", and any program or IB's own), whether an allow rule admits more than loopback, and
/// whether a block rule shuts it for everyone (in Windows Firewall a block rule beats an allow rule).
/// </summary>
public static class FirewallAssessment
{
    // The processes that listen on the API port: the install4j launchers of IB Gateway and TWS, or an older plain JVM.
    private static readonly string[] IbPrograms = { "ibgateway.exe", "tws.exe", "java.exe", "javaw.exe" };

    public static IbFirewallRuleResult Assess(IEnumerable<FirewallRule> rules, int port, string computerName)
    {
        var covering = rules.Where(r => r.Enabled && r.IsInbound && CoversTcp(r.Protocol) && CoversPort(r.LocalPort, port) && CoversIbProgram(r.Program)).ToList();
        var allow = covering.Where(r => r.Allows).ToList();
        var exposing = allow.Where(r => !IsLoopbackOnly(r.RemoteAddress)).ToList();
        var block = covering.Where(r => r.Blocks).ToList();
        var status = block.Any(r => IsAny(r.RemoteAddress)) ? FirewallExposure.Blocked
            : exposing.Count > 0 ? FirewallExposure.Exposed
            : allow.Count > 0 ? FirewallExposure.LoopbackOnly
            : FirewallExposure.NoRule;
        var remedy = status == FirewallExposure.Exposed ? string.Join("; ", exposing.Select(Remedy)) : string.Empty;
        return new IbFirewallRuleResult(computerName, port, status, allow.Select(Describe), exposing.Select(Describe), block.Select(Describe), remedy);
    }

    private static string Describe(FirewallRule rule) => $"{rule.DisplayName} (from {rule.RemoteAddress})";

    // By Id, not DisplayName: display names are localised and not unique (Windows makes a TCP and a UDP rule for one program).
    private static string Remedy(FirewallRule rule) =>
        "Set-NetFirewallRule " + (rule.Id.Length > 0 ? "-Name " + CommandLineQuote.PowerShell(rule.Id) : "-DisplayName " + CommandLineQuote.PowerShell(rule.DisplayName))
        + " -RemoteAddress 127.0.0.1";

    private static bool CoversTcp(string protocol) =>
        protocol.Equals("TCP", StringComparison.OrdinalIgnoreCase) || IsAny(protocol) || protocol == "6";

    public static bool CoversPort(string localPorts, int port)
    {
        foreach (var entry in localPorts.Split(',').Select(e => e.Trim()))
        {
            if (IsAny(entry)) return true;
            var dash = entry.IndexOf('-');
            if (dash > 0 && int.TryParse(entry.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(entry.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var high))
            {
                if (port >= low && port <= high) return true;
            }
            else if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var single) && single == port)
            {
                return true;
            }
        }
        return false;
    }

    private static bool CoversIbProgram(string program)
    {
        if (IsAny(program)) return true;
        var file = Path.GetFileName(program.Replace('\\', '/'));
        return IbPrograms.Any(p => p.Equals(file, StringComparison.OrdinalIgnoreCase))
            || program.IndexOf("\\Jts\\", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>True when every entry of a RemoteAddress list lies in 127.0.0.0/8 or is ::1.</summary>
    public static bool IsLoopbackOnly(string remoteIps) =>
        remoteIps.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).All(IsLoopbackEntry);

    private static bool IsLoopbackEntry(string entry)
    {
        var dash = entry.IndexOf('-');
        if (dash > 0) return IsLoopbackEntry(entry.Substring(0, dash)) && IsLoopbackEntry(entry.Substring(dash + 1));
        var slash = entry.IndexOf('/');
        var address = slash > 0 ? entry.Substring(0, slash) : entry;
        if (!IPAddress.TryParse(address, out var ip) || !IPAddress.IsLoopback(ip)) return false;
        if (slash < 0) return true;
        var prefix = PrefixLength(entry.Substring(slash + 1));
        return ip.AddressFamily == AddressFamily.InterNetwork ? prefix >= 8 : prefix == 128;
    }

    // A prefix written as a length ("/8") or as a mask ("/255.0.0.0"); -1 when unreadable.
    private static int PrefixLength(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return length;
        if (!IPAddress.TryParse(text, out var mask)) return -1;
        return mask.GetAddressBytes().Sum(b => Convert.ToString(b, 2).Count(c => c == '1'));
    }

    private static bool IsAny(string value) => value.Equals("Any", StringComparison.OrdinalIgnoreCase);
}
