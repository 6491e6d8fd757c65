using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Network;

/// <summary>
/// Windows' listening sockets and their owning processes from the IP helper API (<c>GetExtendedTcpTable</c> with
/// TCP_TABLE_OWNER_PID_LISTENER), the source <c>netstat -ano</c> and <c>Get-NetTCPConnection</c> read.
/// </summary>
public sealed class WindowsListeningSocketTable : IListeningSocketTable
{
    private const int AfInet = 2;
    private const int AfInet6 = 23;
    private const int TcpTableOwnerPidListener = 3;
    private const uint ErrorInsufficientBuffer = 122;

    public IReadOnlyList<IbPortListener> Find(int port)
    {
        var listeners = new List<IbPortListener>();
        foreach (var (address, pid) in ReadTable(AfInet, port)) listeners.Add(new IbPortListener(port, address, pid, ProcessName(pid)));
        foreach (var (address, pid) in ReadTable(AfInet6, port)) listeners.Add(new IbPortListener(port, address, pid, ProcessName(pid)));
        return listeners;
    }

    private static List<(IPAddress Address, int ProcessId)> ReadTable(int family, int port)
    {
        var size = 0;
        var result = GetExtendedTcpTable(IntPtr.Zero, ref size, false, family, TcpTableOwnerPidListener, 0);
        for (var attempt = 0; attempt < 5 && result == ErrorInsufficientBuffer; attempt++)
        {
            var buffer = Marshal.AllocHGlobal(size);
            try
            {
                result = GetExtendedTcpTable(buffer, ref size, false, family, TcpTableOwnerPidListener, 0);
                if (result == 0) return ParseTable(buffer, family, port);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }
        if (result == 0) return new List<(IPAddress, int)>(); // an empty table needs no buffer
        throw new Win32Exception((int)result);
    }

    // MIB_TCPTABLE_OWNER_PID / MIB_TCP6TABLE_OWNER_PID: a DWORD count, then rows.
    // IPv4 row (24 bytes): state, local addr, local port, remote addr, remote port, pid.
    // IPv6 row (56 bytes): local addr[16], scope id, local port, remote addr[16], scope id, remote port, state, pid.
    // Ports are in network byte order in the low two bytes of their DWORD.
    private static List<(IPAddress Address, int ProcessId)> ParseTable(IntPtr table, int family, int port)
    {
        var (rowSize, addressOffset, addressLength, portOffset, pidOffset) = family == AfInet ? (24, 4, 4, 8, 20) : (56, 0, 16, 20, 52);
        var rows = new List<(IPAddress, int)>();
        var count = Marshal.ReadInt32(table);
        for (var i = 0; i < count; i++)
        {
            var row = table + 4 + (i * rowSize);
            var rowPort = (Marshal.ReadByte(row, portOffset) << 8) | Marshal.ReadByte(row, portOffset + 1);
            if (rowPort != port) continue;
            var address = new byte[addressLength];
            Marshal.Copy(row + addressOffset, address, 0, addressLength);
            rows.Add((new IPAddress(address), Marshal.ReadInt32(row, pidOffset)));
        }
        return rows;
    }

    private static string? ProcessName(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return null;
        }
    }

    [DllImport("iphlpapi.dll", SetLastError = false)]
    private static extern uint GetExtendedTcpTable(IntPtr table, ref int size, bool sort, int family, int tableClass, uint reserved);
}
