using System.Text;

namespace IbConfig.Core.Text;

/// <summary>Quotes one argument for the command line that will parse it: Windows programs, /bin/sh, systemd unit files, PowerShell.</summary>
public static class CommandLineQuote
{
    /// <summary>One Windows command-line argument (CommandLineToArgvW rules: backslashes before a quote are doubled).</summary>
    public static string Windows(string value)
    {
        if (value.Length > 0 && value.IndexOfAny(new[] { ' ', '\t', '"' }) < 0) return value;
        var text = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in value)
        {
            if (c == '\\') { backslashes++; continue; }
            text.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
            backslashes = 0;
            text.Append(c);
        }
        return text.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>One /bin/sh word: single-quoted, a single quote written as '\''.</summary>
    public static string Posix(string value) =>
        value.Length > 0 && IsPlainShellWord(value) ? value : "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>One systemd ExecStart word: double-quoted, with \ and " escaped and $ and % doubled (systemd.service(5)).</summary>
    public static string Systemd(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "$$").Replace("%", "%%") + "\"";

    private static bool IsPlainShellWord(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or ',' or '+')) return false;
        }
        return true;
    }

    /// <summary>A PowerShell single-quoted literal: nothing inside is expanded; a quote is doubled.</summary>
    public static string PowerShell(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value)
        {
            text.Append(c);
            // PowerShell treats the typographic single quotes as quotes too, so they are doubled as well.
            if (c is '\'' or '\u2018' or '\u2019' or '\u201a' or '\u201b') text.Append(c);
        }
        return text.Append('\'').ToString();
    }
}
