using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Ini;

namespace IbConfig.Core.Tests.Ini;

public class IniDocumentTests
{
    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Bom(string text) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(text)).ToArray();

    private static string Text(IniDocument document) => Encoding.UTF8.GetString(document.ToBytes());

    [Theory]
    [InlineData("[IBGateway]\r\ns.SocketPort=7497\r\ns.ApiEnabled=true\r\n")]
    [InlineData("[IBGateway]\ns.SocketPort=7497\n\n[Startup]\ns.AutoRestartTime=23:55:00\n")]
    [InlineData("; comment\n# hash comment\n\n[A]\nk=v\r\nk2 = v2\n\r\n")]
    [InlineData("no newline at end\n[A]\nk=v")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("\r\n")]
    [InlineData("k=v\r\r\n")]
    [InlineData("   [  Spaced Section  ]   \n  key   =   value with spaces   \t\n")]
    [InlineData("[A]\nk=1\nK=2\nk=3\n[a]\nk=4\n")]
    [InlineData("[Logon]\nUserNameToDirectory=dGVzdHVzZXI=,darykqabcdef\nLocale=ü日本\n")]
    public void Unchanged_text_writes_back_byte_for_byte(string text)
    {
        Assert.Equal(Utf8(text), IniDocument.Parse(Utf8(text)).ToBytes());
        Assert.Equal(Bom(text), IniDocument.Parse(Bom(text)).ToBytes());
    }

    [Fact]
    public void The_byte_order_mark_is_remembered_and_not_part_of_the_first_line()
    {
        var document = IniDocument.Parse(Bom("[IBGateway]\r\nTrustedIPs=127.0.0.1\r\n"));
        Assert.True(document.HasByteOrderMark);
        Assert.Equal("[IBGateway]", document.Lines[0].Text);
        Assert.Equal(IniLineKind.SectionHeader, document.Lines[0].Kind);
        Assert.False(IniDocument.Parse(Utf8("[IBGateway]\r\n")).HasByteOrderMark);
    }

    [Fact]
    public void Lines_are_classified_and_numbered()
    {
        var document = IniDocument.Parse("top=1\n; semi\n# hash\n\n[IBGateway]\nTrustedIPs=127.0.0.1\njunk line\n");
        Assert.Equal(
            new[] { IniLineKind.Entry, IniLineKind.Comment, IniLineKind.Comment, IniLineKind.Blank, IniLineKind.SectionHeader, IniLineKind.Entry, IniLineKind.Malformed },
            document.Lines.Select(l => l.Kind));
        Assert.Equal(Enumerable.Range(1, 7), document.Lines.Select(l => l.LineNumber));
        Assert.Equal(new[] { "", "", "", "", "IBGateway", "IBGateway", "IBGateway" }, document.Lines.Select(l => l.SectionName));
    }

    [Fact]
    public void Keys_before_the_first_section_belong_to_the_unnamed_section()
    {
        var document = IniDocument.Parse("orphan=yes\n[A]\nk=v\n");
        Assert.Equal("yes", document.GetValue("", "orphan"));
        Assert.Null(document.GetValue("A", "orphan"));
        Assert.Equal(new[] { "", "A" }, document.Sections.Select(s => s.Name));
        Assert.Null(document.Sections[0].Header);
    }

    [Fact]
    public void Whitespace_around_the_equals_sign_is_not_part_of_key_or_value()
    {
        var entry = IniDocument.Parse("[A]\n  s.SocketPort \t=  7497  \n").Find("A", "s.SocketPort")!;
        Assert.Equal("s.SocketPort", entry.Key);
        Assert.Equal("7497", entry.Value);
        Assert.Equal("  s.SocketPort \t=  7497  ", entry.Text);
    }

    [Fact]
    public void Only_the_first_equals_sign_separates_key_and_value()
    {
        var document = IniDocument.Parse("[Logon]\nUserNameToDirectory=dXNlcg==,abc\n");
        Assert.Equal("dXNlcg==,abc", document.GetValue("logon", "usernametodirectory"));
    }

    [Fact]
    public void Look_ups_ignore_case_but_the_file_keeps_it()
    {
        var document = IniDocument.Parse("[IBGateway]\nTrustedIPs=127.0.0.1\n");
        Assert.Equal("127.0.0.1", document.GetValue("ibgateway", "TRUSTEDIPS"));
        Assert.True(document.HasSection("IBGATEWAY"));
        document.SetValue("IBGATEWAY", "trustedips", "127.0.0.1,10.0.0.5");
        Assert.Equal("[IBGateway]\nTrustedIPs=127.0.0.1,10.0.0.5\n", Text(document));
    }

    [Fact]
    public void Duplicate_keys_are_kept_reported_and_the_last_one_counts()
    {
        var document = IniDocument.Parse("[A]\nk=1\nother=x\nK=2\n");
        Assert.Equal("2", document.GetValue("A", "k"));
        Assert.Equal(2, document.FindAll("A", "k").Count);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(IniDiagnosticKind.DuplicateKey, diagnostic.Kind);
        Assert.Equal(4, diagnostic.LineNumber);
        Assert.Contains("first on line 2", diagnostic.Message);
    }

    [Fact]
    public void Setting_a_duplicated_key_edits_every_occurrence()
    {
        var document = IniDocument.Parse("[A]\nk=1\nother=x\nK = 2\n");
        var edit = document.SetValue("A", "k", "9");
        Assert.Equal("[A]\nk=9\nother=x\nK = 9\n", Text(document));
        Assert.Equal("2", edit.OldValue);
        Assert.Equal(4, edit.LineNumber);
    }

    [Fact]
    public void A_repeated_section_is_reported_and_read_as_one()
    {
        var document = IniDocument.Parse("[A]\nx=1\n[B]\n[a]\ny=2\n");
        Assert.Equal("1", document.GetValue("A", "x"));
        Assert.Equal("2", document.GetValue("A", "y"));
        Assert.Equal(IniDiagnosticKind.DuplicateSection, Assert.Single(document.Diagnostics).Kind);
        Assert.Equal(3, document.Sections.Count(s => s.Name.Equals("a", StringComparison.OrdinalIgnoreCase)) + 1);
    }

    [Fact]
    public void Editing_a_value_changes_only_that_values_bytes()
    {
        var original = Utf8("; IB settings\r\n[IBGateway]\r\nWriteDebug=false\r\n  s.SocketPort = 7497 \r\nTrustedIPs=127.0.0.1\n\n[Logon]\r\ntradingMode=p");
        var document = IniDocument.Parse(original);
        var edit = document.SetValue("IBGateway", "s.SocketPort", "4002");
        var changed = document.ToBytes();

        var prefix = Utf8("; IB settings\r\n[IBGateway]\r\nWriteDebug=false\r\n  s.SocketPort = ");
        var suffix = Utf8(" \r\nTrustedIPs=127.0.0.1\n\n[Logon]\r\ntradingMode=p");
        Assert.Equal(prefix.Concat(Utf8("4002")).Concat(suffix).ToArray(), changed);
        Assert.Equal(original.Take(prefix.Length), changed.Take(prefix.Length));
        Assert.Equal(original.Skip(original.Length - suffix.Length), changed.Skip(changed.Length - suffix.Length));
        Assert.Equal("7497", edit.OldValue);
        Assert.Equal("4002", edit.NewValue);
        Assert.Equal(4, edit.LineNumber);
        Assert.True(edit.IsChange);
    }

    [Fact]
    public void Setting_the_same_value_changes_nothing()
    {
        var original = Utf8("[A]\r\nk = v\r\n");
        var document = IniDocument.Parse(original);
        Assert.False(document.SetValue("A", "k", "v").IsChange);
        Assert.Equal(original, document.ToBytes());
    }

    [Fact]
    public void An_empty_value_can_be_set_and_read()
    {
        var document = IniDocument.Parse("[IBC]\nOverrideTwsApiPort=\nReadOnlyApi=yes\n");
        Assert.Equal("", document.GetValue("IBC", "OverrideTwsApiPort"));
        document.SetValue("IBC", "OverrideTwsApiPort", "4002");
        document.SetValue("IBC", "ReadOnlyApi", "");
        Assert.Equal("[IBC]\nOverrideTwsApiPort=4002\nReadOnlyApi=\n", Text(document));
    }

    [Fact]
    public void A_new_key_goes_after_the_last_entry_of_its_section_before_trailing_blank_and_comment_lines()
    {
        var document = IniDocument.Parse("[IBGateway]\r\nApiOnly=true\r\n; keep me\r\n\r\n[Logon]\r\ntradingMode=p\r\n");
        var edit = document.SetValue("IBGateway", "TrustedIPs", "127.0.0.1");
        Assert.Equal("[IBGateway]\r\nApiOnly=true\r\nTrustedIPs=127.0.0.1\r\n; keep me\r\n\r\n[Logon]\r\ntradingMode=p\r\n", Text(document));
        Assert.True(edit.IsAdded);
        Assert.Equal(3, edit.LineNumber);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, document.Lines.Select(l => l.LineNumber));
        Assert.Equal("Logon", document.Lines[5].SectionName);
    }

    [Fact]
    public void A_new_key_in_an_empty_section_goes_right_after_its_header()
    {
        var document = IniDocument.Parse("[Startup]\n\n[Logon]\nLocale=en\n");
        document.SetValue("Startup", "s.AutoRestartTime", "23:55:00");
        Assert.Equal("[Startup]\ns.AutoRestartTime=23:55:00\n\n[Logon]\nLocale=en\n", Text(document));
    }

    [Fact]
    public void A_new_key_uses_the_files_own_line_ending()
    {
        var crlf = IniDocument.Parse("[A]\r\nx=1\r\ny=2\n");
        crlf.SetValue("A", "z", "3");
        Assert.Equal("\r\n", crlf.NewLine);
        Assert.Equal("[A]\r\nx=1\r\ny=2\nz=3\r\n", Text(crlf));

        var lf = IniDocument.Parse("[A]\nx=1\r\ny=2\n");
        lf.SetValue("A", "z", "3");
        Assert.Equal("\n", lf.NewLine);
        Assert.Equal("[A]\nx=1\r\ny=2\nz=3\n", Text(lf));
    }

    [Fact]
    public void A_missing_section_is_appended_after_a_blank_line()
    {
        var document = IniDocument.Parse("[IBGateway]\r\nApiOnly=true\r\n");
        document.SetValue("Startup", "s.AutoRestartTime", "23:55:00");
        document.SetValue("Startup", "s.AutoLogoffTime", "23:50:00");
        Assert.Equal("[IBGateway]\r\nApiOnly=true\r\n\r\n[Startup]\r\ns.AutoRestartTime=23:55:00\r\ns.AutoLogoffTime=23:50:00\r\n", Text(document));
    }

    [Fact]
    public void A_file_without_a_final_newline_stays_without_one_after_appending()
    {
        var document = IniDocument.Parse("[A]\nx=1");
        document.SetValue("A", "y", "2");
        Assert.Equal("[A]\nx=1\ny=2", Text(document));
        document.SetValue("B", "z", "3");
        Assert.Equal("[A]\nx=1\ny=2\n\n[B]\nz=3", Text(document));
    }

    [Fact]
    public void An_empty_document_gets_a_section_and_a_key()
    {
        var document = IniDocument.Parse(Array.Empty<byte>());
        Assert.Empty(document.Lines);
        document.SetValue("IBGateway", "TrustedIPs", "127.0.0.1");
        Assert.Equal($"[IBGateway]{Environment.NewLine}TrustedIPs=127.0.0.1{Environment.NewLine}", Text(document));
    }

    [Fact]
    public void A_key_for_the_unnamed_section_goes_on_top()
    {
        var document = IniDocument.Parse("[A]\nx=1\n");
        document.SetValue("", "top", "1");
        Assert.Equal("top=1\n[A]\nx=1\n", Text(document));
        document.SetValue("", "second", "2");
        Assert.Equal("top=1\nsecond=2\n[A]\nx=1\n", Text(document));
    }

    [Fact]
    public void Removing_a_key_removes_every_occurrence_and_nothing_else()
    {
        var document = IniDocument.Parse("[A]\r\nk=1\r\nx=2\r\nk=3\r\n[B]\r\nk=4\r\n");
        var edit = document.Remove("a", "K")!;
        Assert.Equal("[A]\r\nx=2\r\n[B]\r\nk=4\r\n", Text(document));
        Assert.Equal("3", edit.OldValue);
        Assert.True(edit.IsRemoved);
        Assert.Null(document.Remove("A", "k"));
        Assert.Equal(new[] { 1, 2, 3, 4 }, document.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void Removing_the_last_line_of_a_file_without_final_newline_keeps_it_without_one()
    {
        var document = IniDocument.Parse("[A]\nx=1\ny=2");
        document.Remove("A", "y");
        Assert.Equal("[A]\nx=1", Text(document));
    }

    [Fact]
    public void A_line_without_equals_is_kept_and_reported()
    {
        var original = Utf8("[IBGateway]\nthis is not a setting\nApiOnly=true\n");
        var document = IniDocument.Parse(original);
        Assert.Equal(original, document.ToBytes());
        Assert.Equal(IniLineKind.Malformed, document.Lines[1].Kind);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal((2, IniDiagnosticKind.MissingEquals), (diagnostic.LineNumber, diagnostic.Kind));
        Assert.Contains("this is not a setting", diagnostic.Message);
        Assert.Equal("true", document.GetValue("IBGateway", "ApiOnly"));
    }

    [Theory]
    [InlineData("=value", IniDiagnosticKind.EmptyKey)]
    [InlineData("[Unclosed", IniDiagnosticKind.BadSectionHeader)]
    [InlineData("[]", IniDiagnosticKind.BadSectionHeader)]
    [InlineData("key=val\0ue", IniDiagnosticKind.ControlCharacters)]
    [InlineData("\u0001\u0002\u0003binary", IniDiagnosticKind.ControlCharacters)]
    public void Malformed_lines_are_kept_verbatim_with_a_reason(string line, IniDiagnosticKind kind)
    {
        var original = Utf8("[A]\r\n" + line + "\r\nk=v\r\n");
        var document = IniDocument.Parse(original);
        Assert.Equal(original, document.ToBytes());
        Assert.Equal(IniLineKind.Malformed, document.Lines[1].Kind);
        Assert.Equal((2, kind), (document.Diagnostics[0].LineNumber, document.Diagnostics[0].Kind));
        Assert.Equal("v", document.GetValue("A", "k"));
    }

    [Fact]
    public void A_one_megabyte_line_is_kept_but_not_read_as_a_setting()
    {
        var huge = "junk=" + new string('x', 1024 * 1024);
        var original = Utf8("[A]\n" + huge + "\nk=v\n");
        var document = IniDocument.Parse(original);
        Assert.Equal(original, document.ToBytes());
        Assert.Equal(IniLineKind.Malformed, document.Lines[1].Kind);
        Assert.Null(document.GetValue("A", "junk"));
        Assert.Equal((2, IniDiagnosticKind.LineTooLong), (document.Diagnostics[0].LineNumber, document.Diagnostics[0].Kind));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_round_trip_and_are_reported()
    {
        var original = new byte[] { (byte)'[', (byte)'A', (byte)']', 0x0A, (byte)'k', (byte)'=', 0xE9, 0xFF, 0x0D, 0x0A, (byte)'x', (byte)'=', (byte)'1', 0x0A };
        var document = IniDocument.Parse(original);
        Assert.Equal(original, document.ToBytes());
        Assert.Equal("\u00E9\u00FF", document.GetValue("A", "k"));
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal((2, IniDiagnosticKind.InvalidUtf8), (diagnostic.LineNumber, diagnostic.Kind));
    }

    [Fact]
    public void A_line_that_is_not_utf8_can_still_be_edited_in_its_own_encoding()
    {
        var original = new byte[] { (byte)'k', (byte)'=', 0xE9, 0x0A, (byte)'n', (byte)'=', 0xFF, 0x0A };
        var document = IniDocument.Parse(original);
        document.SetValue("", "n", "caf\u00E9");
        Assert.Equal(new byte[] { (byte)'k', (byte)'=', 0xE9, 0x0A, (byte)'n', (byte)'=', (byte)'c', (byte)'a', (byte)'f', 0xE9, 0x0A }, document.ToBytes());
        var ex = Assert.Throws<IbConfigException>(() => document.SetValue("", "n", "\u65E5"));
        Assert.Equal("IniValueNotEncodable", ex.ErrorId);
    }

    [Fact]
    public void A_utf16_file_is_not_understood_but_still_round_trips()
    {
        var original = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("[A]\r\nk=v\r\n")).ToArray();
        Assert.Equal(original, IniDocument.Parse(original).ToBytes());
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    [InlineData(" padded")]
    [InlineData("nul\0")]
    public void A_value_that_would_break_the_line_is_refused(string value)
    {
        var document = IniDocument.Parse("[A]\nk=v\n");
        var ex = Assert.Throws<IbConfigException>(() => document.SetValue("A", "k", value));
        Assert.Equal("IniValueInvalid", ex.ErrorId);
        Assert.Equal(IbErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("[A]\nk=v\n", Text(document));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("[x")]
    [InlineData(";comment")]
    [InlineData(" key")]
    public void A_key_name_that_would_not_read_back_is_refused(string key)
    {
        var ex = Assert.Throws<IbConfigException>(() => IniDocument.Parse("[A]\n").SetValue("A", key, "1"));
        Assert.Equal("IniNameInvalid", ex.ErrorId);
    }

    [Fact]
    public void Diagnostic_line_numbers_follow_inserted_lines()
    {
        var document = IniDocument.Parse("[A]\nx=1\n[B]\njunk\n");
        Assert.Equal(4, document.Diagnostics[0].LineNumber);
        document.SetValue("A", "y", "2");
        Assert.Equal(5, document.Diagnostics[0].LineNumber);
        Assert.Equal("junk", document.Lines[4].Text);
    }

    [Fact]
    public void Sections_list_each_run_of_lines_with_their_entries()
    {
        var document = IniDocument.Parse("[IBGateway]\nApiOnly=true\nTrustedIPs=127.0.0.1\n\n[Logon]\ntradingMode=p\n");
        Assert.Equal(new[] { "IBGateway", "Logon" }, document.Sections.Select(s => s.Name));
        Assert.Equal(new[] { "ApiOnly", "TrustedIPs" }, document.Sections[0].Entries.Select(e => e.Key));
        Assert.Equal(4, document.Sections[0].Lines.Count);
        Assert.Equal(5, document.Sections[1].Header!.LineNumber);
    }

    [Fact]
    public void Loading_a_missing_file_says_where_it_looked()
    {
        var path = Path.Combine(Path.GetTempPath(), "ibconfig-missing-" + Guid.NewGuid().ToString("N"), "jts.ini");
        var ex = Assert.Throws<IbConfigException>(() => IniDocument.Load(path));
        Assert.Equal("IniFileNotFound", ex.ErrorId);
        Assert.Equal(IbErrorKind.ObjectNotFound, ex.Kind);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Loading_a_file_reads_its_bytes_and_remembers_the_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = Bom("[IBGateway]\r\nTrustedIPs=127.0.0.1\r\n");
            File.WriteAllBytes(path, bytes);
            var document = IniDocument.Load(path);
            Assert.Equal(path, document.Path);
            Assert.Equal(bytes, document.ToBytes());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
