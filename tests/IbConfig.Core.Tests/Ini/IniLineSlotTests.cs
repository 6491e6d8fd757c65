using System.Text;
using IbConfig.Core.Ini;

namespace IbConfig.Core.Tests.Ini;

/// <summary>
/// The edges of the byte-level parse (lines kept as offsets into one buffer, objects made on demand): where a line ends,
/// the length cap counted in characters rather than bytes, keys compared on their bytes, duplicates across repeated
/// sections, and edits of a document whose lines were never made into objects.
/// </summary>
public class IniLineSlotTests
{
    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Text(IniDocument document) => new UTF8Encoding(false).GetString(document.ToBytes());

    [Fact]
    public void A_last_line_without_a_newline_is_read_kept_and_edited_in_place()
    {
        var document = IniDocument.Parse(Utf8("[A]\r\nk=1\r\nlast=2"));
        Assert.Equal("2", document.GetValue("A", "last"));
        Assert.Equal("", document.Lines[2].LineEnding);

        document.SetValue("A", "last", "3");
        Assert.Equal("[A]\r\nk=1\r\nlast=3", Text(document));
        document.SetValue("A", "added", "4");
        Assert.Equal("[A]\r\nk=1\r\nlast=3\r\nadded=4", Text(document));
        document.Remove("A", "added");
        Assert.Equal("[A]\r\nk=1\r\nlast=3", Text(document));
    }

    [Fact]
    public void Carriage_returns_alone_do_not_end_lines_and_are_kept_byte_for_byte()
    {
        var bytes = Utf8("[A]\rk=1\rj=2\r");
        var document = IniDocument.Parse(bytes);
        Assert.Equal(IniLineKind.Malformed, Assert.Single(document.Lines).Kind);
        Assert.Equal(IniDiagnosticKind.ControlCharacters, Assert.Single(document.Diagnostics).Kind);
        Assert.Null(document.GetValue("A", "k"));
        Assert.Equal(bytes, document.ToBytes());
    }

    [Fact]
    public void An_empty_file_and_a_file_of_only_a_byte_order_mark_have_no_lines_and_take_a_first_key()
    {
        var empty = IniDocument.Parse(Array.Empty<byte>());
        Assert.Empty(empty.Lines);
        Assert.Empty(empty.ToBytes());
        empty.SetValue("IBGateway", "ApiOnly", "true");
        Assert.Equal($"[IBGateway]{Environment.NewLine}ApiOnly=true{Environment.NewLine}", Text(empty)); // no ending of the file's own: the system's

        var bomOnly = IniDocument.Parse(new byte[] { 0xEF, 0xBB, 0xBF });
        Assert.Empty(bomOnly.Lines);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bomOnly.ToBytes());
        bomOnly.SetValue("", "k", "v");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("k=v" + Environment.NewLine)), bomOnly.ToBytes());
    }

    [Theory]
    [InlineData('x', 0, IniLineKind.Entry)]
    [InlineData('x', 1, IniLineKind.Malformed)]
    [InlineData('\u00E9', 0, IniLineKind.Entry)] // twice as many bytes as the cap, but exactly the cap in characters
    [InlineData('\u00E9', 1, IniLineKind.Malformed)]
    public void The_line_length_cap_counts_characters_not_bytes(char filler, int over, IniLineKind kind)
    {
        var line = "k=" + new string(filler, IniDocument.MaxLineLength - 2 + over);
        var bytes = Utf8("[A]\n" + line + "\nnext=1\n");
        var document = IniDocument.Parse(bytes);

        Assert.Equal(kind, document.Lines[1].Kind);
        Assert.Equal(kind == IniLineKind.Entry ? line.Substring(2) : null, document.GetValue("A", "k"));
        Assert.Equal(over == 1, document.Diagnostics.Any(d => d.Kind == IniDiagnosticKind.LineTooLong && d.LineNumber == 2));
        Assert.Equal("1", document.GetValue("A", "next"));
        Assert.Equal(bytes, document.ToBytes());
    }

    [Fact]
    public void Keys_and_values_outside_ASCII_are_found_ignoring_case_and_their_duplicates_reported()
    {
        var document = IniDocument.Parse(Utf8("[Sektion]\nschl\u00FCssel=Wert \u00FC\nSCHL\u00DCSSEL = \u65E5\u672C\n[\u65E5\u672C]\nk=1\n"));

        Assert.Equal("\u65E5\u672C", document.GetValue("SEKTION", "Schl\u00FCssel"));
        Assert.Equal(new[] { 2, 3 }, document.FindAll("sektion", "SCHL\u00DCSSEL").Select(e => e.LineNumber));
        Assert.Equal("1", document.GetValue("\u65E5\u672C", "K"));
        var duplicate = Assert.Single(document.Diagnostics);
        Assert.Equal((IniDiagnosticKind.DuplicateKey, 3), (duplicate.Kind, duplicate.LineNumber));
        Assert.Contains("first on line 2", duplicate.Message);
    }

    [Fact]
    public void A_line_that_is_not_UTF8_is_still_read_as_an_entry_or_a_header_in_Latin1()
    {
        var bytes = new byte[] { (byte)'[', (byte)'S', 0xE9, (byte)']', (byte)'\n', (byte)'k', (byte)'=', 0xE9, 0xFF, (byte)'\n' };
        var document = IniDocument.Parse(bytes);

        Assert.Equal("S\u00E9", document.Sections.Single().Name);
        Assert.Equal("\u00E9\u00FF", document.GetValue("s\u00C9", "K"));
        Assert.Equal(new[] { 1, 2 }, document.Diagnostics.Where(d => d.Kind == IniDiagnosticKind.InvalidUtf8).Select(d => d.LineNumber));
        Assert.Equal(bytes, document.ToBytes());
    }

    [Fact]
    public void Keys_of_a_repeated_section_are_one_set_across_its_runs_and_apart_from_other_sections()
    {
        var document = IniDocument.Parse(Utf8("[A]\nk=1\nj=1\n[B]\nk=2\n[a]\nK=3\nx=1\n[B]\nx=2\n"));

        Assert.Equal(new[] { 2, 7 }, document.FindAll("A", "k").Select(e => e.LineNumber));
        Assert.Equal("3", document.GetValue("a", "K"));
        Assert.Equal("2", document.GetValue("b", "K"));
        Assert.Equal(new[] { "x" }, document.FindAll("B", "X").Select(e => e.Value.Replace("2", "x")));
        Assert.Equal(
            new[] { (IniDiagnosticKind.DuplicateSection, 6), (IniDiagnosticKind.DuplicateKey, 7), (IniDiagnosticKind.DuplicateSection, 9) },
            document.Diagnostics.Select(d => (d.Kind, d.LineNumber)));
    }

    [Fact]
    public void Look_ups_follow_lines_added_and_removed_above_them()
    {
        var document = IniDocument.Parse(Utf8("[A]\nk=1\n\n[B]\nk=2\n[A]\nj=3\n"));
        document.SetValue("A", "new", "4"); // after j=3, the last run of [A]
        Assert.Equal(8, document.Find("A", "new")!.LineNumber);
        document.SetValue("", "top", "0");
        Assert.Equal(new[] { 1, 3, 6, 8, 9 }, new[] { ("", "top"), ("A", "k"), ("B", "k"), ("A", "j"), ("A", "new") }.Select(p => document.Find(p.Item1, p.Item2)!.LineNumber));
        document.Remove("A", "k");
        Assert.Equal(new[] { 5, 7, 8 }, new[] { ("B", "k"), ("A", "j"), ("A", "new") }.Select(p => document.Find(p.Item1, p.Item2)!.LineNumber));
        Assert.Equal("top=0\n[A]\n\n[B]\nk=2\n[A]\nj=3\nnew=4\n", Text(document));
    }

    [Fact]
    public void An_edit_in_a_large_file_renders_every_other_line_from_the_bytes_read()
    {
        var text = new StringBuilder("[IBGateway]\r\nMasterClientId=1\r\n");
        for (var i = 0; i < 10_000; i++) text.Append("Key").Append(i).Append("=value ").Append(i).Append("\r\n");
        var document = IniDocument.Parse(Utf8(text.ToString()));

        document.SetValue("IBGateway", "masterclientid", "22");
        document.SetValue("IBGateway", "Key9999", "last");

        Assert.Equal(text.ToString().Replace("MasterClientId=1\r\n", "MasterClientId=22\r\n").Replace("Key9999=value 9999", "Key9999=last"), Text(document));
        Assert.Equal(document.EncodeEveryLine(), document.ToBytes());
    }
}
