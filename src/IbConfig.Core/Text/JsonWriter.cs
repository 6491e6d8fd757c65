using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IbConfig.Core.Text;

/// <summary>
/// A small, correct JSON writer (RFC 8259) for log records: Core may not depend on a JSON package, and netstandard2.0 has
/// none built in. Strings are escaped (quotes, backslash, control characters, and U+2028/U+2029 so a line stays one line);
/// commas are placed automatically. Output is compact: one record per line when each record is one value.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _needsComma = new();
    private bool _afterName;

    public JsonWriter BeginObject() => Open('{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter BeginArray() => Open('[');

    public JsonWriter EndArray() => Close(']');

    /// <summary>Writes a property name; the next value written belongs to it.</summary>
    public JsonWriter Name(string name)
    {
        Separate();
        WriteString(_text, name);
        _text.Append(':');
        _afterName = true;
        return this;
    }

    public JsonWriter Value(string? value)
    {
        Separate();
        if (value is null) _text.Append("null");
        else WriteString(_text, value);
        return this;
    }

    public JsonWriter Value(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Value(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
        return this;
    }

    public JsonWriter Value(long? value) => value is { } v ? Value(v) : Value((string?)null);

    public JsonWriter Property(string name, string? value) => Name(name).Value(value);

    public JsonWriter Property(string name, long value) => Name(name).Value(value);

    public JsonWriter Property(string name, long? value) => Name(name).Value(value);

    public JsonWriter Property(string name, bool value) => Name(name).Value(value);

    public JsonWriter Property(string name, IEnumerable<string> values)
    {
        Name(name).BeginArray();
        foreach (var value in values) Value(value);
        return EndArray();
    }

    public override string ToString()
    {
        if (_needsComma.Count != 0) throw new InvalidOperationException("The JSON text has an unclosed object or array.");
        return _text.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string.</summary>
    public static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append('\uFFFD'); // a lone surrogate cannot be encoded as UTF-8: replace it, as encoders do
                    }
                    else if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        // Control characters must be escaped; U+2028/2029 would split a line for JavaScript line readers.
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }

    private JsonWriter Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _needsComma.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        if (_needsComma.Count == 0 || _afterName) throw new InvalidOperationException($"Unbalanced '{bracket}' in JSON text.");
        _needsComma.Pop();
        _text.Append(bracket);
        return this;
    }

    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_needsComma.Count == 0) return;
        if (_needsComma.Peek()) _text.Append(',');
        else
        {
            _needsComma.Pop();
            _needsComma.Push(true);
        }
    }
}
