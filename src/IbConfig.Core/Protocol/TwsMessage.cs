using System;
using System.Collections.Generic;
using System.Globalization;

namespace IbConfig.Core.Protocol;

/// <summary>One decoded frame: its NUL-terminated text fields. Field 0 is the message id (docs/tws-protocol.md, "Encoding").</summary>
public sealed class TwsMessage
{
    public TwsMessage(IReadOnlyList<string> fields)
    {
        if (fields.Count == 0) throw new TwsProtocolException(ProtocolFailure.Malformed, "A message must have at least one field.");
        Fields = fields;
    }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>The numeric message id in field 0, or -1 when field 0 is not a number.</summary>
    public int Id => int.TryParse(Fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : -1;

    public int Count => Fields.Count;

    public string GetString(int index) =>
        index < Fields.Count ? Fields[index] : throw Malformed(index, "is missing");

    public int GetInt(int index)
    {
        var text = GetString(index);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(index, $"is not an integer ('{Shorten(text)}')");
    }

    public long GetLong(int index)
    {
        var text = GetString(index);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(index, $"is not an integer ('{Shorten(text)}')");
    }

    /// <summary>A double, or null for IB's unset forms (empty text or the max-value sentinel).</summary>
    public double? GetOptionalDouble(int index)
    {
        var text = GetString(index);
        if (text.Length == 0) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Malformed(index, $"is not a number ('{Shorten(text)}')");
        return value >= double.MaxValue ? null : value;
    }

    public override string ToString() => string.Join("|", Fields);

    private TwsProtocolException Malformed(int index, string what) =>
        new(ProtocolFailure.Malformed, $"Field {index} of message {Fields[0]} {what}.");

    private static string Shorten(string text) => text.Length <= 32 ? text : text.Substring(0, 32) + "…";
}
