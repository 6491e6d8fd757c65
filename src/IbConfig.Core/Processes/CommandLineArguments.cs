using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IbConfig.Core.Processes;

/// <summary>
/// Splits and joins command lines the way Windows and the shells quote them: whitespace separates arguments, double quotes
/// group (<c>"C:\Program Files\x" -DjtsConfigDir="C:\My Jts"</c>). Good enough to find IB's options, not a full parser.
/// </summary>
internal static class CommandLineArguments
{
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var inArgument = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                inArgument = true;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (inArgument) args.Add(current.ToString());
                current.Clear();
                inArgument = false;
            }
            else
            {
                current.Append(c);
                inArgument = true;
            }
        }
        if (inArgument) args.Add(current.ToString());
        return args;
    }

    public static string Join(IEnumerable<string> args) =>
        string.Join(" ", args.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? "\"" + a + "\"" : a));
}
