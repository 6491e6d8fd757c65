using IbConfig.Core.Health;

namespace IbConfig.Core.Tests.Health;

public class ShellInvocationTests
{
    [Theory]
    [InlineData("pwsh.exe -NoProfile -NonInteractive -File C:\\check.ps1")]
    [InlineData("pwsh -NoProfile -Command Invoke-IbHealthCheck")]
    [InlineData("pwsh -c Invoke-IbHealthCheck")]
    [InlineData("pwsh -f check.ps1")]
    [InlineData("powershell.exe -ExecutionPolicy Bypass -File check.ps1")]
    [InlineData("powershell.exe /Command Invoke-IbHealthCheck")]
    [InlineData("pwsh -EncodedCommand SQBuAHYA")]
    [InlineData("pwsh -ec SQBuAHYA")]
    [InlineData("pwsh check.ps1")]
    [InlineData("pwsh --command Invoke-IbHealthCheck")]
    [InlineData("dotnet /root/.nuget/pwsh.dll -NoProfile -File check.ps1")]
    [InlineData("pwsh -WindowStyle Hidden -Command x")]
    [InlineData("pwsh -File check.ps1 -NoExit")]
    public void A_process_that_runs_a_script_or_command_and_exits_may_take_the_exit_code(string commandLine) =>
        Assert.True(ShellInvocation.ExitsAfterRunning(commandLine.Split(' ')));

    [Theory]
    [InlineData("pwsh")]
    [InlineData("pwsh -NoProfile")]
    [InlineData("pwsh -NoExit -Command Import-Module IbConfig")]
    [InlineData("pwsh -noe -c x")]
    [InlineData("pwsh -s -NoLogo")]
    [InlineData("/root/.nuget/pwsh.dll -NoProfile")]
    [InlineData("pwsh -WorkingDirectory C:\\x")]
    public void An_interactive_or_server_process_must_not_be_told_to_exit(string commandLine) =>
        Assert.False(ShellInvocation.ExitsAfterRunning(commandLine.Split(' ')));
}
