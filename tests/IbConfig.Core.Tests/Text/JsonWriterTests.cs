using System.Text.Json;
using CsCheck;
using IbConfig.Core.Text;

namespace IbConfig.Core.Tests.Text;

public class JsonWriterTests
{
    [Fact]
    public void Objects_and_arrays_get_their_commas_in_the_right_places()
    {
        var json = new JsonWriter().BeginObject()
            .Property("a", 1).Property("b", "x").Property("c", true).Property("d", (string?)null)
            .Property("e", new[] { "p", "q" })
            .Name("f").BeginArray().BeginObject().Property("g", 2).EndObject().BeginObject().EndObject().EndArray()
            .EndObject().ToString();
        Assert.Equal("{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null,\"e\":[\"p\",\"q\"],\"f\":[{\"g\":2},{}]}", json);
    }

    [Theory]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\Jts\\jts.ini", "\"C:\\\\Jts\\\\jts.ini\"")]
    [InlineData("a\r\nb\tc", "\"a\\r\\nb\\tc\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("line\u2028sep", "\"line\\u2028sep\"")]
    [InlineData("Zürich €", "\"Zürich €\"")]
    public void Strings_are_escaped_as_the_rfc_requires(string value, string expected) =>
        Assert.Equal(expected, new JsonWriter().Value(value).ToString());

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_and_a_pair_is_kept()
    {
        Assert.Equal("\"a\uFFFDb\"", new JsonWriter().Value("a\uD800b").ToString());
        Assert.Equal("\"\U0001F600\"", new JsonWriter().Value("\U0001F600").ToString());
    }

    [Fact]
    public void Any_string_round_trips_through_a_real_json_parser_and_stays_on_one_line()
    {
        Gen.String.Sample(value =>
        {
            var json = new JsonWriter().BeginObject().Property("v", value).EndObject().ToString();
            Assert.DoesNotContain('\n', json);
            var parsed = JsonDocument.Parse(json).RootElement.GetProperty("v").GetString();
            Assert.Equal(ReplaceLoneSurrogates(value), parsed);
        });
    }

    [Fact]
    public void Unbalanced_text_is_refused_rather_than_written()
    {
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().ToString());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().EndArray());
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
