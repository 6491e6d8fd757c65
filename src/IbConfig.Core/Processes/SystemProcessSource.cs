using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace IbConfig.Core.Processes;

/// <summary>
/// The real process list. Names, ids and start times come from <see cref="Process"/>; paths and command lines (which
/// netstandard cannot read portably) from the OS: <c>/proc/&lt;pid&gt;/cmdline</c> on Linux, <c>ps</c> on macOS, and
/// NtQueryInformationProcess on Windows 8.1+. Whatever cannot be read (another user's elevated process) stays null.
/// </summary>
public sealed class SystemProcessSource : IProcessSource
{
    public static SystemProcessSource Instance { get; } = new();

    public IReadOnlyList<ProcessSnapshot> GetProcesses(Func<string, bool> includeName)
    {
        if (includeName is null) throw new ArgumentNullException(nameof(includeName));
        var result = new List<ProcessSnapshot>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                var snapshot = TrySnapshot(process, includeName);
                if (snapshot is not null) result.Add(snapshot);
            }
        }
        return result;
    }

    private static ProcessSnapshot? TrySnapshot(Process process, Func<string, bool> includeName)
    {
        string name;
        try
        {
            name = process.ProcessName;
        }
        catch (InvalidOperationException)
        {
            return null; // exited since the list was taken
        }
        if (string.IsNullOrEmpty(name) || !includeName(name)) return null;

        var id = process.Id;
        return new ProcessSnapshot(id, name, TryRead(() => ReadPath(process)), TryRead(() => ReadCommandLine(id)), TryStartTime(process));
    }

    private static string? ReadPath(Process process) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? WindowsProcessQuery.ImagePath(process.Id) : process.MainModule?.FileName;

    private static string? ReadCommandLine(int id)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return WindowsProcessQuery.CommandLine(id);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return ReadProcCommandLine(id);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return ReadPsCommandLine(id);
        return null;
    }

    // /proc/<pid>/cmdline holds the arguments NUL-separated; quote the ones with spaces so the line splits back the same.
    private static string? ReadProcCommandLine(int id)
    {
        var bytes = File.ReadAllBytes($"/proc/{id}/cmdline");
        var args = Encoding.UTF8.GetString(bytes).TrimEnd('\0').Split('\0');
        return CommandLineArguments.Join(args);
    }

    private static string? ReadPsCommandLine(int id)
    {
        var start = new ProcessStartInfo("ps", $"-ww -o command= -p {id}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        using var ps = Process.Start(start);
        if (ps is null) return null;
        var output = ps.StandardOutput.ReadToEnd();
        return ps.WaitForExit(5000) && ps.ExitCode == 0 ? output.Trim() : null;
    }

    private static DateTime? TryStartTime(Process process)
    {
        try
        {
            return process.StartTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Reading another process is best effort: it may exit, belong to another user, or be a protected process.
    private static string? TryRead(Func<string?> read)
    {
        try
        {
            var value = read();
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException
                                   or System.ComponentModel.Win32Exception or NotSupportedException or ArgumentException
                                   or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
