using System;
using System.IO;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>Reads a settings file whole, reporting a missing, locked, unreadable, oversized or non-regular file as an IbConfigException.</summary>
public static class ConfigFileReader
{
    /// <summary>The cap for a file whose kind is not known (<see cref="ConfigFileLimits.AnyBytes"/>).</summary>
    public const long MaxFileBytes = ConfigFileLimits.AnyBytes;

    /// <summary>Reads <paramref name="path"/>, refusing a file over the cap for its kind (<see cref="ConfigFileLimits.For"/>).</summary>
    /// <exception cref="IbConfigException">ConfigFileNotFound, ConfigFileLocked, ConfigFileAccessDenied, ConfigFileReadFailed, ConfigFileTooLarge, ConfigFileNotRegular.</exception>
    public static byte[] ReadAllBytes(string path) => ReadAllBytes(path, ConfigFileLimits.For(path ?? throw new ArgumentNullException(nameof(path))));

    /// <summary>Reads <paramref name="path"/>, refusing a file over <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes) => ReadAllBytes(path, maxBytes, likely: null);

    /// <summary>
    /// Reads <paramref name="path"/> as <see cref="ReadAllBytes(string, long)"/> does, but returns <paramref name="likely"/>
    /// itself when the file holds exactly those bytes: a write checking that the file is still what it read compares the
    /// file in small blocks instead of holding a second copy of it.
    /// </summary>
    internal static byte[] ReadAllBytes(string path, long maxBytes, byte[]? likely)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath)) throw FileAccessFailure.PathIsFolder(fullPath);
        FileNode.EnsureRegular(fullPath); // before opening: opening a FIFO blocks
        try
        {
            // FileShare.ReadWrite|Delete: IB may hold the file open; reading must not fail or block it because of us.
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.Length > maxBytes) throw FileAccessFailure.TooLarge(fullPath, stream.Length, maxBytes);
            if (likely is not null && stream.Length == likely.Length)
            {
                if (Holds(stream, likely)) return likely;
                stream.Position = 0;
            }
            var buffer = new byte[stream.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0) break;
                read += n;
            }
            if (read == buffer.Length) return buffer;
            var shorter = new byte[read];
            Array.Copy(buffer, shorter, read);
            return shorter;
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, fullPath, writing: false);
        }
    }

    private static bool Holds(Stream stream, byte[] expected)
    {
        var block = new byte[Math.Min(expected.Length, 16 * 1024)];
        var at = 0;
        while (at < expected.Length)
        {
            var n = stream.Read(block, 0, Math.Min(block.Length, expected.Length - at));
            if (n == 0) return false;
            for (var i = 0; i < n; i++)
            {
                if (block[i] != expected[at + i]) return false;
            }
            at += n;
        }
        return stream.ReadByte() < 0; // and not a byte more (the file may have grown since its length was asked)
    }
}
