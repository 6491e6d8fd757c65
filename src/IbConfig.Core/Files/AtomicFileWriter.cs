using System;
using System.IO;
using System.Runtime.InteropServices;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>
/// Replaces a file's content so that a crash or power cut leaves either the old or the new file, never a torn one: the
/// new bytes go to a temporary file in the same folder (same volume, so the final step is a rename), are flushed to disk,
/// and then replace the original in one step (File.Replace; on Unix that is rename(2)). Permissions carry over: File.Replace
/// keeps the replaced file's ACL and attributes on Windows, and the temporary file gets the original's mode bits on Unix.
/// </summary>
public static class AtomicFileWriter
{
    private const int UnableToMoveReplacement = 1176;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, creating the file if it does not exist.</summary>
    /// <param name="beforeFlush">
    /// Runs once the new content is in the temporary file and before that file is flushed: a caller flushing its own file
    /// there (the backup) lets the file system commit both in one journal transaction instead of two (bench/Measure-SettingsSpeed.ps1 -Steps).
    /// </param>
    /// <exception cref="IbConfigException">ConfigFolderNotFound, ConfigFileReadOnly, ConfigFileLocked, ConfigFileAccessDenied, ConfigFileWriteFailed.</exception>
    public static void Write(string path, byte[] content, Action? beforeFlush = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (content is null) throw new ArgumentNullException(nameof(content));
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (!Directory.Exists(folder)) throw FileAccessFailure.FolderNotFound(fullPath, folder);

        var temp = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            var exists = File.Exists(fullPath);
            if (exists && (File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0) throw FileAccessFailure.ReadOnly(fullPath);
            // A program holding the file exclusively (an editor, IB) is reported as a lock, not overwritten behind its back.
            if (exists) new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1).Dispose();
            // No WriteThrough: it syncs every write, and the one flush below already puts data and size on disk.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                // Before any byte is written: the new content is never readable by more users than the old.
                if (exists && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) FilePermissions.Copy(fullPath, temp);
                stream.Write(content, 0, content.Length);
                beforeFlush?.Invoke();
                stream.Flush(flushToDisk: true); // on disk before the replace: a crash leaves the old file or the whole new one
            }

            if (exists) Replace(temp, fullPath);
            else File.Move(temp, fullPath);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, fullPath, writing: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void Replace(string temp, string target)
    {
        try
        {
            File.Replace(temp, target, destinationBackupFileName: null);
        }
        catch (Exception ex) when (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                                   && (ex is PlatformNotSupportedException || (ex is IOException && (ex.HResult & 0xFFFF) == UnableToMoveReplacement)))
        {
            // Some file systems (FAT, some network shares) cannot ReplaceFile; a replacing move is still one step.
            if (!MoveFileEx(temp, target, MoveFileReplaceExisting | MoveFileWriteThrough))
                throw new IOException($"Could not move the new content over '{target}'.", Marshal.GetHRForLastWin32Error());
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            // A leftover temporary file is harmless; the error that matters is already on its way.
        }
    }

    private const int MoveFileReplaceExisting = 0x1;
    private const int MoveFileWriteThrough = 0x8;

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode, EntryPoint = "MoveFileExW")]
    private static extern bool MoveFileEx(string existingFileName, string newFileName, int flags);
}
