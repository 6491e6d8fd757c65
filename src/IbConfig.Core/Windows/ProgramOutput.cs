namespace IbConfig.Core.Windows;

/// <summary>What a finished program left behind: its exit code and its standard output and error text.</summary>
public sealed class ProgramOutput
{
    public ProgramOutput(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }
}
