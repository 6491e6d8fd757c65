using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Ini;

/// <summary>
/// One run of lines under a section header (or the lines before the first header, with <see cref="Name"/> ""). A name
/// that appears twice gives two sections; the document's look-ups cover both.
/// </summary>
public sealed class IniSection
{
    internal IniSection(string name, IniLine? header, IReadOnlyList<IniLine> lines)
    {
        Name = name;
        Header = header;
        Lines = lines;
    }

    public string Name { get; }

    /// <summary>The <c>[Name]</c> line; null for the lines before the first header.</summary>
    public IniLine? Header { get; }

    /// <summary>Every line of the section, header first.</summary>
    public IReadOnlyList<IniLine> Lines { get; }

    public IReadOnlyList<IniEntry> Entries => Lines.OfType<IniEntry>().ToArray();

    public override string ToString() => Name.Length == 0 ? "(before the first section)" : $"[{Name}]";
}
