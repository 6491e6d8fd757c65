using System;
using System.Collections.Generic;

namespace IbConfig.Core.Health;

/// <summary>
/// Reads how the hosting pwsh/powershell.exe was started, to decide whether a health check may set the process exit code.
/// A binary cmdlet can only do that through the host (SetShouldExit); in an interactive console that would close the user's
/// window, so it is done only when the process runs one script or command and then exits (-File, -Command, or a script path
/// as the first argument) and was not told to stay (-NoExit). An explicit <c>exit</c> later in the script still wins.
/// </summary>
public static class ShellInvocation
{
    /// <summary>True when <paramref name="commandLine"/> (the process's arguments, the program first) runs a script or command and exits.</summary>
    public static bool ExitsAfterRunning(IReadOnlyList<string> commandLine)
    {
        if (commandLine is null) throw new ArgumentNullException(nameof(commandLine));
        var runs = false;
        // Skip the program (and pwsh.dll when started as "dotnet pwsh.dll").
        var first = 1;
        if (commandLine.Count > 1 && commandLine[1].EndsWith("pwsh.dll", StringComparison.OrdinalIgnoreCase)) first = 2;
        for (var i = first; i < commandLine.Count; i++)
        {
            var arg = commandLine[i];
            if (!IsSwitch(arg))
            {
                // A bare first argument is a script path for pwsh (-File) and a command for powershell.exe (-Command).
                if (i == first) runs = true;
                break;
            }
            var name = arg.Substring(arg[0] == '-' && arg.Length > 1 && arg[1] == '-' ? 2 : 1).ToLowerInvariant();
            if (IsAbbreviationOf(name, "noexit", 3)) return false;
            if (IsAbbreviationOf(name, "file", 1) || IsAbbreviationOf(name, "command", 1) || IsAbbreviationOf(name, "encodedcommand", 1) || name == "ec")
            {
                runs = true;
                break; // everything after -File/-Command belongs to the script, not to pwsh
            }
            if (TakesValue(name)) i++;
        }
        return runs;
    }

    private static bool IsSwitch(string arg) => arg.Length > 1 && (arg[0] == '-' || arg[0] == '/');

    // pwsh and powershell.exe accept any unambiguous prefix of a parameter name (-c, -f, -noe).
    private static bool IsAbbreviationOf(string name, string full, int shortest) =>
        name.Length >= shortest && name.Length <= full.Length && full.StartsWith(name, StringComparison.Ordinal);

    private static bool TakesValue(string name) =>
        IsAbbreviationOf(name, "executionpolicy", 2) || IsAbbreviationOf(name, "windowstyle", 1) || IsAbbreviationOf(name, "workingdirectory", 2) ||
        IsAbbreviationOf(name, "configurationname", 4) || IsAbbreviationOf(name, "configurationfile", 14) || IsAbbreviationOf(name, "settingsfile", 1) ||
        IsAbbreviationOf(name, "inputformat", 2) || IsAbbreviationOf(name, "outputformat", 1) || IsAbbreviationOf(name, "custompipename", 2) ||
        IsAbbreviationOf(name, "version", 1) || name is "psconsolefile" or "ex" or "ep" or "wd" or "if" or "of" or "ws";
}
