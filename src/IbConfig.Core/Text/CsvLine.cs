using System.Collections.Generic;
using System.Text;

namespace IbConfig.Core.Text;

/// <summary>
/// One CSV record (RFC 4180): fields separated by commas, a field quoted when it holds a comma, a quote, a line break or
/// leading/trailing spaces, and quotes inside doubled. Import-Csv and Excel read it back unchanged.
/// </summary>
public static class CsvLine
{
    public static string Format(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first) line.Append(',');
            first = false;
            AppendField(line, field ?? string.Empty);
        }
        return line.ToString();
    }

    private static void AppendField(StringBuilder line, string field)
    {
        var quote = field.Length > 0 && (field[0] == ' ' || field[field.Length - 1] == ' ');
        foreach (var c in field)
        {
            if (c is ',' or '"' or '\r' or '\n') quote = true;
        }
        if (!quote)
        {
            line.Append(field);
            return;
        }
        line.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }
}
