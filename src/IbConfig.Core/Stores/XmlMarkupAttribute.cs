namespace IbConfig.Core.Stores;

/// <summary>An attribute of an <see cref="XmlMarkupElement"/> as offsets: its raw (still escaped) value lies between the quotes.</summary>
internal sealed class XmlMarkupAttribute
{
    public XmlMarkupAttribute(string name, int nameStart, int valueStart, int valueEnd, char quote)
    {
        Name = name;
        NameStart = nameStart;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        Quote = quote;
    }

    public string Name { get; }

    public int NameStart { get; }

    /// <summary>Offset just after the opening quote.</summary>
    public int ValueStart { get; }

    /// <summary>Offset of the closing quote.</summary>
    public int ValueEnd { get; }

    public char Quote { get; }
}
