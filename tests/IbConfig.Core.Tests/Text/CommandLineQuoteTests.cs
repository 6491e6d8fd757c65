using CsCheck;
using IbConfig.Core.Text;

namespace IbConfig.Core.Tests.Text;

public class CommandLineQuoteTests
{
    [Theory]
    [InlineData("pwsh.exe", "pwsh.exe")]
    [InlineData(@"C:\Program Files\PowerShell\7\pwsh.exe", "\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir with space\", "\"C:\\dir with space\\\\\"")]
    [InlineData("", "\"\"")]
    public void Windows_arguments_follow_the_CommandLineToArgvW_rules(string value, string expected) =>
        Assert.Equal(expected, CommandLineQuote.Windows(value));

    [Fact]
    public void Any_windows_argument_parses_back_to_itself()
    {
        Gen.String[Gen.Char["a \"\\\t'x"], 0, 12].Sample(value => Assert.Equal(new[] { value }, ParseWindows(CommandLineQuote.Windows(value))));
    }

    [Theory]
    [InlineData("/usr/bin/pwsh", "/usr/bin/pwsh")]
    [InlineData("exit $LASTEXITCODE", "'exit $LASTEXITCODE'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Posix_words_are_single_quoted_when_the_shell_would_touch_them(string value, string expected) =>
        Assert.Equal(expected, CommandLineQuote.Posix(value));

    [Fact]
    public void Systemd_words_escape_the_dollar_and_percent_that_unit_files_expand() =>
        Assert.Equal("\"exit $$LASTEXITCODE; 50%% \\\"q\\\" C:\\\\x\"", CommandLineQuote.Systemd("exit $LASTEXITCODE; 50% \"q\" C:\\x"));

    [Theory]
    [InlineData(@"C:\Jts", "'C:\\Jts'")]
    [InlineData("O'Brien $HOME", "'O''Brien $HOME'")]
    [InlineData("a\u2019b", "'a\u2019\u2019b'")]
    public void PowerShell_literals_expand_nothing_and_double_quotes(string value, string expected) =>
        Assert.Equal(expected, CommandLineQuote.PowerShell(value));

    // The MSVC runtime's argument parser (CommandLineToArgvW), enough to check one quoted argument.
    private static string[] ParseWindows(string line)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        var inQuotes = false;
        var any = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                var n = 0;
                while (i < line.Length && line[i] == '\\') { n++; i++; }
                if (i < line.Length && line[i] == '"')
                {
                    current.Append('\\', n / 2);
                    if (n % 2 == 1) current.Append('"');
                    else { inQuotes = !inQuotes; any = true; }
                }
                else { current.Append('\\', n); i--; }
            }
            else if (c == '"') { inQuotes = !inQuotes; any = true; }
            else if ((c == ' ' || c == '\t') && !inQuotes)
            {
                if (current.Length > 0 || any) args.Add(current.ToString());
                current.Clear(); any = false;
            }
            else current.Append(c);
        }
        if (current.Length > 0 || any) args.Add(current.ToString());
        return args.ToArray();
    }
}
