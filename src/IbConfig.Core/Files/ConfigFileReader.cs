using System;
using System.IO;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>Reads a settings file whole, reporting a missing, locked or unreadable file as an IbConfigException.</summary>
public static class ConfigFileReader
{
    /// <summary>Settings files are small; anything bigger than this is not a jts.ini and is refused rather than loaded.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <exception cref="IbConfigException">ConfigFileNotFound, ConfigFileLocked, ConfigFileAccessDenied, ConfigFileReadFailed, ConfigFileTooLarge.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath)) throw FileAccessFailure.PathIsFolder(fullPath);
        try
        {
            // FileShare.ReadWrite|Delete: IB may hold the file open; reading must not fail or block it because of us.
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxFileBytes)
                throw new IbConfigException("ConfigFileTooLarge", IbErrorKind.InvalidData, $"'{fullPath}' is {stream.Length} bytes; a settings file is far smaller. Check the path.", fullPath);
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
}
