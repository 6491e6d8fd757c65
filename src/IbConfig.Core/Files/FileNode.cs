using System;
using System.IO;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Files;

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket before it is opened: opening a FIFO blocks until a writer
/// comes, so a scheduled health check reading one would hang for ever.
/// </summary>
internal static class FileNode
{
    // The file-type bits of st_mode as .NET's own native shim reports them (the same on Linux and macOS).
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>Throws ConfigFileNotRegular when <paramref name="fullPath"/> exists and is not a regular file (or folder).</summary>
    public static void EnsureRegular(string fullPath)
    {
        if (NonRegularKind(fullPath) is { } kind) throw FileAccessFailure.NotRegularFile(fullPath, kind);
    }

    /// <summary>"a FIFO (named pipe)", "a device", "a socket", or null for a regular file, a folder or a path that does not exist.</summary>
    public static string? NonRegularKind(string fullPath)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // Win32 device namespace (\\.\COM1, \\.\pipe\x) and reserved names are not files.
            if (fullPath.StartsWith(@"\\.\", StringComparison.Ordinal)) return "a device";
            try
            {
                return (File.GetAttributes(fullPath) & FileAttributes.Device) != 0 ? "a device" : null;
            }
            catch (Exception ex) when (FileAccessFailure.IsFileError(ex) || ex is ArgumentException or NotSupportedException)
            {
                return null; // the open that follows reports the real problem
            }
        }

        int mode;
        try
        {
            var status = new byte[512]; // larger than any version of the shim's FileStatus; Mode is its second int
            if (Stat(fullPath, status) != 0) return null;
            mode = BitConverter.ToInt32(status, 4);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a runtime without the shim (Mono): fall back to opening the file
        }

        return (mode & TypeMask) switch
        {
            Fifo => "a FIFO (named pipe)",
            CharacterDevice or BlockDevice => "a device",
            Socket => "a socket",
            _ => null,
        };
    }

    // Follows links, like open(2) does. .NET Core's own stat shim: its FileStatus is the same layout on every Unix.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat(string path, byte[] status);
}
