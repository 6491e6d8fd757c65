using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace IbConfig.Core.Network;

/// <summary>
/// Linux's listening sockets: <c>/proc/net/tcp</c> and <c>tcp6</c> list them (state 0A is LISTEN) with their inode, and
/// a process's <c>/proc/&lt;pid&gt;/fd/*</c> links read <c>socket:[inode]</c> for each socket it holds.
/// </summary>
public sealed class LinuxListeningSocketTable : IListeningSocketTable
{
    private const string ListenState = "0A";
    private readonly string _procRoot;

    public LinuxListeningSocketTable(string procRoot = "/proc") => _procRoot = procRoot;

    public IReadOnlyList<IbPortListener> Find(int port)
    {
        var tcp = Path.Combine(_procRoot, "net", "tcp");
        var tcp6 = Path.Combine(_procRoot, "net", "tcp6");
        if (!File.Exists(tcp) && !File.Exists(tcp6)) throw new FileNotFoundException($"{tcp} does not exist (is /proc mounted?).", tcp);
        var sockets = ReadTable(tcp, port).Concat(ReadTable(tcp6, port)).ToList();
        if (sockets.Count == 0) return Array.Empty<IbPortListener>();

        var owners = FindOwners(new HashSet<string>(sockets.Select(s => s.Inode)), out var unreadable);
        return sockets.Select(s => owners.TryGetValue(s.Inode, out var pid)
                ? new IbPortListener(port, s.Address, pid, ReadProcessName(pid))
                : new IbPortListener(port, s.Address, null, null, unreadable
                    ? "The owning process belongs to another user: run as root (sudo) to see it."
                    : "No process holds this socket any more, or it lives in another container."))
            .ToList();
    }

    /// <summary>The LISTEN rows of one /proc/net/tcp* file for <paramref name="port"/>: bound address and socket inode.</summary>
    internal static IEnumerable<(IPAddress Address, string Inode)> ParseListeners(string text, int port)
    {
        foreach (var line in text.Split('\n').Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            var fields = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || fields[3] != ListenState) continue;
            var local = fields[1].Split(':');
            if (local.Length != 2 || !int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var localPort) || localPort != port) continue;
            var address = ParseAddress(local[0]);
            if (address is not null) yield return (address, fields[9]);
        }
    }

    /// <summary>
    /// The kernel prints each 32-bit word of the network-order address as a native integer (%08X), so on a little-endian
    /// machine 127.0.0.1 reads 0100007F: turning each word back into native bytes restores network order.
    /// </summary>
    internal static IPAddress? ParseAddress(string hex)
    {
        if (hex.Length is not (8 or 32)) return null;
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.Substring(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)) return null;
            BitConverter.GetBytes(value).CopyTo(bytes, word * 4);
        }
        return new IPAddress(bytes);
    }

    private static IEnumerable<(IPAddress Address, string Inode)> ReadTable(string path, int port) =>
        File.Exists(path) ? ParseListeners(File.ReadAllText(path), port) : Enumerable.Empty<(IPAddress, string)>();

    /// <summary>Maps socket inodes to the first process holding them; <paramref name="unreadable"/> when some fd folder was closed to us.</summary>
    private Dictionary<string, int> FindOwners(HashSet<string> inodes, out bool unreadable)
    {
        unreadable = false;
        var owners = new Dictionary<string, int>();
        var processes = Directory.EnumerateDirectories(_procRoot)
            .Select(dir => int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .OrderBy(pid => pid);
        foreach (var pid in processes)
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(_procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd")))
                {
                    var target = ReadLink(fd);
                    if (target is null || !target.StartsWith("socket:[", StringComparison.Ordinal)) continue;
                    var inode = target.Substring(8, target.Length - 9);
                    if (inodes.Contains(inode) && !owners.ContainsKey(inode)) owners[inode] = pid;
                }
            }
            catch (UnauthorizedAccessException)
            {
                unreadable = true;
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
            if (owners.Count == inodes.Count) break;
        }
        return owners;
    }

    private string? ReadProcessName(int pid)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_procRoot, pid.ToString(CultureInfo.InvariantCulture), "comm")).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // netstandard2.0 has no API that reads a symbolic link's target.
    [DllImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static extern IntPtr NativeReadLink(string path, byte[] buffer, IntPtr size);

    private static string? ReadLink(string path)
    {
        var buffer = new byte[256];
        var length = NativeReadLink(path, buffer, (IntPtr)buffer.Length).ToInt64();
        return length <= 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(length, buffer.Length));
    }
}
