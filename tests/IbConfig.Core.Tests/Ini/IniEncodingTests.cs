using System.Text;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Ini;

/// <summary>UTF-8 with or without its mark and UTF-16 LE/BE with theirs are read as text and written back in the same encoding.</summary>
public class IniEncodingTests
{
    private const string Text = "[IBGateway]\r\nApiOnly=true\r\ns.SocketPort=7497\r\nLocale=Zürich\r\n\r\n[Logon]\r\ntradingMode=p\r\n";

    public static TheoryData<string, IniTextEncoding> Encodings => new()
    {
        { "utf-8", IniTextEncoding.Utf8 },
        { "utf-8-bom", IniTextEncoding.Utf8WithBom },
        { "utf-16le", IniTextEncoding.Utf16LittleEndian },
        { "utf-16be", IniTextEncoding.Utf16BigEndian },
    };

    private static byte[] Encode(string encoding, string text) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(text)).ToArray(),
        "utf-16le" => new UnicodeEncoding(false, true).GetPreamble().Concat(new UnicodeEncoding(false, false).GetBytes(text)).ToArray(),
        _ => new UnicodeEncoding(true, true).GetPreamble().Concat(new UnicodeEncoding(true, false).GetBytes(text)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Settings_are_read_whatever_the_encoding(string encoding, IniTextEncoding expected)
    {
        var document = IniDocument.Parse(Encode(encoding, Text));

        Assert.Equal(expected, document.Encoding);
        Assert.Equal(7497, new JtsIniSettings(document).Read().SocketPort);
        Assert.Equal("Zürich", document.GetValue("IBGateway", "Locale"));
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void An_untouched_document_gives_back_its_exact_bytes(string encoding, IniTextEncoding _)
    {
        var bytes = Encode(encoding, Text);

        Assert.Equal(bytes, IniDocument.Parse(bytes).ToBytes());
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void An_edit_is_written_in_the_files_own_encoding(string encoding, IniTextEncoding _)
    {
        var document = IniDocument.Parse(Encode(encoding, Text));

        document.SetValue("IBGateway", "s.SocketPort", "4002");
        document.SetValue("IBGateway", "MasterClientId", "7");

        var expected = Text.Replace("7497", "4002").Replace("Locale=Zürich\r\n", "Locale=Zürich\r\nMasterClientId=7\r\n");
        Assert.Equal(Encode(encoding, expected), document.ToBytes());
    }

    [Fact]
    public void Damaged_UTF16_is_kept_byte_for_byte()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'[', 0, 0x00, 0xD8, (byte)']', 0 }; // a lone surrogate

        var document = IniDocument.Parse(bytes);

        Assert.Equal(IniTextEncoding.Utf8, document.Encoding);
        Assert.Equal(bytes, document.ToBytes());
    }
}
