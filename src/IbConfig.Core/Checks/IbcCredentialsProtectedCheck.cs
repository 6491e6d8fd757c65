using System.Collections.Generic;
using System.Runtime.InteropServices;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>IBC's config.ini holds the IB login and password: no other user of the machine should be able to read it.</summary>
public sealed class IbcCredentialsProtectedCheck : IbCheck
{
    public override string Id => IbCheckId.IbcCredentialsProtected;

    public override string Name => "IBC credentials file private";

    public override IbCheckCategory Category => IbCheckCategory.Security;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "readable by its owner (and administrators) only";
        var access = context.IbcFileAccess;
        if (access is null || !access.Exists) return new[] { Skip(expected, "No IBC config.ini was found.") };
        return new[]
        {
            access.ReadableByOthers switch
            {
                false => Pass(expected, access.Note, access.Path),
                true => Warn(expected, "other users can read the IB login: " + access.Note, access.Path, Remedy(access.Path)),
                null => Skip(expected, "Cannot tell: " + access.Note),
            },
        };
    }

    private static string Remedy(string path) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? $"icacls {CommandLineQuote.Windows(path)} /inheritance:r /grant:r \"$($env:USERNAME):F\" \"*S-1-5-18:F\" \"*S-1-5-32-544:F\""
            : $"chmod 600 {CommandLineQuote.Posix(path)}";
}
