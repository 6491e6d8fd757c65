using IbConfig.Core.Errors;

namespace IbConfig.Core.Baseline;

/// <summary>The baseline's own errors (reading the file itself fails with the file errors of ConfigFileReader).</summary>
public static class BaselineFailure
{
    public static IbConfigException Invalid(string path, int? line, string reason) =>
        new("BaselineInvalid", IbErrorKind.InvalidData,
            $"'{path}'{(line is { } l ? $" line {l}" : string.Empty)} is not an IbConfig baseline: {reason}. Write one with Export-IbApiBaseline -Baseline '{path}'.", path);
}
