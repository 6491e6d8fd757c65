namespace IbConfig.Core.Stores;

/// <summary>A value read from a profile XML file and where it sits: an attribute, or the text of an element.</summary>
public sealed class ProfileXmlValue
{
    public ProfileXmlValue(string element, string? attribute, string value, int line)
    {
        Element = element;
        Attribute = attribute;
        Value = value;
        Line = line;
    }

    /// <summary>The element name, e.g. <c>ApiSettings</c> or <c>String</c>.</summary>
    public string Element { get; }

    /// <summary>The attribute name, e.g. <c>port</c>; null for an element's text (a trusted address).</summary>
    public string? Attribute { get; }

    /// <summary>The value with XML escapes resolved.</summary>
    public string Value { get; }

    /// <summary>1-based line of the value in the file.</summary>
    public int Line { get; }

    /// <summary>How the value is named in provenance: <c>ApiSettings/@port</c> or <c>String</c>.</summary>
    public string Key => Attribute is null ? Element : Element + "/@" + Attribute;

    public override string ToString() => $"{Key}={Value} (line {Line})";
}
