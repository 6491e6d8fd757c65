using System.Text;
using System.Xml;
using CsCheck;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class ProfileXmlDocumentTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Reads_the_gateway_api_page_and_where_each_value_sits()
    {
        var doc = ProfileXmlDocument.Load(_fixture.GatewayProfileXml);

        Assert.Equal(ProfileXmlState.Readable, doc.State);
        Assert.Null(doc.Problem);
        Assert.Equal(IbProduct.Gateway, doc.Product);
        var port = doc.GetAttribute("ApiSettings", "port")!;
        Assert.Equal("4002", port.Value);
        Assert.Equal(5, port.Line);
        Assert.Equal("ApiSettings/@port", port.Key);
        Assert.Equal("true", doc.GetAttribute("ApiSettings", "socketClient")!.Value);
        Assert.Equal("-1", doc.GetAttribute("ApiSettings", "masterClientID")!.Value);
        Assert.Equal("true", doc.GetAttribute("ApiSettings", "autoOpenOrdDonwload")!.Value);
        Assert.Equal("11:59,PM", doc.GetAttribute("SystemSettings", "autoLogoffTime")!.Value);
        Assert.Null(doc.GetAttribute("ApiSettings", "noSuchAttribute"));
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5" }, doc.TrustedAddresses.Select(a => a.Value));
        Assert.Equal(new[] { 6, 7 }, doc.TrustedAddresses.Select(a => a.Line));
    }

    [Fact]
    public void Reads_tws_xml_with_a_bom_single_quotes_and_look_alike_attributes_elsewhere()
    {
        var doc = ProfileXmlDocument.Load(_fixture.TwsProfileXml);

        Assert.Equal(IbProduct.Tws, doc.Product);
        Assert.Equal("7497", doc.GetAttribute("ApiSettings", "port")!.Value); // not <Page port='1'>
        Assert.Equal("true", doc.GetAttribute("ApiSettings", "readOnlyApi")!.Value);
        Assert.Equal("11:45,PM", doc.GetAttribute("SystemSettings", "autoLogoffTime")!.Value);
        Assert.Equal(new[] { "127.0.0.1", "192.168.1.100" }, doc.TrustedAddresses.Select(a => a.Value)); // not OrderPresets' <String>
    }

    [Theory]
    [InlineData("darykqabcdef/ibg.xml")]
    [InlineData("qvzkdmwnrtsa/tws.xml")]
    [InlineData("xkcdpqrsmnbv/ibg.xml")]
    public void An_unchanged_document_gives_back_every_byte(string relative)
    {
        string path = Path.Combine(_fixture.SettingsDir, relative);
        Assert.Equal(File.ReadAllBytes(path), ProfileXmlDocument.Load(path).ToBytes());
    }

    [Fact]
    public void Setting_an_attribute_changes_only_its_value_bytes()
    {
        byte[] before = File.ReadAllBytes(_fixture.GatewayProfileXml);
        var doc = ProfileXmlDocument.Parse(before, _fixture.GatewayProfileXml);

        Assert.True(doc.SetAttribute("ApiSettings", "port", "4001"));
        Assert.True(doc.SetAttribute("ApiSettings", "readOnlyApi", "true"));

        string expected = Encoding.UTF8.GetString(before)
            .Replace("port=\"4002\"", "port=\"4001\"")
            .Replace("readOnlyApi=\"false\"", "readOnlyApi=\"true\"");
        Assert.Equal(Encoding.UTF8.GetBytes(expected), doc.ToBytes());
        Assert.True(doc.IsModified);
    }

    [Fact]
    public void Setting_keeps_the_files_quote_style_bom_and_non_ascii_bytes()
    {
        byte[] before = File.ReadAllBytes(_fixture.TwsProfileXml);
        var doc = ProfileXmlDocument.Parse(before, _fixture.TwsProfileXml);

        doc.SetAttribute("ApiSettings", "readOnlyApi", "false");

        byte[] expected = Replace(before, "readOnlyApi='true'", "readOnlyApi='false'");
        Assert.Equal(expected, doc.ToBytes());
        Assert.Equal(before.Take(3), doc.ToBytes().Take(3)); // the BOM
    }

    [Fact]
    public void Setting_the_value_it_already_has_changes_nothing()
    {
        var doc = ProfileXmlDocument.Load(_fixture.GatewayProfileXml);

        Assert.False(doc.SetAttribute("ApiSettings", "port", "4002"));
        Assert.False(doc.IsModified);
    }

    [Fact]
    public void A_missing_attribute_is_added_after_the_last_one_before_the_tag_closes()
    {
        byte[] before = File.ReadAllBytes(_fixture.TwsProfileXml);
        var doc = ProfileXmlDocument.Parse(before, _fixture.TwsProfileXml);

        doc.SetAttribute("SystemSettings", "autoRestartTime", "11:55,PM");
        doc.SetAttribute("ApiSettings", "exposeEntireTradingSchedule", "true");

        byte[] expected = Replace(before, "startupWindowLayout='Mosaic' />", "startupWindowLayout='Mosaic' autoRestartTime=\"11:55,PM\" />");
        expected = Replace(expected, "allowAccountRequests='true'>", "allowAccountRequests='true' exposeEntireTradingSchedule=\"true\">");
        Assert.Equal(expected, doc.ToBytes());
    }

    [Fact]
    public void A_missing_element_is_added_as_the_roots_last_child_with_its_indentation()
    {
        string xml = "<?xml version=\"1.0\"?>\n<WorkSpace>\n  <SystemSettings autoLogoffTime=\"11:59,PM\"/>\n</WorkSpace>\n";
        var doc = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes(xml), "ibg.xml");

        doc.SetAttribute("ApiSettings", "port", "4002");

        Assert.Equal("<?xml version=\"1.0\"?>\n<WorkSpace>\n  <SystemSettings autoLogoffTime=\"11:59,PM\"/>\n  <ApiSettings port=\"4002\" />\n</WorkSpace>\n", Text(doc));
        Assert.Equal("4002", ProfileXmlDocument.Parse(doc.ToBytes(), "ibg.xml").GetAttribute("ApiSettings", "port")!.Value);
    }

    [Fact]
    public void Values_are_escaped_for_the_quote_they_sit_in_and_read_back_unescaped()
    {
        var doc = ProfileXmlDocument.Load(_fixture.TwsProfileXml);

        doc.SetAttribute("ApiSettings", "note", "a \"b\" & <c>");
        doc.SetAttribute("ApiSettings", "port", "it's");

        Assert.Contains("note=\"a &quot;b&quot; &amp; &lt;c>\"", Text(doc));
        Assert.Contains("port='it&apos;s'", Text(doc));
        var reread = ProfileXmlDocument.Parse(doc.ToBytes(), doc.Path);
        Assert.Equal(ProfileXmlState.Readable, reread.State);
        Assert.Equal("a \"b\" & <c>", reread.GetAttribute("ApiSettings", "note")!.Value);
        Assert.Equal("it's", reread.GetAttribute("ApiSettings", "port")!.Value);
    }

    [Fact]
    public void A_control_character_XML_cannot_hold_is_refused()
    {
        var doc = ProfileXmlDocument.Load(_fixture.GatewayProfileXml);

        var ex = Assert.Throws<IbConfigException>(() => doc.SetAttribute("ApiSettings", "port", "40\u000102"));
        Assert.Equal("ProfileXmlInvalidValue", ex.ErrorId);
        Assert.False(doc.IsModified);
    }

    [Fact]
    public void Removing_a_trusted_address_cuts_its_whole_line_and_nothing_else()
    {
        byte[] before = File.ReadAllBytes(_fixture.GatewayProfileXml);
        var doc = ProfileXmlDocument.Parse(before, _fixture.GatewayProfileXml);

        Assert.True(doc.SetTrustedAddresses(new[] { "127.0.0.1" }));

        Assert.Equal(Replace(before, "        <String>10.0.0.5</String>\r\n", string.Empty), doc.ToBytes());
    }

    [Fact]
    public void Adding_a_trusted_address_follows_the_last_one_with_its_indentation_and_line_ending()
    {
        byte[] before = File.ReadAllBytes(_fixture.TwsProfileXml);
        var doc = ProfileXmlDocument.Parse(before, _fixture.TwsProfileXml);

        Assert.True(doc.SetTrustedAddresses(new[] { "127.0.0.1", "192.168.1.100", "::1" }));

        Assert.Equal(Replace(before, "<String>192.168.1.100</String>", "<String>192.168.1.100</String>\r\n\t\t<String>::1</String>"), doc.ToBytes());
        Assert.Equal(new[] { "127.0.0.1", "192.168.1.100", "::1" }, doc.TrustedAddresses.Select(a => a.Value));
    }

    [Fact]
    public void The_same_trusted_list_changes_nothing_and_repeated_entries_are_folded()
    {
        var doc = ProfileXmlDocument.Load(_fixture.GatewayProfileXml);
        Assert.False(doc.SetTrustedAddresses(new[] { "127.0.0.1", "10.0.0.5", "10.0.0.5" }));
        Assert.False(doc.IsModified);

        string xml = "<W>\n <ApiSettings>\n  <String>127.0.0.1</String>\n  <String>127.0.0.1</String>\n </ApiSettings>\n</W>";
        var repeated = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes(xml), "ibg.xml");
        Assert.True(repeated.SetTrustedAddresses(new[] { "127.0.0.1" }));
        Assert.Equal("<W>\n <ApiSettings>\n  <String>127.0.0.1</String>\n </ApiSettings>\n</W>", Text(repeated));
    }

    [Fact]
    public void A_first_trusted_address_opens_a_self_closing_api_settings_element()
    {
        string xml = "<WorkSpace>\r\n    <ApiSettings port=\"4002\" />\r\n</WorkSpace>\r\n";
        var doc = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes(xml), "ibg.xml");

        doc.SetTrustedAddresses(new[] { "127.0.0.1" });

        Assert.Equal("<WorkSpace>\r\n    <ApiSettings port=\"4002\" >\r\n        <String>127.0.0.1</String>\r\n    </ApiSettings>\r\n</WorkSpace>\r\n", Text(doc));
    }

    [Fact]
    public void Trusted_addresses_inside_a_wrapper_element_are_read_and_edited_there()
    {
        string xml = "<W>\n\t<ApiSettings port=\"1\">\n\t\t<TrustedIPs>\n\t\t\t<String>127.0.0.1</String>\n\t\t</TrustedIPs>\n\t</ApiSettings>\n</W>";
        var doc = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes(xml), "ibg.xml");

        Assert.Equal(new[] { "127.0.0.1" }, doc.TrustedAddresses.Select(a => a.Value));
        doc.SetTrustedAddresses(new[] { "127.0.0.1", "10.1.2.3" });

        Assert.Equal("<W>\n\t<ApiSettings port=\"1\">\n\t\t<TrustedIPs>\n\t\t\t<String>127.0.0.1</String>\n\t\t\t<String>10.1.2.3</String>\n\t\t</TrustedIPs>\n\t</ApiSettings>\n</W>", Text(doc));
    }

    [Fact]
    public void A_file_without_line_breaks_gets_none_from_an_edit()
    {
        var doc = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes("<W><ApiSettings><String>127.0.0.1</String></ApiSettings></W>"), "ibg.xml");

        doc.SetTrustedAddresses(new[] { "10.0.0.1" });

        Assert.Equal("<W><ApiSettings><String>10.0.0.1</String></ApiSettings></W>", Text(doc));
    }

    [Fact]
    public void An_encrypted_profile_is_reported_plainly_and_can_never_be_written()
    {
        byte[] before = File.ReadAllBytes(_fixture.EncryptedProfileXml);
        var doc = ProfileXmlDocument.Load(_fixture.EncryptedProfileXml);

        Assert.Equal(ProfileXmlState.Encrypted, doc.State);
        Assert.False(doc.IsReadable);
        Assert.Contains("encrypted by this IB build; change them in the GUI or through IBC's config.ini", doc.Problem);
        Assert.Null(doc.GetAttribute("ApiSettings", "port"));
        Assert.Empty(doc.TrustedAddresses);
        var ex = Assert.Throws<IbConfigException>(() => doc.SetAttribute("ApiSettings", "port", "4002"));
        Assert.Equal("ProfileXmlEncrypted", ex.ErrorId);
        Assert.Equal(IbErrorKind.InvalidData, ex.Kind);
        Assert.Throws<IbConfigException>(() => doc.SetTrustedAddresses(new[] { "127.0.0.1" }));
        Assert.Equal(before, doc.ToBytes());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<WorkSpace>\n  <ApiSettings port=\"4002\">\n")]
    [InlineData("<WorkSpace><ApiSettings port=\"4002\"/></Workspace>")]
    [InlineData("")]
    public void A_damaged_profile_is_malformed_and_never_written(string content)
    {
        var doc = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes(content), "ibg.xml");

        Assert.Equal(ProfileXmlState.Malformed, doc.State);
        Assert.Contains("not well-formed XML", doc.Problem);
        Assert.Equal("ProfileXmlMalformed", Assert.Throws<IbConfigException>(() => doc.SetAttribute("ApiSettings", "port", "1")).ErrorId);
    }

    [Fact]
    public void Non_ascii_values_are_read_in_the_encoding_the_file_declares()
    {
        var utf8 = ProfileXmlDocument.Parse(Encoding.UTF8.GetBytes("<W><ApiSettings note=\"Café &amp; Bonds €\"/></W>"), "tws.xml");
        byte[] latin1Bytes = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><W><ApiSettings note=\"Caf~\"/></W>");
        latin1Bytes[Array.IndexOf(latin1Bytes, (byte)'~')] = 0xE9;
        var latin1 = ProfileXmlDocument.Parse(latin1Bytes, "tws.xml");

        Assert.Equal("Café & Bonds €", utf8.GetAttribute("ApiSettings", "note")!.Value);
        Assert.Equal(ProfileXmlState.Readable, latin1.State);
        Assert.Equal("Café", latin1.GetAttribute("ApiSettings", "note")!.Value);
    }

    [Fact]
    public void A_utf16_profile_is_edited_in_its_own_encoding()
    {
        var utf16 = new UnicodeEncoding(false, true);
        string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<W>\r\n <ApiSettings port=\"4002\"/>\r\n</W>\r\n";
        byte[] before = utf16.GetPreamble().Concat(utf16.GetBytes(xml)).ToArray();
        var doc = ProfileXmlDocument.Parse(before, "ibg.xml");

        Assert.Equal("4002", doc.GetAttribute("ApiSettings", "port")!.Value);
        doc.SetAttribute("ApiSettings", "port", "4012");

        Assert.Equal(utf16.GetPreamble().Concat(utf16.GetBytes(xml.Replace("4002", "4012"))).ToArray(), doc.ToBytes());
    }

    [Fact]
    public void Any_value_set_reads_back_and_leaves_a_well_formed_file_with_the_rest_untouched()
    {
        byte[] before = File.ReadAllBytes(_fixture.TwsProfileXml);
        var chars = Gen.Char["abcxyz0189&<>\"' \t\n\r;#é€\u2028"];
        Gen.String[chars, 0, 30].Sample(value =>
        {
            var doc = ProfileXmlDocument.Parse(before, "tws.xml");
            doc.SetAttribute("ApiSettings", "port", value);
            byte[] after = doc.ToBytes();

            var reread = ProfileXmlDocument.Parse(after, "tws.xml");
            Assert.Equal(ProfileXmlState.Readable, reread.State);
            Assert.Equal(value, reread.GetAttribute("ApiSettings", "port")!.Value);
            Assert.Equal(value, ReadWithXmlReader(after));
            string prefix = "port='";
            int at = IndexOf(before, prefix + "7497'");
            Assert.Equal(before.Take(at + prefix.Length), after.Take(at + prefix.Length));
            Assert.Equal(before.Skip(at + prefix.Length + 4).ToArray(), after.Skip(after.Length - (before.Length - at - prefix.Length - 4)).ToArray());
        }, iter: 500);
    }

    private static string ReadWithXmlReader(byte[] content)
    {
        using var reader = XmlReader.Create(new MemoryStream(content));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "ApiSettings") return reader.GetAttribute("port")!;
        }

        throw new InvalidOperationException("no ApiSettings");
    }

    private static string Text(ProfileXmlDocument doc) => Encoding.UTF8.GetString(doc.ToBytes());

    private static int IndexOf(byte[] haystack, string needle)
    {
        byte[] n = Encoding.UTF8.GetBytes(needle);
        for (int i = 0; i + n.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, n.Length).SequenceEqual(n)) return i;
        }

        return -1;
    }

    private static byte[] Replace(byte[] content, string find, string replacement)
    {
        int at = IndexOf(content, find);
        Assert.True(at >= 0, "fixture lacks " + find);
        return content.Take(at).Concat(Encoding.UTF8.GetBytes(replacement)).Concat(content.Skip(at + Encoding.UTF8.GetByteCount(find))).ToArray();
    }
}
