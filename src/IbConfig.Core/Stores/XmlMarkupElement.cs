using System.Collections.Generic;

namespace IbConfig.Core.Stores;

/// <summary>
/// One element of an XML text as offsets into that text, so edits can splice values in place instead of re-serialising
/// the document (which would rewrite quotes, whitespace and the declaration).
/// </summary>
internal sealed class XmlMarkupElement
{
    public XmlMarkupElement(string name, int start, XmlMarkupElement? parent)
    {
        Name = name;
        Start = start;
        Parent = parent;
    }

    public string Name { get; }

    /// <summary>Offset of the start tag's <c>&lt;</c>.</summary>
    public int Start { get; }

    public XmlMarkupElement? Parent { get; }

    public List<XmlMarkupAttribute> Attributes { get; } = new();

    public List<XmlMarkupElement> Children { get; } = new();

    /// <summary>Offset just after the element name or the last attribute's closing quote: where a new attribute goes.</summary>
    public int AttributesEnd { get; set; }

    /// <summary>Offset of <c>/&gt;</c> (self-closing) or <c>&gt;</c> that ends the start tag.</summary>
    public int StartTagClose { get; set; }

    /// <summary>Offset just after the start tag.</summary>
    public int StartTagEnd { get; set; }

    public bool IsSelfClosing { get; set; }

    /// <summary>Offset of the end tag's <c>&lt;/</c>; equals <see cref="StartTagEnd"/> for a self-closing element.</summary>
    public int EndTagStart { get; set; }

    /// <summary>Offset just after the whole element.</summary>
    public int End { get; set; }
}
