using System;
using System.Collections.Generic;

namespace IbConfig.Core.Stores;

/// <summary>
/// Finds the elements and attribute spans of an XML text that <see cref="System.Xml.XmlReader"/> has already accepted as
/// well-formed. It never builds a DOM, so the caller can change a value by splicing bytes and keep every other byte.
/// </summary>
internal static class XmlMarkupScanner
{
    /// <summary>Every element in document order; the first is the root.</summary>
    public static IReadOnlyList<XmlMarkupElement> Scan(string text)
    {
        var elements = new List<XmlMarkupElement>();
        var open = new Stack<XmlMarkupElement>();
        int i = 0;
        while (true)
        {
            i = text.IndexOf('<', i);
            if (i < 0) break;
            if (At(text, i, "<?")) i = After(text, i, "?>");
            else if (At(text, i, "<!--")) i = After(text, i, "-->");
            else if (At(text, i, "<![CDATA[")) i = After(text, i, "]]>");
            else if (At(text, i, "<!")) i = SkipDeclaration(text, i);
            else if (At(text, i, "</"))
            {
                var element = open.Pop();
                element.EndTagStart = i;
                i = After(text, i, ">");
                element.End = i;
            }
            else
            {
                var parent = open.Count > 0 ? open.Peek() : null;
                var element = ScanStartTag(text, i, parent);
                elements.Add(element);
                parent?.Children.Add(element);
                if (!element.IsSelfClosing) open.Push(element);
                i = element.StartTagEnd;
            }
        }

        if (open.Count > 0) throw new FormatException("Unclosed element <" + open.Peek().Name + ">.");
        return elements;
    }

    private static XmlMarkupElement ScanStartTag(string text, int start, XmlMarkupElement? parent)
    {
        int i = start + 1;
        int nameEnd = NameEnd(text, i);
        var element = new XmlMarkupElement(text.Substring(i, nameEnd - i), start, parent);
        i = nameEnd;
        element.AttributesEnd = i;
        while (true)
        {
            i = SkipSpace(text, i);
            if (text[i] == '/' || text[i] == '>')
            {
                element.IsSelfClosing = text[i] == '/';
                element.StartTagClose = i;
                element.StartTagEnd = After(text, i, ">");
                if (element.IsSelfClosing)
                {
                    element.EndTagStart = element.StartTagEnd;
                    element.End = element.StartTagEnd;
                }

                return element;
            }

            int nameStart = i;
            i = NameEnd(text, i);
            string name = text.Substring(nameStart, i - nameStart);
            i = SkipSpace(text, i);
            if (text[i] != '=') throw new FormatException("Expected '=' after attribute " + name + ".");
            i = SkipSpace(text, i + 1);
            char quote = text[i];
            int valueStart = i + 1;
            int valueEnd = text.IndexOf(quote, valueStart);
            if (valueEnd < 0) throw new FormatException("Unterminated value of attribute " + name + ".");
            element.Attributes.Add(new XmlMarkupAttribute(name, nameStart, valueStart, valueEnd, quote));
            i = valueEnd + 1;
            element.AttributesEnd = i;
        }
    }

    // <!DOCTYPE ...> may hold an internal subset in [...] whose declarations contain '>' and quoted strings.
    private static int SkipDeclaration(string text, int i)
    {
        int depth = 0;
        char quote = '\0';
        for (i += 2; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c == '"' || c == '\'') quote = c;
            else if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '>' && depth == 0) return i + 1;
        }

        return text.Length;
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int After(string text, int i, string token)
    {
        int at = text.IndexOf(token, i, StringComparison.Ordinal);
        if (at < 0) throw new FormatException("Expected '" + token + "'.");
        return at + token.Length;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && IsSpace(text[i])) i++;
        if (i >= text.Length) throw new FormatException("Unexpected end of text inside a tag.");
        return i;
    }

    private static int NameEnd(string text, int i)
    {
        while (i < text.Length && !IsSpace(text[i]) && text[i] != '=' && text[i] != '>' && text[i] != '/') i++;
        return i;
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
