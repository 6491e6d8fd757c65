using System;
using System.Runtime.InteropServices;
using System.Text;

namespace IbConfig.Core.Processes;

/// <summary>
/// Reads another process's image path and command line on Windows with the least access right there is
/// (PROCESS_QUERY_LIMITED_INFORMATION), which works across bitness and for most processes of the same user.
/// WMI would need a package netstandard does not have.
/// </summary>
internal static class WindowsProcessQuery
{
    private const int ProcessQueryLimitedInformation = 0x1000;
    private const int ProcessCommandLineInformation = 60; // PROCESSINFOCLASS, Windows 8.1 and later
    private const uint StatusInfoLengthMismatch = 0xC0000004;

    public static string? ImagePath(int processId)
    {
        using var handle = Open(processId);
        if (handle is null) return null;
        var buffer = new StringBuilder(32768);
        var size = buffer.Capacity;
        return QueryFullProcessImageName(handle, 0, buffer, ref size) ? buffer.ToString(0, size) : null;
    }

    public static string? CommandLine(int processId)
    {
        using var handle = Open(processId);
        if (handle is null) return null;
        var status = NtQueryInformationProcess(handle, ProcessCommandLineInformation, IntPtr.Zero, 0, out var length);
        if (status != StatusInfoLengthMismatch || length == 0 || length > 1 << 20) return null;

        var memory = Marshal.AllocHGlobal((int)length);
        try
        {
            if (NtQueryInformationProcess(handle, ProcessCommandLineInformation, memory, length, out _) != 0) return null;
            // The buffer starts with a UNICODE_STRING { ushort Length; ushort MaximumLength; (padding) char* Buffer; }.
            var byteLength = (ushort)Marshal.ReadInt16(memory);
            var text = Marshal.ReadIntPtr(memory, IntPtr.Size);
            return byteLength == 0 || text == IntPtr.Zero ? null : Marshal.PtrToStringUni(text, byteLength / 2);
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    private static ProcessHandle? Open(int processId)
    {
        var handle = OpenProcess(ProcessQueryLimitedInformation, false, processId);
        if (!handle.IsInvalid) return handle;
        handle.Dispose();
        return null;
    }

    internal sealed class ProcessHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
    {
        public ProcessHandle()
            : base(true)
        {
        }

        protected override bool ReleaseHandle() => CloseHandle(handle);
    }

    [DllImport("kernel32.dll", SetLastError = true)]
    private static extern ProcessHandle OpenProcess(int access, bool inheritHandle, int processId);

    [DllImport("kernel32.dll", SetLastError = true)]
    private static extern bool CloseHandle(IntPtr handle);

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode, EntryPoint = "QueryFullProcessImageNameW")]
    private static extern bool QueryFullProcessImageName(ProcessHandle process, int flags, StringBuilder name, ref int size);

    [DllImport("ntdll.dll")]
    private static extern uint NtQueryInformationProcess(ProcessHandle process, int infoClass, IntPtr info, uint length, out uint returnLength);
}
