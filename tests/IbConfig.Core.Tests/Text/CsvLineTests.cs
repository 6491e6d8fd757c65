using CsCheck;
using IbConfig.Core.Text;

namespace IbConfig.Core.Tests.Text;

public class CsvLineTests
{
    [Fact]
    public void Plain_fields_are_written_bare_and_null_is_empty() =>
        Assert.Equal("Pass,SocketPort,,7497", CsvLine.Format(new[] { "Pass", "SocketPort", null, "7497" }));

    [Theory]
    [InlineData("127.0.0.1,10.0.0.5", "\"127.0.0.1,10.0.0.5\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    public void Fields_that_need_it_are_quoted_with_quotes_doubled(string field, string expected) =>
        Assert.Equal(expected, CsvLine.Format(new[] { field }));

    [Fact]
    public void Any_fields_parse_back_to_themselves()
    {
        Gen.String.Array[1, 6].Sample(fields => Assert.Equal(fields, Parse(CsvLine.Format(fields))));
    }

    // An RFC 4180 reader, independent of the writer.
    private static string[] Parse(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
