using System.Runtime.InteropServices;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Windows;

/// <summary>Guards the features that only exist on Windows (Task Scheduler, Windows Defender Firewall).</summary>
public static class WindowsPlatform
{
    public static bool IsCurrent => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The error for a Windows-only feature elsewhere: says what to use instead, with the ready line when there is one.</summary>
    public static IbConfigException NotSupported(string feature, string instead) =>
        new("PlatformNotSupported", IbErrorKind.NotImplemented,
            $"{feature} exists only on Windows; this is {RuntimeInformation.OSDescription.Trim()}. {instead}", feature);
}
