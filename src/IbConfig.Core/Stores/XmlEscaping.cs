using System;
using System.Globalization;
using System.Text;

namespace IbConfig.Core.Stores;

/// <summary>
/// Escapes values spliced into XML text and reads escaped ones back. Non-ASCII characters are written as character
/// references so a spliced value is valid in whatever encoding the file declares.
/// </summary>
internal static class XmlEscaping
{
    public static string EscapeAttribute(string value, char quote) => Escape(value, c => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '"' when quote == '"' => "&quot;",
        '\'' when quote == '\'' => "&apos;",
        // Attribute-value normalisation would turn raw tabs and line breaks into spaces.
        '\t' => "&#9;",
        '\n' => "&#10;",
        '\r' => "&#13;",
        _ => null,
    });

    public static string EscapeText(string value) => Escape(value, c => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '\r' => "&#13;",
        _ => null,
    });

    /// <summary>Resolves the predefined entities and character references of an already well-formed value.</summary>
    public static string Unescape(string raw)
    {
        if (raw.IndexOf('&') < 0) return raw;
        var sb = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            int semicolon;
            if (raw[i] != '&' || (semicolon = raw.IndexOf(';', i)) < 0)
            {
                sb.Append(raw[i]);
                continue;
            }

            string name = raw.Substring(i + 1, semicolon - i - 1);
            string? resolved = name switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                "apos" => "'",
                _ when name.StartsWith("#x", StringComparison.Ordinal) && int.TryParse(name.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int hex) => char.ConvertFromUtf32(hex),
                _ when name.StartsWith("#", StringComparison.Ordinal) && int.TryParse(name.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out int dec) => char.ConvertFromUtf32(dec),
                _ => null,
            };
            if (resolved is null)
            {
                sb.Append(raw[i]);
                continue;
            }

            sb.Append(resolved);
            i = semicolon;
        }

        return sb.ToString();
    }

    private static string Escape(string value, Func<char, string?> special)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? replacement = special(c);
            if (replacement is not null) sb.Append(replacement);
            else if (c < 0x80) sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) AppendReference(sb, char.ConvertToUtf32(c, value[++i]));
            else AppendReference(sb, c);
        }

        return sb.ToString();
    }

    private static void AppendReference(StringBuilder sb, int codePoint) =>
        sb.Append("&#").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
}
