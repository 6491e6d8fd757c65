using IbConfig.Core.Processes;

namespace IbConfig.Core.Tests.Processes;

public class CommandLineArgumentsTests
{
    [Fact]
    public void Quotes_group_and_whitespace_separates()
    {
        Assert.Equal(new[] { @"C:\Program Files\java.exe", "-DjtsConfigDir=C:\\My Jts", "-cp", "a;b", "" },
            CommandLineArguments.Split("\"C:\\Program Files\\java.exe\"   -DjtsConfigDir=\"C:\\My Jts\" -cp a;b \"\""));
    }

    [Fact]
    public void Join_then_split_gives_the_arguments_back()
    {
        var args = new[] { "/usr/bin/java", "-DjtsConfigDir=/home/u/IB Settings", "", "ibcalpha.ibc.IbcGateway" };

        Assert.Equal(args, CommandLineArguments.Split(CommandLineArguments.Join(args)));
    }
}
