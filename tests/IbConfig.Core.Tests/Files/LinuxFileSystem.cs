using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Tests.Files;

/// <summary>
/// Real file-system conditions the failure tests reproduce on Linux: a tiny tmpfs that fills up, a FIFO, an immutable
/// folder. They need root (CI runs as root); without it they fail loudly rather than pass without testing anything.
/// </summary>
public static class LinuxFileSystem
{
    public static bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    public static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(10_000)) throw new TimeoutException($"{program} did not finish in 10 s.");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()} " +
                                                "These tests need root on Linux (mount, chattr); CI runs them as root.");
    }

    /// <summary>A 64 KB tmpfs mounted on a fresh folder, unmounted and removed when disposed.</summary>
    public sealed class TinyDisk : IDisposable
    {
        public TinyDisk()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ibconfig-disk-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", Path);
        }

        public string Path { get; }

        /// <summary>Fills the disk to the last byte with a file named <c>filler</c>.</summary>
        public void Fill()
        {
            using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
            foreach (var size in new[] { 4096, 1 })
            {
                var block = new byte[size];
                try
                {
                    while (true) filler.Write(block, 0, block.Length);
                }
                catch (IOException)
                {
                    // full at this block size; try a smaller one
                }
            }
        }

        public void Dispose()
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path, recursive: true);
        }
    }
}
