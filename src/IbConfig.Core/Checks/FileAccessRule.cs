using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Checks;

/// <summary>One Windows ACL entry as Get-Acl shows it: who, which rights, allow or deny.</summary>
public sealed class FileAccessRule
{
    // Everyone, Authenticated Users, BUILTIN\Users, INTERACTIVE: principals that mean "other people on this machine".
    private static readonly string[] BroadPrincipals =
    {
        "Everyone", @"NT AUTHORITY\Authenticated Users", @"BUILTIN\Users", @"NT AUTHORITY\INTERACTIVE",
        "S-1-1-0", "S-1-5-11", "S-1-5-32-545", "S-1-5-4",
    };

    public FileAccessRule(string identity, string rights, bool allow)
    {
        Identity = identity;
        Rights = rights;
        Allow = allow;
    }

    public string Identity { get; }

    /// <summary>FileSystemRights as text, e.g. "ReadAndExecute, Synchronize" or "FullControl".</summary>
    public string Rights { get; }

    public bool Allow { get; }

    public bool GrantsRead =>
        Allow && (Rights.IndexOf("Read", StringComparison.OrdinalIgnoreCase) >= 0
                  || Rights.IndexOf("FullControl", StringComparison.OrdinalIgnoreCase) >= 0
                  || Rights.IndexOf("Modify", StringComparison.OrdinalIgnoreCase) >= 0
                  || Rights.Trim().StartsWith("-", StringComparison.Ordinal) // GENERIC_ALL shows as a negative number
                  || Rights.IndexOf("268435456", StringComparison.Ordinal) >= 0);

    public bool IsBroad => BroadPrincipals.Any(p => string.Equals(p, Identity, StringComparison.OrdinalIgnoreCase));

    /// <summary>The allow rules that let broad groups read the file (empty when only the owner, SYSTEM and admins can).</summary>
    public static IReadOnlyList<FileAccessRule> BroadReaders(IEnumerable<FileAccessRule> rules) =>
        rules.Where(r => r.IsBroad && r.GrantsRead).ToList();

    public override string ToString() => $"{Identity} {(Allow ? "" : "deny ")}{Rights}";
}
