using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>The guide's "Settings not saving": IB writes its settings back on exit, so the file must be writable by this user.</summary>
public sealed class SettingsWritableCheck : IbCheck
{
    public override string Id => IbCheckId.SettingsWritable;

    public override string Name => "Settings file writable";

    public override IbCheckCategory Category => IbCheckCategory.Files;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "writable by this user";
        var access = context.SettingsFileAccess;
        if (access is null || !access.Exists) return new[] { Skip(expected, "No settings file was read.") };
        return new[]
        {
            access.Writable switch
            {
                true => Pass(expected, "writable", access.Path),
                false => Fail(expected, "not writable: IB cannot save its settings (" + access.Note + ")", access.Path, Remedy(access.Path)),
                null => Warn(expected, "cannot tell: " + access.Note, access.Path, null),
            },
        };
    }

    private static string Remedy(string path) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? $"icacls {CommandLineQuote.Windows(Path.GetDirectoryName(path) ?? path)} /grant \"$($env:USERNAME):(OI)(CI)M\""
            : $"chmod u+w {CommandLineQuote.Posix(path)}";
}
