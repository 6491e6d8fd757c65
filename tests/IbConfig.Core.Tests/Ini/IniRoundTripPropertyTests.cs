using System.Text;
using CsCheck;
using IbConfig.Core.Ini;
using Xunit.Abstractions;

namespace IbConfig.Core.Tests.Ini;

/// <summary>
/// Property tests: any bytes, and generated ini-like files of every shape (sections, comments, blanks, duplicates,
/// whitespace, mixed line endings, BOM, non-ASCII, junk), round-trip exactly; edits touch only what they must.
/// Each test counts its iterations and reports them (the count goes into the lead's notes).
/// </summary>
public class IniRoundTripPropertyTests
{
    public const int RawIterations = 20_000;
    public const int StructuredIterations = 20_000;
    public const int EditIterations = 10_000;

    private readonly ITestOutputHelper _output;

    public IniRoundTripPropertyTests(ITestOutputHelper output) => _output = output;

    private static readonly Gen<string> Space = Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\t"), Gen.Const("  \t "));
    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.Const("s.SocketPort"), Gen.Const("TrustedIPs"), Gen.Const("trustedips"), Gen.Const("ApiOnly"), Gen.Const("tradingMode"),
        Gen.Const("IBGateway"), Gen.Const("Logon"), Gen.Const("caf\u00E9"), Gen.Const("\u65E5\u672C"), Gen.Const("a;b#c"),
        Gen.Char["abcXYZ019._-"].Array[1, 8].Select(c => new string(c)));
    private static readonly Gen<string> Value = Gen.OneOf(
        Word, Gen.Const(""), Gen.Const("127.0.0.1,10.0.0.5"), Gen.Const("23:55:00"), Gen.Const("a=b=c"), Gen.Const("x ; not a comment"),
        Gen.String[Gen.Char[' ', '\u024F'], 0, 12]);
    private static readonly Gen<string> Ending = Gen.Frequency((6, Gen.Const("\n")), (6, Gen.Const("\r\n")), (1, Gen.Const("\r\r\n")));

    private static readonly Gen<string> LineText = Gen.Frequency(
        (6, Gen.Select(Space, Word, Space, Space, Value, Space, (a, k, b, c, v, d) => a + k + b + "=" + c + v + d)),
        (2, Gen.Select(Space, Word, Space, (a, n, b) => a + "[" + n + "]" + b)),
        (2, Gen.Select(Space, Gen.OneOf(Gen.Const(";"), Gen.Const("#")), Value, (a, c, v) => a + c + v)),
        (2, Space),
        (1, Word),
        (1, Gen.Select(Word, Value, (k, v) => "=" + k + v)),
        (1, Gen.Const("[unclosed")),
        (1, Gen.String[Gen.Char['\0', '\u00FF'], 0, 30]));

    private static readonly Gen<byte[]> IniFile = Gen.Select(
        Gen.Bool,
        Gen.Select(LineText, Ending).Array[0, 30],
        Gen.Bool,
        Gen.Byte.Array[0, 4],
        (bom, lines, finalNewline, junk) =>
        {
            var text = new StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                text.Append(lines[i].Item1);
                if (i < lines.Length - 1 || finalNewline) text.Append(lines[i].Item2);
            }
            var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
            var prefix = bom ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>();
            // Sometimes raw bytes that are not UTF-8 in the middle of the file.
            var cut = bytes.Length / 2;
            return prefix.Concat(bytes.Take(cut)).Concat(junk).Concat(bytes.Skip(cut)).ToArray();
        });

    [Fact]
    public void Any_bytes_round_trip_exactly()
    {
        var count = 0;
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            Interlocked.Increment(ref count);
            Assert.Equal(bytes, IniDocument.Parse(bytes).ToBytes());
        }, iter: RawIterations);
        _output.WriteLine($"raw byte round-trips: {count}");
        Assert.Equal(RawIterations, count);
    }

    [Fact]
    public void Generated_ini_files_round_trip_exactly()
    {
        var count = 0;
        IniFile.Sample(bytes =>
        {
            Interlocked.Increment(ref count);
            var document = IniDocument.Parse(bytes);
            Assert.Equal(bytes, document.ToBytes());
            Assert.All(document.Lines.Where(l => l.Kind == IniLineKind.Malformed),
                l => Assert.Contains(document.Diagnostics, d => d.LineNumber == l.LineNumber));
        }, iter: StructuredIterations);
        _output.WriteLine($"structured ini round-trips: {count}");
        Assert.Equal(StructuredIterations, count);
    }

    [Fact]
    public void Setting_a_value_changes_only_the_lines_of_that_key()
    {
        var count = 0;
        Gen.Select(IniFile, Gen.Int[0, 1000], Gen.OneOf(Gen.Const("4002"), Gen.Const(""), Gen.Const("127.0.0.1,::1"), Gen.Const("\u00FCber")))
            .Sample((bytes, pick, value) =>
            {
                var document = IniDocument.Parse(bytes);
                var entries = document.Entries.ToArray();
                if (entries.Length == 0) return;
                Interlocked.Increment(ref count);
                var target = entries[pick % entries.Length];
                var before = document.Lines.Select(l => (l.Text, l.LineEnding)).ToArray();
                var edited = document.FindAll(target.SectionName, target.Key).Select(e => e.LineNumber).ToHashSet();
                var latin1 = document.Diagnostics.Where(d => d.Kind == IniDiagnosticKind.InvalidUtf8).Select(d => d.LineNumber).ToHashSet();
                try
                {
                    document.SetValue(target.SectionName, target.Key, value);
                }
                catch (IbConfig.Core.Errors.IbConfigException ex) when (ex.ErrorId is "IniValueNotEncodable" or "IniNameInvalid")
                {
                    Assert.Equal(bytes, document.ToBytes());
                    return;
                }

                var reparsed = IniDocument.Parse(document.ToBytes());
                Assert.Equal(before.Length, reparsed.Lines.Count);
                for (var i = 0; i < before.Length; i++)
                {
                    var line = reparsed.Lines[i];
                    Assert.Equal(before[i].LineEnding, line.LineEnding);
                    if (!edited.Contains(i + 1)) Assert.Equal(before[i].Text, line.Text);
                    else if (!latin1.Contains(i + 1)) Assert.Equal(value, Assert.IsType<IniEntry>(line).Value);
                }
                // A line that was not UTF-8 may become UTF-8 once its value changes, and then its key reads differently.
                if (!edited.Overlaps(latin1)) Assert.Equal(value, reparsed.GetValue(target.SectionName, target.Key));
            }, iter: EditIterations);
        _output.WriteLine($"edit checks: {count}");
        Assert.True(count > EditIterations / 2, $"only {count} generated files had an entry to edit");
    }

    [Fact]
    public void Copying_unedited_lines_renders_the_same_bytes_as_encoding_every_line()
    {
        var count = 0;
        var keys = Gen.OneOf(Gen.Const("s.SocketPort"), Gen.Const("TrustedIPs"), Gen.Const("zz.Added"), Gen.Const("ApiOnly"));
        var sections = Gen.OneOf(Gen.Const("IBGateway"), Gen.Const("Logon"), Gen.Const(""), Gen.Const("NewSection"));
        Gen.Select(IniFile, Gen.Select(Gen.Int[0, 2], sections, keys).Array[0, 6])
            .Sample((bytes, edits) =>
            {
                Interlocked.Increment(ref count);
                var document = IniDocument.Parse(bytes);
                foreach (var (kind, section, key) in edits)
                {
                    try
                    {
                        if (kind == 2) document.Remove(section, key);
                        else document.SetValue(section, key, kind == 0 ? "4002" : "\u00FCber");
                    }
                    catch (IbConfig.Core.Errors.IbConfigException ex) when (ex.ErrorId is "IniValueNotEncodable" or "IniNameInvalid")
                    {
                        // a Latin-1 line cannot take the value: the document is unchanged, and still compared below
                    }
                }

                var copied = document.ToBytes(); // first, while most lines have no object yet
                Assert.Equal(document.EncodeEveryLine(), copied);
            }, iter: EditIterations);
        _output.WriteLine($"renderer checks: {count}");
        Assert.Equal(EditIterations, count);
    }

    [Fact]
    public void The_byte_classifier_agrees_with_the_text_and_key_look_ups_with_comparing_the_key_strings()
    {
        var count = 0;
        var names = StringComparer.OrdinalIgnoreCase;
        Gen.OneOf(IniFile, Gen.Byte.Array[0, 200]).Sample(bytes =>
        {
            Interlocked.Increment(ref count);
            var parsed = IniDocument.Parse(bytes);
            var kinds = Enumerable.Range(0, parsed.Lines.Count).Select(parsed.ParsedKindAt).ToArray(); // before any line is made
            var lines = IniDocument.Parse(bytes).Lines.ToArray();
            Assert.Equal(lines.Select(l => l.Kind), kinds);

            // The reference: the entries' strings compared ignoring case; each repeat of (section, key) is a duplicate.
            var entries = lines.OfType<IniEntry>().ToArray();
            var repeats = entries.Where((e, i) => entries.Take(i).Any(f => names.Equals(f.SectionName, e.SectionName) && names.Equals(f.Key, e.Key)));
            Assert.Equal(repeats.Select(e => e.LineNumber), parsed.Diagnostics.Where(d => d.Kind == IniDiagnosticKind.DuplicateKey).Select(d => d.LineNumber));
            foreach (var entry in entries)
            {
                foreach (var key in new[] { entry.Key, entry.Key.ToUpperInvariant() })
                {
                    var expected = entries.Where(e => names.Equals(e.SectionName, entry.SectionName) && names.Equals(e.Key, key)).Select(e => e.LineNumber);
                    Assert.Equal(expected, IniDocument.Parse(bytes).FindAll(entry.SectionName.ToLowerInvariant(), key).Select(e => e.LineNumber));
                }
            }
        }, iter: StructuredIterations);
        _output.WriteLine($"classifier agreement checks: {count}");
        Assert.Equal(StructuredIterations, count);
    }

    [Fact]
    public void Adding_a_key_keeps_every_existing_line_and_reads_back()
    {
        var count = 0;
        Gen.Select(IniFile, Gen.OneOf(Gen.Const("IBGateway"), Gen.Const("Startup"), Gen.Const(""), Gen.Const("NewSection")))
            .Sample((bytes, section) =>
            {
                Interlocked.Increment(ref count);
                var document = IniDocument.Parse(bytes);
                if (document.FindAll(section, "zz.Added").Count > 0) return;
                var before = document.Lines.Select(l => l.Text).ToArray();
                document.SetValue(section, "zz.Added", "1");
                var reparsed = IniDocument.Parse(document.ToBytes());
                Assert.Equal("1", reparsed.GetValue(section, "zz.Added"));
                var after = reparsed.Lines.Select(l => l.Text).ToList();
                var at = 0;
                foreach (var text in before)
                {
                    at = after.IndexOf(text, at);
                    Assert.True(at >= 0, $"line '{text}' was lost");
                    at++;
                }
                Assert.InRange(after.Count - before.Length, 1, 3);
            }, iter: EditIterations);
        _output.WriteLine($"add checks: {count}");
        Assert.Equal(EditIterations, count);
    }
}
