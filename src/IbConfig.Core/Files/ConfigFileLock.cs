using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace IbConfig.Core.Files;

/// <summary>
/// An exclusive lock on one settings file while it is compared and written, in git's <c>config.lock</c> manner: the file
/// <c>jts.ini.lock</c> is created beside it with create-new semantics (only one writer can succeed), holds who took it,
/// and is deleted when disposed. A writer that finds it waits a little, then fails saying who holds it and since when.
/// </summary>
public sealed class ConfigFileLock : IDisposable
{
    /// <summary>How long a writer waits for another IbConfig write of the same file (they take milliseconds).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private ConfigFileLock(string lockPath) => LockPath = lockPath;

    /// <summary>The lock file: the settings file's name plus <c>.lock</c>.</summary>
    public string LockPath { get; }

    public static string LockPathFor(string fullPath) => fullPath + ".lock";

    /// <summary>Takes the lock on <paramref name="fullPath"/>, waiting up to <paramref name="wait"/> for another holder.</summary>
    /// <exception cref="Errors.IbConfigException">ConfigFileLockHeld, ConfigFolderNotFound, ConfigFileAccessDenied, ConfigFileWriteFailed.</exception>
    public static ConfigFileLock Acquire(string fullPath, TimeSpan wait)
    {
        var lockPath = LockPathFor(fullPath);
        var owner = Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, "pid={0}\nhost={1}\ntime={2:o}\n",
            Process.GetCurrentProcess().Id, Environment.MachineName, DateTimeOffset.UtcNow));
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                using (var stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1))
                {
                    WriteOwner(stream, owner);
                }
                return new ConfigFileLock(lockPath);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                if (DateTime.UtcNow >= deadline) throw Held(fullPath, lockPath);
                Thread.Sleep(Poll);
            }
            catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
            {
                throw FileAccessFailure.Translate(ex, fullPath, writing: true);
            }
        }
    }

    // The lock is the file's existence; who holds it is only for the message, so a full disk does not stop the write here.
    private static void WriteOwner(FileStream stream, byte[] owner)
    {
        try
        {
            stream.Write(owner, 0, owner.Length);
        }
        catch (IOException)
        {
            stream.SetLength(0);
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(LockPath);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            // Left behind, it names this process, so the next writer can tell it is stale.
        }
    }

    private static Errors.IbConfigException Held(string fullPath, string lockPath)
    {
        string text;
        DateTime written;
        try
        {
            text = File.ReadAllText(lockPath);
            written = File.GetLastWriteTimeUtc(lockPath);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            text = string.Empty;
            written = DateTime.UtcNow;
        }

        string? Field(string name) => text.Split('\n').Where(l => l.StartsWith(name + "=", StringComparison.Ordinal)).Select(l => l.Substring(name.Length + 1).Trim()).FirstOrDefault();
        var pid = Field("pid");
        var host = Field("host");
        var owner = pid is null ? "its owner is not recorded" : $"taken by process {pid} on {host ?? "an unknown machine"}";
        var gone = pid is not null && string.Equals(host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !IsRunning(pid);
        return FileAccessFailure.LockHeld(fullPath, lockPath, DateTime.UtcNow - written, owner, gone);
    }

    private static bool IsRunning(string pid)
    {
        if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return true;
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
