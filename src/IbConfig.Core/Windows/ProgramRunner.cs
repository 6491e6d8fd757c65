using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Text;
using IbConfig.Core.Text;

namespace IbConfig.Core.Windows;

/// <summary>The real <see cref="IProgramRunner"/>: starts the program without a shell, reads both streams, enforces the time-out.</summary>
public sealed class ProgramRunner : IProgramRunner
{
    public static ProgramRunner Instance { get; } = new();

    public ProgramOutput Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, string.Join(" ", arguments.Select(CommandLineQuote.Windows)))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            throw ProgramFailure.NotStarted(program, ex);
        }
        using (process)
        {
            var output = new StringBuilder();
            var error = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try { process.Kill(); } catch (InvalidOperationException) { }
                throw ProgramFailure.TimedOut(program, timeout);
            }
            process.WaitForExit(); // flushes the asynchronous readers
            lock (output) lock (error) return new ProgramOutput(process.ExitCode, output.ToString(), error.ToString());
        }
    }
}
